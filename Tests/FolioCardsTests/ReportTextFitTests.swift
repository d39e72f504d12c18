import FolioBuild
import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Report-level text on cards (the brand strip's title and publisher) on the corpus:
/// short forms used where given, long forms shrunk and then balanced over two lines, and
/// one diagnostic per cause when nothing fits.
@Suite("Report-level text on cards")
struct ReportTextFitTests {
    /// The glyph runs of a card whose text is part of `text`, by line (rounded baseline y).
    static func lines(of text: String, on page: Page) -> [Double: String] {
        var out: [Double: String] = [:]
        for case .text(let run) in page.items.flatMap(\.flattened) where !run.text.isEmpty && text.contains(run.text) {
            let y = (run.glyphs.first?.y ?? run.bounds.minY).rounded()
            out[y, default: ""] += run.text
        }
        return out
    }

    @Test("cards print short-title and short-publisher where the report gives them", arguments: Cards.presets)
    func shortForms(preset: String) throws {
        let report = TestSupport.corpusReport("qinglan-2024")
        let page = try Cards.layout(preset).page(report: report, event: report.events[0])
        let all = Cards.text(page.items)
        #expect(all.contains("2024青澜科技创新十件大事"))
        #expect(!all.contains("（图文版）"))
        #expect(all.contains("青澜市科学技术局"))
        #expect(!all.contains("外国专家局"))
    }

    @Test("a 30-character title and a 24-character publisher without short forms fit every preset, whole",
          arguments: Cards.presets)
    func longForms(preset: String) throws {
        let report = TestSupport.corpusReport("tingzhou-2023")
        #expect(report.shortTitle == nil && report.title.count >= 29)
        let page = try Cards.layout(preset).page(report: report, event: report.events[1])
        let title = Self.lines(of: report.title, on: page).values.joined()
        let publisher = Self.lines(of: report.publisher, on: page)
        #expect(title.count >= report.title.count - 1, "the title is printed whole: \(title)")
        #expect(publisher.values.joined().count >= report.publisher.count - 1)
        // Set over two lines, the publisher is balanced: neither line under 40 % of the other.
        if publisher.count == 2 {
            let counts = publisher.values.map(\.count)
            #expect(Double(counts.min()!) >= 0.4 * Double(counts.max()!), "\(publisher)")
        }
    }

    @Test("a title no preset can hold is one diagnostic naming the presets, the cards, px and short-title")
    func oneDiagnosticPerCause() throws {
        let dir = TestSupport.temporaryDirectory("long-title") + "/tingzhou"
        try FileManager.default.copyItem(atPath: TestSupport.path("Tests/Corpus/tingzhou-2023"), toPath: dir)
        var yaml = try String(contentsOfFile: TestSupport.path("Tests/Corpus/tingzhou-2023/report.yaml"), encoding: .utf8)
        let long = String(repeating: "汀州市科技创新暨创新型城市建设成果展示", count: 5)
        yaml = yaml.replacingOccurrences(of: "title: 汀州市2023年度科技创新三件大事暨创新型城市建设成果展示", with: "title: \(long)")
        try yaml.write(toFile: dir + "/report.yaml", atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        do {
            _ = try Builder(resources: Resources(root: TestSupport.root)).check(BuildOptions(reportDirectory: dir))
        } catch BuildError.input(let d) {
            diagnostics = d.filter { $0.severity == .error }
        }
        // The brochure's running heads: one diagnostic naming the page templates, not one each.
        let pages = diagnostics.filter { $0.code == "overflow" && $0.message.contains("'title'") }
        #expect(pages.count == 1 && pages.first?.message.contains("event, statistics pages") == true,  // tingzhou (3 events) has no contents page
                "\(pages.map(\.description))")
        #expect(pages.first?.hint?.contains("short-title:") == true)
        let title = diagnostics.filter { $0.code == "card-overflow" && $0.message.contains("`title`") }
        #expect(title.count == 1, "\(diagnostics.map(\.description))")
        guard let d = title.first else { return }
        #expect(d.message.contains("px"))
        #expect(!d.message.contains("pt"))
        #expect(d.message.contains("15 cards"), "3 events × 5 presets: \(d.message)")
        for preset in Cards.presets { #expect(d.message.contains(preset)) }
        #expect(d.hint?.contains("short-title:") == true)
        #expect(d.location?.line == 6)
        // The hint works: with a short form the cards fit.
        try (yaml.replacingOccurrences(of: "publisher:", with: "short-title: 汀州科创三件大事\npublisher:"))
            .write(toFile: dir + "/report.yaml", atomically: true, encoding: .utf8)
        var after: [Diagnostic] = []
        do {
            _ = try Builder(resources: Resources(root: TestSupport.root)).check(BuildOptions(reportDirectory: dir))
        } catch BuildError.input(let d) {
            after = d
        }
        #expect(!after.contains { $0.code == "card-overflow" }, "\(after.map(\.description))")
    }
}
