import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Every box of the flow is laid out once into a frame: its size is the frame's size, its
/// items lie in the frame, and a box set lower or higher is laid out again at that size.
@Suite("Boxes lay themselves out into frames")
struct BoxFrameTests {
    static let reports = ["ningbo-2022", "donglin-2025", "haicheng-2024", "lanshan-2025", "qinglan-2024", "tingzhou-2023"]

    /// One laid-out box with where it came from, for messages.
    struct Made {
        var box: BoxItem
        var flowWidth: Double
        var what: String
    }

    /// The boxes of both layouts over every corpus report, made once for all tests.
    static let made: [String: [Made]] = {
        var all: [String: [Made]] = [:]
        for layout in ["brochure", "brochure-16k"] {
            all[layout] = reports.flatMap { (try? boxes(layout: layout, report: $0)) ?? [] }
        }
        return all
    }()

    /// Every box the block builder makes for a layout's flows over a corpus report: each
    /// template's flow for the report, and for its first four events, with a contents
    /// entry per event.
    static func boxes(layout: String, report name: String) throws -> [Made] {
        let typesetter = try LayoutTestSupport.typesetter(layout)
        let spec = typesetter.spec
        let report = TestSupport.corpusReport(name)
        let live = spec.page.liveArea(pageNumber: 1)
        var contents: [ContentsEntry] = []
        for event in report.events {
            var entry = ContentsEntry(destination: "event-\(event.id)", rank: String(format: "%02d", event.rank), title: event.title)
            entry.event = event
            contents.append(entry)
        }
        var made: [Made] = []
        for (templateName, template) in spec.templates.sorted(by: { $0.key < $1.key }) {
            guard let flow = template.flow else { continue }
            let columns = max(1, flow.columns ?? spec.page.columns)
            let column = (live.width - Double(columns - 1) * spec.page.gutter) / Double(columns)
            for event in [nil] + report.events.prefix(4).map(Optional.some) {
                let scope = TemplateScope(report: report, event: event, page: 3, rankLimit: spec.rankLimit)
                var builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: column, regionWidth: live.width)
                builder.contents = contents
                builder.checksConditions = false
                for item in (try? builder.items(flow.blocks)) ?? [] {
                    guard case .box(let box) = item else { continue }
                    made.append(Made(box: box, flowWidth: box.span ? live.width : column,
                                     what: "\(layout)/\(name)/\(templateName)/\(event?.id ?? "report")/\(box.role ?? "box")"))
                }
            }
        }
        return made
    }

    /// The drawn leaves of a frame's items (links and destinations are not drawn).
    static func leafBounds(_ items: [Item]) -> [Rect] {
        items.flatMap(\.flattened).compactMap { item -> Rect? in
            switch item {
            case .shape, .text, .image: return item.bounds
            default: return nil
            }
        }
    }

    @Test("a box's size is its frame's, the width the flow gives it, the same wherever it is placed",
          arguments: ["brochure", "brochure-16k"])
    func sizes(layout: String) throws {
        var kinds = Set<String>()
        let all = try #require(Self.made[layout])
        #expect(all.count > 100)
        for made in all {
            let box = made.box
            kinds.insert(made.what.split(separator: "/").last.map(String.init) ?? "")
            #expect(box.frame.size.width == made.flowWidth, "\(made.what): \(box.frame.size.width) wide, the flow gives \(made.flowWidth)")
            #expect(box.height == box.frame.size.height && box.height >= 0, "\(made.what)")
            // Placed, the page holds the frame at that point, at its size.
            let point = Point(x: 61.4, y: 297.3)
            #expect(box.frame(at: point).size == box.frame.size, "\(made.what): laid out for its place at another size")
            let placed = box.placed(at: point)
            let group = placed.flattened.compactMap { if case .group(let g) = $0 { return g }; return nil }.first
            #expect(group?.origin == point && group?.items == box.frame(at: point).items, "\(made.what)")
        }
        // The builder made every kind of box the layouts use (figures, charts, images, contents).
        #expect(kinds.isSuperset(of: ["Figure", "TOCI"]), "\(kinds)")
    }

    @Test("what a box draws lies in its frame (its own coordinates), unless it bleeds off the page",
          arguments: ["brochure", "brochure-16k"])
    func itemsInFrame(layout: String) throws {
        var checked = 0
        // Charts are left out: their marks may reach past the plot (a marker on its edge),
        // as they always did.
        for made in Self.made[layout] ?? [] where !made.box.isAnchored && made.box.origin?.field != "charts" {
            let bounds = made.box.frame.bounds
            for rect in Self.leafBounds(made.box.frame.items) {
                #expect(bounds.contains(rect, tolerance: 0.5), "\(made.what): \(rect) outside \(bounds)")
            }
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test("a box set lower or higher (charts and photos with min-height) is laid out again at exactly that height",
          arguments: ["brochure", "brochure-16k"])
    func relayout(layout: String) throws {
        var checked = 0
        for made in Self.made[layout] ?? [] {
            guard let low = made.box.minHeight else { continue }
            let natural = made.box.frame
            for height in [low, (low + natural.size.height) / 2, natural.size.height] {
                var box = made.box
                box.height = height
                #expect(box.frame.size == Size(width: natural.size.width, height: height), "\(made.what) at \(height)")
                for rect in Self.leafBounds(box.frame.items) where made.box.origin?.field != "charts" {
                    #expect(box.frame.bounds.contains(rect, tolerance: 0.5), "\(made.what) at \(height): \(rect) outside")
                }
                if height == natural.size.height { #expect(box.frame == natural, "\(made.what): not its natural frame") }
            }
            // Set lower, it draws something else than at its natural height (it was laid out again).
            var lower = made.box
            lower.height = low
            if low < natural.size.height - 1 { #expect(lower.frame.items != natural.items, "\(made.what)") }
            checked += 1
        }
        #expect(checked > 0)
    }
}
