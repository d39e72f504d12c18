import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Events in one flow (`placement: continuous`), where they begin (`start:`), and
/// templates chosen per event (`variants:`).
@Suite("Event placement")
struct EventPlacementTests {
    /// The shipped layout `name` with `edit` applied to its text, read from a folder of its own.
    static func layout(_ edit: (String) -> String, name: String = "brochure") -> (LayoutSpec?, [Diagnostic]) {
        let text = (try? String(contentsOfFile: TestSupport.path("Layouts/\(name).yaml"), encoding: .utf8)) ?? ""
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-events-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try? edit(text).write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        return LayoutLoader(directory: folder.path).load(name: name, card: false)
    }

    static func document(_ report: Report, _ spec: LayoutSpec?) throws -> Document {
        guard let spec else { throw LayoutError([]) }
        return try BrochureLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer)).document(for: report)
    }

    /// Each event destination: page number (from 1) and point.
    static func heads(_ document: Document) -> [String: (page: Int, point: Point)] {
        var out: [String: (Int, Point)] = [:]
        for (i, page) in document.pages.enumerated() {
            for case .destination(let name, let at) in page.items where name.hasPrefix("event-") { out[name] = (i + 1, at) }
        }
        return out
    }

    static func pageText(_ page: Page) -> String { LayoutTestSupport.runs(page).map(\.text).joined() }

    static func setStart(_ start: String) -> (String) -> String {
        { $0.replacingOccurrences(of: "    placement: continuous\n    start: anywhere\n", with: "    placement: continuous\n    start: \(start)\n") }
    }

    @Test("in one flow every event keeps its head, H2 title, destination and outline entry on one page",
          arguments: ["ningbo-2022", "haicheng-2024"], ["brochure", "brochure-16k"])
    func continuous(report name: String, layout: String) throws {
        let report = TestSupport.corpusReport(name)
        let spec = try LayoutTestSupport.spec(layout)
        #expect(spec.templates["event"]?.placement == .continuous)
        let document = try Self.document(report, spec)
        let heads = Self.heads(document)
        #expect(Set(heads.keys) == Set(report.events.map { "event-\($0.id)" }))
        // Fewer event pages than events: they share pages.
        #expect(document.pages.filter { $0.role == "event" }.count < report.events.count)
        for event in report.events {
            guard let head = heads["event-\(event.id)"] else { continue }
            let page = document.pages[head.page - 1]
            let titles = LayoutTestSupport.tagged(page, role: "H2").map(LayoutTestSupport.text)
            #expect(titles.contains { $0.hasPrefix(String(event.title.prefix(5))) }, "\(event.id): title not on page \(head.page)")
            let entry = document.outline.first { $0.destination == "event-\(event.id)" }
            #expect(entry?.pageIndex == head.page - 1, "\(event.id): outline entry on page \((entry?.pageIndex ?? -2) + 1)")
            // The head is above its title's first line, on the same page.
            let titleTop = LayoutTestSupport.tagged(page, role: "H2").first { LayoutTestSupport.text($0).hasPrefix(String(event.title.prefix(5))) }
                .flatMap { LayoutTestSupport.baselines($0).first } ?? 0
            #expect(head.point.y < titleTop)
        }
        // The outline lists the events in order.
        let order = document.outline.compactMap(\.destination).filter { $0.hasPrefix("event-") }
        #expect(order == report.events.map { "event-\($0.id)" })
    }

    @Test("start: page puts every event at the top of a page of its own")
    func startPage() throws {
        let (spec, diagnostics) = Self.layout(Self.setStart("page"))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let report = TestSupport.defaultReport
        let heads = Self.heads(try Self.document(report, spec))
        let pages = report.events.compactMap { heads["event-\($0.id)"]?.page }
        #expect(Set(pages).count == report.events.count)
        let top = spec.map { $0.page.margins.top } ?? 0
        #expect(heads.values.allSatisfy { abs($0.point.y - top) < 0.5 }, "\(heads.values.map { $0.point.y })")
    }

    @Test("start: half-page begins every event at the top or the middle of its page")
    func startHalfPage() throws {
        let (spec, _) = Self.layout(Self.setStart("half-page"))
        let spec0 = try #require(spec)
        let document = try Self.document(TestSupport.corpusReport("haicheng-2024"), spec0)
        var middles = 0
        for (name, head) in Self.heads(document) {
            let live = spec0.page.liveArea(pageNumber: head.page)
            let atTop = abs(head.point.y - live.minY) < 0.5
            if !atTop { middles += 1 }
            #expect(atTop || head.point.y >= live.midY - 0.5, "\(name) begins at \(head.point.y) on page \(head.page)")
        }
        #expect(middles > 0, "no two events share a page")
    }

    @Test("start: whole never splits an event that fits on a page; anywhere does")
    func startWhole() throws {
        let report = TestSupport.defaultReport
        func split(_ start: String) throws -> [String] {
            let document = try Self.document(report, Self.layout(Self.setStart(start)).0)
            let heads = Self.heads(document)
            return report.events.filter { event in
                guard let page = heads["event-\(event.id)"]?.page, let last = event.body.last else { return false }
                return !Self.pageText(document.pages[page - 1]).contains(String(last.suffix(4)))
            }.map(\.id)
        }
        #expect(try split("whole").isEmpty)
        #expect(try !split("anywhere").isEmpty)
    }

    @Test("a variant takes the events its measured condition holds for: short events share pages")
    func variants() throws {
        let report = TestSupport.defaultReport
        // Every event on a page of its own, except short ones, which follow when they fit whole.
        let (spec, diagnostics) = Self.layout { text in
            var t = Self.setStart("page")(text)
            t = t.replacingOccurrences(of: "    placement: continuous\n    start: page\n",
                                       with: "    placement: continuous\n    start: page\n    variants:\n      - {template: event-short, when: short}\n")
            let flow = t.range(of: "    flow:\n", range: t.range(of: "    placement: continuous\n")!.upperBound..<t.endIndex)!
            let end = t.range(of: "\n\n", range: flow.upperBound..<t.endIndex)!
            let block = String(t[flow.lowerBound..<end.lowerBound])
            return t.replacingOccurrences(of: "\n  statistics:", with: "\n  event-short:\n    start: whole\n" + block + "\n\n  statistics:")
        }
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        let heads = Self.heads(try Self.document(report, spec))
        let shared = Set(report.events.compactMap { heads["event-\($0.id)"]?.page }).count
        #expect(shared < report.events.count)
        let (plain, _) = Self.layout(Self.setStart("page"))
        let own = Set(Self.heads(try Self.document(report, plain)).values.map { $0.page }).count
        #expect(own == report.events.count)
    }

    @Test("placement: page (the default) still gives every event a page of its own")
    func pagePlacement() throws {
        let (spec, diagnostics) = Self.layout { $0.replacingOccurrences(of: "    placement: continuous\n    start: anywhere\n", with: "") }
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(spec?.templates["event"]?.placement == .page)
        let report = TestSupport.defaultReport
        let document = try Self.document(report, spec)
        let pages = Self.heads(document).values.map { $0.page }
        #expect(Set(pages).count == report.events.count)
        #expect(document.pages.filter { $0.role == "event" }.count >= report.events.count)
    }

    @Test("a variant's own start applies to the events it takes: events with three figures begin a page")
    func variantStart() throws {
        let report = TestSupport.defaultReport
        let (spec, diagnostics) = Self.layout { text in
            let t = text.replacingOccurrences(of: "    placement: continuous\n    start: anywhere\n",
                                              with: "    placement: continuous\n    start: anywhere\n    variants:\n      - {template: event-figures, when: figures-3}\n")
            let flow = t.range(of: "    flow:\n", range: t.range(of: "    placement: continuous\n")!.upperBound..<t.endIndex)!
            let end = t.range(of: "\n\n", range: flow.upperBound..<t.endIndex)!
            let block = String(t[flow.lowerBound..<end.lowerBound])
            return t.replacingOccurrences(of: "\n  statistics:", with: "\n  event-figures:\n    start: page\n" + block + "\n\n  statistics:")
        }
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        let spec0 = try #require(spec)
        let heads = Self.heads(try Self.document(report, spec0))
        let many = report.events.dropFirst().filter { $0.figures.count >= 3 }
        try #require(!many.isEmpty)
        for event in many {
            let head = try #require(heads["event-\(event.id)"])
            #expect(abs(head.point.y - spec0.page.liveArea(pageNumber: head.page).minY) < 0.5, "\(event.id) does not begin a page")
        }
        // Others still follow the event before them: some begin below a page's top.
        #expect(heads.values.contains { abs($0.point.y - spec0.page.liveArea(pageNumber: $0.page).minY) > 1 })
    }

    @Test("placement, start, variants and group mistakes are errors at their line, with a did-you-mean")
    func readerErrors() throws {
        func errors(_ from: String, _ to: String) -> [Diagnostic] {
            let (_, diagnostics) = Self.layout { $0.replacingOccurrences(of: from, with: to) }
            return diagnostics.filter { $0.severity == .error }
        }
        let placement = errors("placement: continuous", "placement: continous")
        #expect(placement.first?.message.contains("'continous'") == true)
        #expect(placement.first?.hint?.contains("continuous") == true)
        #expect(placement.first?.location?.line != nil)
        let start = errors("    start: anywhere\n", "    start: anywere\n")
        #expect(start.first?.hint?.contains("anywhere") == true)
        let variant = errors("    start: anywhere\n", "    start: anywhere\n    variants:\n      - {template: event-shrt, when: shrt}\n")
        #expect(variant.contains { $0.message.contains("'event-shrt'") })
        #expect(variant.contains { $0.message.contains("'shrt'") && $0.hint?.contains("short") == true })
        let paged = errors("    placement: continuous\n    start: anywhere\n", "    variants:\n      - {template: event, when: short}\n")
        #expect(paged.contains { $0.message.contains("variants choose among templates of events in one flow") })
        let group = errors("          height: 20mm\n", "")
        #expect(group.contains { $0.message.contains("height") })
        let frames = errors("{type: paragraphs, source: event.body, style: body}",
                            "{type: paragraphs, source: event.body, style: body, frames: [{type: rect, box: [0, 0, 1mm, 1mm]}]}")
        #expect(frames.contains { $0.message.contains("only a group block has frames") })
    }
}
