import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Issue 21's goal, measured: on the default report and every corpus report, in both
/// brochure layouts, the inner pages' text blocks hold content — mean ≥ 80 %, no page
/// below 70 % — except a page the layout declares may end part-filled on purpose
/// (`ends-open`, `Page.endsOpen`), which still counts in the mean. The table of every
/// page is printed, so a failure says which pages.
@Suite("Pages fit their content")
struct OccupancyGoalTests {
    /// All of them; `FOLIO_OCCUPANCY_REPORTS=ningbo-2022,lanshan-2025` measures only those
    /// (a quicker look while working on a page).
    static let reports = ProcessInfo.processInfo.environment["FOLIO_OCCUPANCY_REPORTS"].map { $0.split(separator: ",").map(String.init) }
        ?? ["ningbo-2022", "lanshan-2025", "tingzhou-2023", "qinglan-2024", "haicheng-2024", "donglin-2025"]
    static let layouts = ["brochure", "brochure-16k"]

    /// Each inner page (not the covers) with its occupancy.
    static func measure(_ report: Report, layout: String) throws -> [(number: Int, role: String, share: Double, open: Bool)] {
        let spec = try LayoutTestSupport.spec(layout)
        let document = try BrochureLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer)).document(for: report)
        return document.pages.enumerated().compactMap { index, page in
            guard page.role != "cover", page.role != "back" else { return nil }
            let block = spec.page.liveArea(pageNumber: index + 1)
            return (index + 1, page.role, PageOccupancy(page: page, textBlock: block, layoutColumns: spec.page.columns).share, page.endsOpen)
        }
    }

    @Test("inner pages: mean ≥ 80 %, none below 70 %", arguments: OccupancyGoalTests.reports, OccupancyGoalTests.layouts)
    func goal(report name: String, layout: String) throws {
        let pages = try Self.measure(TestSupport.corpusReport(name), layout: layout)
        let mean = pages.map(\.share).reduce(0, +) / Double(max(1, pages.count))
        let low = pages.filter { $0.share < 0.7 && !$0.open }
        let table = pages.map {
            String(format: "%4d %-12@ %3.0f%%%@", $0.number, $0.role as NSString, $0.share * 100, ($0.open ? " (ends open)" : "") as NSString)
        }
        print("occupancy \(name) \(layout): mean \(String(format: "%.1f", mean * 100)) %, \(low.count) of \(pages.count) below 70 %"
              + " (not counting pages that end open)")
        for row in table { print("occupancy   \(name) \(layout) \(row)") }
        let check = {
            #expect(mean >= 0.8, "\(name) \(layout): mean \(mean)\n\(table.joined(separator: "\n"))")
            #expect(low.isEmpty, "\(name) \(layout): \(low.map(\.number))\n\(table.joined(separator: "\n"))")
        }
        if let reason = Self.open["\(name) \(layout)"] {
            withKnownIssue("issue 21: \(reason)", isIntermittent: false, check)
        } else {
            check()
        }
    }

    /// The cases that do not meet the goal yet, and why (the rest must meet it).
    static let open: [String: String] = [
        "ningbo-2022 brochure": "mean 79.6 %, no page below 70 %: event pages at 74–78 % (white beside charts and figure tiles, space between blocks); its events leave no gap at a page foot for the gap filler",
        "lanshan-2025 brochure": "one event: its last page 60 % (its chart row does not fit there and moves on within the event, where the gap filler does not act), then a statistics page (44 %) repeating the event's one chart",
        "tingzhou-2023 brochure": "mean 70.0 %: pages 2 and 4 at 68 % and 62 % (a photo kept whole with white beside it; a chart row that moves on within its event; a body too short to quote)",
        "qinglan-2024 brochure": "mean 67.2 %: the foreword and contents page 60 %, event pages 56–69 % (photos kept whole with white beside them), the last statistics page 22 % (one donut and the KPI row)",
        "haicheng-2024 brochure": "mean 76.8 %: 4 event pages at 62–68 % (photos with white beside them, bodies too short to quote), the last statistics page 66 %",
        "donglin-2025 brochure": "mean 77.1 %: event pages at 48–69 % (photos with white beside them, short events whose gap has no chart to grow and no body to quote), statistics pages of donuts at 42–67 %",
        "lanshan-2025 brochure-16k": "mean 60.3 %: one event of 1.1 pages; its second page holds its chart and the statistics (36 %)",
        "tingzhou-2023 brochure-16k": "mean 63.0 %: both pages below 70 %; the second page, the last two events and the statistics, 56 %",
        "qinglan-2024 brochure-16k": "mean 63.6 %: event pages 54–68 % where the next event's head, set across the page, or a chart does not fit; the statistics 51 %",
        // Issue 20's magazine design (heads across the page, balanced columns, so that
        // poppler reads the columns in order) costs these two the goal they met with heads
        // in the columns (80.3 % and 88.7 %).
        "ningbo-2022 brochure-16k": "mean 75.7 %, none below 70 %: event pages 76–86 %, the statistics 71 %, the summary padding page 75 %",
        "haicheng-2024 brochure-16k": "mean 73.6 %: six event pages 39–67 % where the next event's head, set across the page, or a chart does not fit",
        "donglin-2025 brochure-16k": "mean 71.5 %: 66 of 152 pages below 70 % (event pages where the next event's head does not fit)",
    ]
}
