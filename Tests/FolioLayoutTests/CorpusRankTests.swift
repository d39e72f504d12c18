import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Nothing in a layout hard-codes what the data decides: the rank label of the corpus's
/// reports follows their number of events (`{events.ranked}`, `when: several`).
@Suite("Rank labels follow the report")
struct CorpusRankTests {
    static func text(_ page: Page) -> String {
        LayoutTestSupport.runs(page).map(\.text).joined()
    }

    @Test("the event pages say TOP 3 for 3 events, TOP 10 for 10, no TOP for 30 and no rank for 1",
          arguments: [("tingzhou-2023", "TOP 3 · NO."), ("qinglan-2024", "TOP 10 · NO."), ("haicheng-2024", "NO."),
                      ("lanshan-2025", "")])
    func eventPages(report name: String, label: String) throws {
        let report = TestSupport.corpusReport(name)
        let doc = try LayoutTestSupport.document(report, layout: "brochure")
        let firsts = Set(report.events.map { "event-\($0.id)" })
        let eventPages = doc.pages.filter { page in
            page.items.contains { if case .destination(let d, _) = $0 { return firsts.contains(d) }; return false }
        }
        // Every event's head is found (events may share a page in continuous placement).
        let found = Set(eventPages.flatMap { $0.items }.compactMap { item -> String? in
            if case .destination(let d, _) = item, firsts.contains(d) { return d }
            return nil
        })
        #expect(found == firsts)
        #expect(!eventPages.isEmpty)
        for page in eventPages {
            let text = Self.text(page)
            if label.isEmpty {
                #expect(!text.contains("NO.") && !text.contains("TOP"), "\(name): \(text.prefix(80))")
            } else {
                #expect(text.contains(label), "\(name)")
                if !label.hasPrefix("TOP") { #expect(!text.contains("TOP"), "\(name)") }
            }
            #expect(!text.contains("TOP 10") || report.events.count == 10)
        }
    }

    @Test("the 16K cover's kicker counts the events")
    func cover16k() throws {
        let three = try LayoutTestSupport.document(TestSupport.corpusReport("tingzhou-2023"), layout: "brochure-16k")
        #expect(Self.text(three.pages[0]).contains("TOP 3 · 年度科技创新大事"))
        let many = try LayoutTestSupport.document(TestSupport.corpusReport("haicheng-2024"), layout: "brochure-16k")
        #expect(Self.text(many.pages[0]).contains("年度科技创新大事"))
        #expect(!Self.text(many.pages[0]).contains("TOP"))
    }

    @Test("a one-event report's cards show no rank numeral", arguments: ["square", "story", "og"])
    func singleCard(preset: String) throws {
        let report = TestSupport.corpusReport("lanshan-2025")
        let spec = try LayoutTestSupport.spec(preset, card: true)
        let page = try CardLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer))
            .page(report: report, event: report.events[0])
        #expect(!Self.text(page).contains("NO."))
        #expect(!Self.text(page).contains("01"))
    }
}
