import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Sections in one flow (`start:` on a section template) and conditions on the number of
/// events (`events-up-to-N`, `events-over-N`): the keys, their errors and what they do.
@Suite("Sections that continue the one before")
struct SectionStartTests {
    /// The shipped brochure layout with `old` replaced by `new`: the spec (nil when it has
    /// errors) and the diagnostics.
    static func layout(replacing old: String, with new: String, in name: String = "brochure") throws -> (LayoutSpec?, [Diagnostic]) {
        let source = try String(contentsOfFile: TestSupport.path("Layouts/\(name).yaml"), encoding: .utf8)
        #expect(source.contains(old), "the layout has \(old)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.replacingOccurrences(of: old, with: new)
            .write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        return LayoutLoader(directory: folder.path).load(name: name, card: false)
    }

    static func document(_ spec: LayoutSpec, _ report: Report) throws -> Document {
        try BrochureLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer)).document(for: report)
    }

    static let statisticsStart = "    when: has-charts\n    # Under the last event when its head and first chart row fit there.\n    start: anywhere\n"

    @Test("a misspelt start or counted condition is an error at its line with a did-you-mean", arguments: [
        ("start: anywhere\n    flow:\n      blocks:\n        - {type: text, content: \"STATISTICS\"", "start: anywher\n    flow:\n      blocks:\n        - {type: text, content: \"STATISTICS\"", "did you mean 'anywhere'"),
        ("when: events-over-5", "when: events-ovr-5", "did you mean 'events-over-N'"),
        ("when: events-over-5", "when: events-over-five", "events-over-five"),
    ])
    func badValues(old: String, new: String, expected: String) throws {
        let (_, problems) = try Self.layout(replacing: old, with: new)
        #expect(problems.contains { "\($0) \($0.hint ?? "")".contains(expected) && $0.location?.line != nil }, "\(problems)")
    }

    @Test("events-up-to-N and events-over-N count the report's events")
    func countedConditions() throws {
        for (events, upTo5, over5) in [(1, true, false), (5, true, false), (6, false, true), (10, false, true)] {
            let facts = Condition.Facts(report: try LayoutTestSupport.report(events: events), rankLimit: 20)
            #expect(Condition.holds("events-up-to-5", facts) == upTo5, "\(events) events")
            #expect(Condition.holds("events-over-5", facts) == over5, "\(events) events")
            #expect(Condition.holds("events-over-0", facts))
        }
        #expect(Condition.isKnown("events-up-to-12") && !Condition.isKnown("events-up-to-") && !Condition.isKnown("events-over-x"))
    }

    @Test("the shipped contents are left out for up to 5 events and made for more")
    func contentsByCount() throws {
        for (events, made) in [(3, false), (6, true)] {
            let document = try LayoutTestSupport.document(LayoutTestSupport.report(events: events), layout: "brochure")
            #expect(document.outline.contains { $0.title == "目录" } == made, "\(events) events")
            #expect(document.pages.contains { Self.hasText($0, "目录") } == made, "\(events) events")
        }
    }

    static func hasText(_ page: Page, _ text: String) -> Bool {
        LayoutTestSupport.runs(page).contains { $0.text == text }
    }

    @Test("start: anywhere sets the statistics under the last event; start: page on a page of their own")
    func statisticsUnderTheLastEvent() throws {
        // The last of three events leaves half its page: the statistics' head and first charts fit under it.
        let report = TestSupport.corpusReport("tingzhou-2023")
        let (flowing, p1) = try Self.layout(replacing: Self.statisticsStart, with: Self.statisticsStart)
        let (paged, p2) = try Self.layout(replacing: Self.statisticsStart,
                                          with: Self.statisticsStart.replacingOccurrences(of: "start: anywhere", with: "start: page"))
        let a = try Self.document(#require(flowing, "\(p1)"), report)
        let b = try Self.document(#require(paged, "\(p2)"), report)
        let last = try #require(a.pages.lastIndex { $0.role == "event" })
        #expect(Self.hasText(a.pages[last], "数据一览"), "the statistics begin on the last event's page")
        #expect(!Self.hasText(b.pages[last], "数据一览"))
        #expect(a.pages.count == b.pages.count - 1, "one page fewer: \(a.pages.count) against \(b.pages.count)")
        // The heading is below the event's text, and the outline points at the shared page.
        let heading = try #require(LayoutTestSupport.runs(a.pages[last]).first { $0.text == "数据一览" })
        let body = LayoutTestSupport.tagged(a.pages[last], role: "P").flatMap { $0.flatMap(\.flattened) }
            .compactMap { if case .text(let r) = $0 { return r.bounds.maxY }; return nil }
        #expect(body.allSatisfy { $0 < heading.bounds.minY }, "the statistics follow the event")
        #expect(a.outline.first { $0.title == "数据一览" }?.pageIndex == last)
    }

    @Test("start: top-half: the contents right under a foreword that ends in the top half of its page, else a page of their own")
    func topHalf() throws {
        // A one-paragraph foreword: the contents follow it on its page, right under the signature.
        let short = try LayoutTestSupport.document(LayoutTestSupport.report(events: 10), layout: "brochure")
        let foreword = try #require(short.pages.firstIndex { $0.role == "foreword" })
        let heading = try #require(LayoutTestSupport.runs(short.pages[foreword]).first { $0.text == "目录" })
        let signature = try #require(LayoutTestSupport.runs(short.pages[foreword]).filter { $0.text.contains("2024") }.map(\.bounds.maxY).max())
        #expect(heading.bounds.minY > signature && heading.bounds.minY - signature < 100, "right under the foreword: \(signature) → \(heading.bounds.minY)")
        #expect(short.outline.first { $0.title == "目录" }?.pageIndex == foreword)
        // The default report's foreword fills most of its page: the contents begin the next one.
        let long = try LayoutTestSupport.document(TestSupport.corpusReport("../../Reports/ningbo-2022"), layout: "brochure")
        let last = try #require(long.pages.lastIndex { $0.role == "foreword" })
        #expect(!Self.hasText(long.pages[last], "目录"))
        #expect(long.outline.first { $0.title == "目录" }?.pageIndex == last + 1)
    }

    @Test("start: whole: a section under the one before only when all of it fits there")
    func whole() throws {
        for (events, shared) in [(3, true), (30, false)] {
            var spec = try LayoutTestSupport.spec("brochure")
            spec.templates["contents"]?.when = nil
            spec.templates["contents"]?.start = .whole
            let document = try Self.document(spec, LayoutTestSupport.report(events: events))
            let foreword = try #require(document.pages.firstIndex { $0.role == "foreword" })
            #expect(Self.hasText(document.pages[foreword], "目录") == shared, "\(events) events")
            #expect((document.outline.first { $0.title == "目录" }?.pageIndex == foreword) == shared, "\(events) events")
        }
    }
}

/// `bands:` on a contents block: every other entry on a band, or every one (tinted cards).
@Suite("Contents bands")
struct ContentsBandsTests {
    static let shipped = "color: muted, fill: tint, bands: every, grow: true, height: 12mm}"

    /// The tint bands (filled rectangles in the tint colour) on the contents page.
    static func bands(_ bands: String) throws -> [Rect] {
        let (spec, problems) = try SectionStartTests.layout(replacing: shipped, with: shipped.replacingOccurrences(of: "bands: every", with: "bands: \(bands)"))
        var layout = try #require(spec, "\(problems)")
        layout.templates["contents"]?.start = nil   // a page of their own
        let document = try SectionStartTests.document(layout, LayoutTestSupport.report(events: 10))
        let tint = try Typesetter(spec: layout, composer: LayoutTestSupport.composer).color("tint")
        let page = try #require(document.pages.first { $0.role == "contents" })
        return page.items.flatMap(\.flattened).compactMap {
            guard case .shape(let s) = $0, s.fill == tint else { return nil }
            let points = s.path.elements.compactMap { e -> Point? in
                switch e {
                case .move(let p), .line(let p): return p
                default: return nil
                }
            }
            guard let minY = points.map(\.y).min(), let maxY = points.map(\.y).max(),
                  let minX = points.map(\.x).min(), let maxX = points.map(\.x).max() else { return nil }
            return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        }
    }

    @Test("every: a band behind every entry, taller than alternate's as the growth goes inside")
    func every() throws {
        let every = try Self.bands("every"), alternate = try Self.bands("alternate")
        // Ten events and the foreword: eleven entries.
        #expect(every.count == 11 && alternate.count == 6, "\(every.count) and \(alternate.count) bands")
        let tallest = alternate.map(\.height).max() ?? 0
        #expect(every.dropLast().allSatisfy { $0.height > tallest + 1 }, "the growth is inside the cards")
    }

    @Test("a misspelt bands value, and bands on another block, are errors at their line")
    func badBands() throws {
        let (_, misspelt) = try SectionStartTests.layout(replacing: Self.shipped, with: Self.shipped.replacingOccurrences(of: "bands: every", with: "bands: evry"))
        #expect(misspelt.contains { "\($0) \($0.hint ?? "")".contains("did you mean 'every'") && $0.location?.line != nil }, "\(misspelt)")
        let rule = "{type: rule, height: 1.2pt, width: 18mm, color: accent, space-after: 8mm}"
        let (_, elsewhere) = try SectionStartTests.layout(replacing: rule, with: rule.replacingOccurrences(of: "}", with: ", bands: every}"))
        #expect(elsewhere.contains { $0.description.contains("only a contents block has 'bands'") && $0.location?.line != nil }, "\(elsewhere)")
    }
}
