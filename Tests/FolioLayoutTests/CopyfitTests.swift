import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Issue 21's non-event pages: copyfitting, intentional breaks, growing blocks, padding
/// pages with a purpose.
@Suite("Copyfitting and the non-event pages")
struct CopyfitTests {
    static func ningbo() throws -> Report {
        let result = ReportLoader().load(directory: TestSupport.path("Reports/ningbo-2022"))
        guard let report = result.report else { throw LayoutError(result.diagnostics) }
        return report
    }

    static func document(_ spec: LayoutSpec, _ report: Report) throws -> Document {
        try BrochureLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer)).document(for: report)
    }

    static func share(_ page: Page, _ spec: LayoutSpec, number: Int) -> Double {
        PageOccupancy(page: page, textBlock: spec.page.liveArea(pageNumber: number)).share
    }

    static func withoutCopyfit(_ spec: LayoutSpec) -> LayoutSpec {
        var plain = spec
        plain.templates["foreword"]?.flow?.copyfit = nil
        return plain
    }

    /// The layout with every section on pages of its own (no `start:`): the tests below
    /// are about one section's pages, not about what follows on them.
    static func standalone(_ spec: LayoutSpec) -> LayoutSpec {
        var own = spec
        for name in ["contents", "statistics"] { own.templates[name]?.start = nil }
        return own
    }

    @Test("the A4 foreword that spills a few lines and its signature is fitted onto one page")
    func forewordFitted() throws {
        let spec = try Self.standalone(LayoutTestSupport.spec("brochure"))
        let report = try Self.ningbo()
        let plain = try Self.document(Self.withoutCopyfit(spec), report)
        let spilled = plain.pages.enumerated().filter { $0.element.role == "foreword" }
        #expect(spilled.count == 2, "without copyfit the foreword spills (the case copyfit is for)")
        if let last = spilled.last {
            #expect(Self.share(last.element, spec, number: last.offset + 1) < 0.35)
        }
        let fitted = try Self.document(spec, report)
        let foreword = fitted.pages.filter { $0.role == "foreword" }
        #expect(foreword.count == 1)
        let text = foreword.map { LayoutTestSupport.text($0.items) }.joined()
        #expect(text.contains(report.publisher), "the signature is on the fitted page")
        #expect(text.contains(String(report.intro.last?.suffix(6) ?? "")), "the last paragraph is on it")
        #expect(fitted.pages.count == plain.pages.count - 1)
    }

    @Test("fitted text stays on a baseline grid, a tighter one within the layout's limits")
    func fittedGrid() throws {
        let spec = try LayoutTestSupport.spec("brochure")
        let document = try Self.document(spec, Self.ningbo())
        guard let page = document.pages.first(where: { $0.role == "foreword" }) else { Issue.record("no foreword"); return }
        let paragraphs = LayoutTestSupport.tagged(page, role: "P").filter { LayoutTestSupport.baselines($0).count > 2 }
        let baselines = paragraphs.flatMap { LayoutTestSupport.baselines($0) }.sorted()
        let steps = zip(baselines.dropFirst(), baselines).map { $0 - $1 }
        let pitch = try #require(steps.min())
        let limit = try #require(spec.templates["foreword"]?.flow?.copyfit)
        #expect(pitch < spec.page.baseline - 0.01, "the fitted body is tighter than the page's grid")
        #expect(pitch >= spec.page.baseline - limit.leading - 0.01, "but within the layout's limit")
        // Every baseline (also across paragraphs) is a whole number of pitches from the first.
        for b in baselines {
            let k = (b - baselines[0]) / pitch
            #expect(abs(k - k.rounded()) < 0.02, "baseline \(b) is off the fitted grid (pitch \(pitch))")
        }
    }

    @Test("without room to fit, otherwise: spread fills the last page better than keep")
    func spread() throws {
        var spec = try Self.standalone(LayoutTestSupport.spec("brochure"))
        let report = try Self.ningbo()
        spec.templates["foreword"]?.flow?.copyfit = CopyfitSpec(spill: 0.35, otherwise: .keep)
        let kept = try Self.document(spec, report)
        spec.templates["foreword"]?.flow?.copyfit = CopyfitSpec(spill: 0.35, otherwise: .spread)
        let spread = try Self.document(spec, report)
        func lastForeword(_ d: Document) -> (Int, Page)? {
            d.pages.enumerated().last { $0.element.role == "foreword" }.map { ($0.offset + 1, $0.element) }
        }
        let (n1, p1) = try #require(lastForeword(kept))
        let (n2, p2) = try #require(lastForeword(spread))
        #expect(kept.pages.count == spread.pages.count)
        let before = Self.share(p1, spec, number: n1), after = Self.share(p2, spec, number: n2)
        #expect(before < 0.35)
        #expect(after > before + 0.15, "spread: \(after) vs kept \(before)")
    }

    @Test("ends-open marks the foreword's last page and the notes pages, nothing else", arguments: ["brochure", "brochure-16k"])
    func endsOpen(layout: String) throws {
        let document = try LayoutTestSupport.document(Self.ningbo(), layout: layout)
        let open = document.pages.filter(\.endsOpen)
        #expect(open.allSatisfy { ["foreword", "notes"].contains($0.role) }, "\(open.map(\.role))")
        #expect(document.pages.last { $0.role == "foreword" }?.endsOpen == true)
        var spec = try LayoutTestSupport.spec(layout)
        spec.templates["foreword"]?.endsOpen = false
        let closed = try Self.document(spec, Self.ningbo())
        #expect(closed.pages.allSatisfy { $0.role != "foreword" || !$0.endsOpen })
        // Events in one flow honour it too: their last page, and no other event page.
        var events = try LayoutTestSupport.spec(layout)
        events.templates["event"]?.endsOpen = true
        events.templates["statistics"]?.start = nil   // not under the last event: that page is the events' own
        let eventPages = try Self.document(events, Self.ningbo()).pages.filter { $0.role == "event" }
        #expect(eventPages.map(\.endsOpen) == Array(repeating: false, count: eventPages.count - 1) + [true])
    }

    @Test("the 16K padding page is a summary table of the events; further padding pages are ruled notes")
    func summaryPadding() throws {
        let report = try Self.ningbo()
        var spec = try Self.standalone(LayoutTestSupport.spec("brochure-16k"))
        spec.page.padTo = 4   // the shipped 16K pads to 2; 4 makes three padding pages here
        let document = try Self.document(spec, report)
        #expect(document.pages.count % 4 == 0)
        let padding = document.pages.filter { $0.role == "notes" }
        let first = try #require(padding.first)
        let text = LayoutTestSupport.text(first.items)
        for event in report.events {
            #expect(text.contains(event.title.prefix(8)), "the summary lists \(event.title)")
            if let figure = event.figures.first { #expect(text.contains(figure.value)) }
        }
        #expect(!first.endsOpen, "the summary is a full page, not an intentional break")
        // Without pad-with the padding page is the notes template: blank paper.
        var notesOnly = spec
        notesOnly.page.padWith = ["notes"]
        let blank = try Self.document(notesOnly, report).pages.filter { $0.role == "notes" }
        #expect(blank.count == padding.count)
        #expect(blank.allSatisfy { !LayoutTestSupport.text($0.items).contains(report.events[0].title.prefix(8)) })
        #expect(blank.allSatisfy { $0.endsOpen })
    }

    @Test("growing blocks take the room the page has left", arguments: ["brochure", "brochure-16k"])
    func growing(layout: String) throws {
        let report = try Self.ningbo()
        let spec = try Self.standalone(LayoutTestSupport.spec(layout))
        var fixed = spec
        for name in ["contents", "statistics"] {
            let blocks: [BlockSpec] = (spec.templates[name]?.flow?.blocks ?? []).map { (b: BlockSpec) -> BlockSpec in var b = b; b.grow = false; return b }
            fixed.templates[name]?.flow?.blocks = blocks
        }
        let grown = try Self.document(spec, report), plain = try Self.document(fixed, report)
        #expect(grown.pages.count == plain.pages.count, "growing never adds a page")
        for role in ["contents", "statistics"] {
            let g = try #require(grown.pages.firstIndex { $0.role == role })
            let p = try #require(plain.pages.firstIndex { $0.role == role })
            let after = Self.share(grown.pages[g], spec, number: g + 1), before = Self.share(plain.pages[p], spec, number: p + 1)
            #expect(after > before + 0.02, "\(role) \(layout): \(before) → \(after)")
        }
    }

    @Test("the contents show each event's summary under its title")
    func contentsDetail() throws {
        let report = try Self.ningbo()
        let document = try LayoutTestSupport.document(report, layout: "brochure")
        let contents = try #require(document.pages.first { $0.role == "contents" })
        let text = LayoutTestSupport.text(contents.items)
        for event in report.events {
            if let summary = event.summary { #expect(text.contains(summary.prefix(10))) }
        }
    }
}
