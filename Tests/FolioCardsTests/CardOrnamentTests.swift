import FolioCore
import FolioLayout
import FolioTestSupport
import Testing

@Suite("Card ornaments")
struct CardOrnamentTests {
    /// The square preset's accent rule above the hero (56 × 6 px).
    static func heroRules(_ page: Page) -> Int {
        page.items.flatMap(\.flattened).filter { item in
            guard case .shape = item, let b = item.bounds else { return false }
            return abs(b.width - 56) < 0.5 && abs(b.height - 6) < 0.5
        }.count
    }

    @Test("the accent rule above the hero shows when a figure or a summary follows it, never alone")
    func ruleNeedsSomethingAfterIt() throws {
        let report = TestSupport.defaultReport
        let square = try Cards.layout("square")
        var bare = report.events[0]
        #expect(Self.heroRules(try square.page(report: report, event: bare)) == 1, "with its figure")
        bare.figures = []
        #expect(Self.heroRules(try square.page(report: report, event: bare)) == 1, "with its summary as the deck")
        bare.summary = nil
        bare.charts = []
        bare.body = [] // (its text would follow the rule in its place)
        #expect(Self.heroRules(try square.page(report: report, event: bare)) == 0, "nothing follows: no rule")
    }
}
