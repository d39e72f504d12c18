import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

@Suite("Pagination")
struct PaginationTests {
    static let layouts = ["brochure", "brochure-16k"]

    static func check(_ document: Document, report: Report, layout: String) throws {
        let spec = try LayoutTestSupport.spec(layout)
        let paragraphs = Set(report.events.flatMap(\.body) + report.intro + report.events.compactMap(\.summary)
                             + report.events.map(\.title))
        for (index, page) in document.pages.enumerated() {
            let where_ = "\(layout) page \(index + 1)"
            let live = spec.page.liveArea(pageNumber: index + 1)
            // Text never overlaps other text and stays on the trimmed page.
            let runs = LayoutTestSupport.runs(page)
            for (i, a) in runs.enumerated() {
                #expect(page.trimBox.contains(a.bounds), "\(where_): '\(a.text)' leaves the trim")
                for b in runs[(i + 1)...] where a.bounds.intersects(b.bounds, tolerance: 0.5) {
                    Issue.record("\(where_): '\(a.text)' overlaps '\(b.text)'")
                }
            }
            // Flowed content (paragraphs, headings, figures, contents lines) stays in the live area.
            for role in ["P", "H2", "Figure", "TOCI"] {
                for group in LayoutTestSupport.tagged(page, role: role) {
                    for item in group {
                        guard let b = item.bounds, !LayoutTestSupport.isBleedArt(item, on: page) else { continue }
                        if case .link = item { continue }
                        #expect(live.contains(b, tolerance: 0.6), "\(where_): a \(role) item at \(b) leaves the live area \(live)")
                    }
                }
            }
            // Shapes that are not bleed art stay inside the trim.
            for item in page.items.flatMap(\.flattened) {
                guard case .shape(let s) = item, let b = s.path.bounds, !LayoutTestSupport.isBleedArt(item, on: page) else { continue }
                #expect(page.trimBox.contains(b, tolerance: 0.6), "\(where_): a shape at \(b) leaves the trim")
            }
            // No lonely lines: a one-line fragment of a paragraph must be the whole paragraph.
            // (The covers have no flow: their text frames are content of one line each.)
            for group in LayoutTestSupport.tagged(page, role: "P") where page.role != "cover" && page.role != "back" {
                let lines = LayoutTestSupport.baselines(group)
                let text = LayoutTestSupport.text(group)
                if lines.count == 1 && text.count > 30 {
                    let whole = paragraphs.contains(text)
                    #expect(whole, "\(where_): a single line of a paragraph stands alone: '\(text.prefix(20))…'")
                }
            }
        }
    }

    @Test("3, 10 and 40 events paginate cleanly with both layouts", arguments: layouts, [3, 40])
    func generated(layout: String, events: Int) throws {
        let report = try LayoutTestSupport.report(events: events, paragraphs: events == 40 ? 3 : 2)
        let document = try LayoutTestSupport.document(report, layout: layout)
        // Events may share pages (continuous placement): each has its destination, once.
        let names = document.pages.flatMap { $0.items.flatMap(\.flattened) }.compactMap { item -> String? in
            if case .destination(let name, _) = item, name.hasPrefix("event-") { return name }
            return nil
        }
        #expect(names.sorted() == report.events.map { "event-\($0.id)" }.sorted())
        try Self.check(document, report: report, layout: layout)
    }

    @Test("the default report paginates cleanly with both layouts", arguments: layouts)
    func defaultReport(layout: String) throws {
        let document = try LayoutTestSupport.document(TestSupport.defaultReport, layout: layout)
        try Self.check(document, report: TestSupport.defaultReport, layout: layout)
    }

    @Test("contents page numbers are the pages the sections start on", arguments: layouts)
    func contentsNumbers(layout: String) throws {
        let report = try LayoutTestSupport.report(events: 40, paragraphs: 3)
        let document = try LayoutTestSupport.document(report, layout: layout)
        var destinations: [String: Int] = [:]
        for (i, page) in document.pages.enumerated() {
            for item in page.items.flatMap(\.flattened) {
                if case .destination(let name, _) = item { destinations[name] = i + 1 }
            }
        }
        var entries = 0
        for page in document.pages {
            for group in LayoutTestSupport.tagged(page, role: "TOCI") {
                guard let link = group.compactMap({ if case .link(let l) = $0 { return l }; return nil }).first else { continue }
                let numbers = LayoutTestSupport.runs(Page(size: page.size, items: group)).map(\.text).filter { Int($0) != nil }
                // The page number is the right-most number of the entry.
                let printed = numbers.last.flatMap { Int($0) }
                #expect(printed == destinations[link.destination], "contents entry for \(link.destination) says \(printed ?? -1)")
                entries += 1
            }
        }
        // Every event, the foreword, and the statistics when there are charts.
        #expect(entries == report.events.count + 1 + (report.charts.isEmpty ? 0 : 1))
        // Page labels are the printed folios.
        for (i, page) in document.pages.enumerated() where page.role != "cover" && page.role != "back" {
            #expect(page.label == String(i + 1))
        }
    }

    @Test("body lines sit on the baseline grid", arguments: layouts)
    func baselineGrid(layout: String) throws {
        let spec = try LayoutTestSupport.spec(layout)
        let body = spec.styles["body"]!
        let document = try LayoutTestSupport.document(TestSupport.defaultReport, layout: layout)
        var checked = 0
        for page in document.pages {
            for group in LayoutTestSupport.tagged(page, role: "P") {
                let runs = LayoutTestSupport.runs(Page(size: page.size, items: group)).filter { $0.size == body.size }
                for run in runs {
                    let offset = (LayoutTestSupport.baseline(run) - spec.page.margins.top) / spec.page.baseline
                    let off = offset - offset.rounded()
                    #expect(abs(off) < 0.01, "baseline of '\(run.text.prefix(8))' at \(LayoutTestSupport.baseline(run)) is off the grid by \(off) steps")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }
}
