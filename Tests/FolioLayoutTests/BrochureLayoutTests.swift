import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Testing

@Suite("Brochure layout")
struct BrochureLayoutTests {
    static func typesetter(_ name: String = "brochure") throws -> Typesetter {
        let (spec, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: name, card: false)
        guard let spec else { throw LayoutError(diagnostics) }
        return try Typesetter(spec: spec, composer: Composer(fonts: TestSupport.fonts))
    }

    @Test("the default report lays out on A4 pages with one section per event")
    func defaultReport() throws {
        let document = try BrochureLayout(typesetter: Self.typesetter()).document(for: TestSupport.defaultReport)
        let a4 = Size(width: 210 * pointsPerMillimetre, height: 297 * pointsPerMillimetre)
        #expect(document.pages.allSatisfy { abs($0.size.width - a4.width) < 0.01 && abs($0.size.height - a4.height) < 0.01 })
        #expect(document.pages.first?.role == "cover")
        #expect(document.pages.last?.role == "back")
        // One section per event: each event's head, with its destination, in order.
        let heads = document.pages.flatMap { $0.items }.compactMap { item -> String? in
            if case .destination(let name, _) = item, name.hasPrefix("event-") { return name }
            return nil
        }
        #expect(heads == TestSupport.defaultReport.events.map { "event-\($0.id)" })
    }

    @Test("nothing leaves the trim except declared bleed art")
    func itemsInsideTrim() throws {
        let document = try BrochureLayout(typesetter: Self.typesetter()).document(for: TestSupport.defaultReport)
        for (i, page) in document.pages.enumerated() {
            for item in page.items.flatMap(\.flattened) {
                guard case .text(let run) = item else { continue }
                #expect(page.trimBox.contains(run.bounds), "page \(i + 1): text '\(run.text)' leaves the trim")
            }
        }
    }
}
