import FolioCore
@testable import FolioExport
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

@Suite("Padding and flattening")
struct PaddingAndFlatteningTests {
    @Test("pad-to 4 adds notes pages before the back cover; pad-to 1 adds none")
    func padding() throws {
        // A report whose page count (7) is a multiple of neither 4 nor 8.
        let report = try #require(ReportLoader().load(directory: TestSupport.path("Tests/Fixtures/with-images")).report)
        let plain = try BrochureLayout(typesetter: PrintFixtures.typesetter(padTo: 1)).document(for: report)
        #expect(!plain.pages.contains { $0.role == "notes" })
        for multiple in [4, 8] {
            let padded = try BrochureLayout(typesetter: PrintFixtures.typesetter(padTo: multiple)).document(for: report)
            let added = (multiple - plain.pages.count % multiple) % multiple
            #expect(padded.pages.count % multiple == 0)
            #expect(padded.pages.count == plain.pages.count + added)
            #expect(added > 0, "the default report already fills a multiple of \(multiple); the test proves nothing")
            let roles = padded.pages.map(\.role)
            #expect(Array(roles.suffix(added + 1)) == Array(repeating: "notes", count: added) + ["back"])
            #expect(Array(roles.prefix(plain.pages.count - 1)) == Array(plain.pages.map(\.role).prefix(plain.pages.count - 1)))
            for (i, page) in padded.pages.enumerated() where page.role == "notes" {
                let texts = page.items.flatMap(\.flattened).compactMap { item -> String? in
                    if case .text(let run) = item { return run.text }
                    return nil
                }
                // An intentional page (the events at a glance, then ruled notes, as the layout's
                // pad-with says): its heading and its printed folio, matching its label.
                #expect((texts.contains("笔记") || texts.contains("大事一览")) && texts.contains(String(i + 1)) && page.label == String(i + 1),
                        "page \(i + 1): \(texts)")
            }
            #expect(padded.outline.map(\.title) == plain.outline.map(\.title))
        }
    }

    @Test("blending follows the PDF normal blend")
    func blend() {
        let c = TransparencyFlattener.blend(Color(red: 1, green: 1, blue: 1, alpha: 0.25), over: Color(red: 0, green: 0.4, blue: 0.8))
        #expect(abs(c.red - 0.25) < 1e-12 && abs(c.green - 0.55) < 1e-12 && abs(c.blue - 0.85) < 1e-12 && c.alpha == 1)
    }

    @Test("a translucent shape over a flat background is flattened; over an image it is left alone")
    func flattenRules() {
        let page = Rect(x: 0, y: 0, width: 100, height: 100)
        let background = Item.shape(Shape(path: .rect(page), fill: Color(red: 0, green: 0, blue: 0.5)))
        let ring = Item.shape(Shape(path: .circle(center: Point(x: 50, y: 50), radius: 20),
                                    stroke: Stroke(color: Color(red: 1, green: 1, blue: 1, alpha: 0.5), width: 1)))
        let image = Item.image(ImageItem(path: "/nonexistent.png", frame: Rect(x: 20, y: 20, width: 60, height: 60),
                                         clip: Rect(x: 20, y: 20, width: 60, height: 60)))
        let flat = TransparencyFlattener.flatten(Page(size: page.size, items: [background, .clipped(page, [ring])]))
        #expect(flat.unresolved == 0)
        if case .group(let group) = flat.page.items[1], case .shape(let s) = group.items[0] {
            #expect(s.stroke?.color == Color(red: 0.5, green: 0.5, blue: 0.75))
        } else {
            Issue.record("structure changed")
        }
        let overImage = TransparencyFlattener.flatten(Page(size: page.size, items: [background, image, ring]))
        #expect(overImage.unresolved == 1)
        #expect(overImage.page.items[2] == ring)
        let onPaper = TransparencyFlattener.flatten(Page(size: page.size, items: [ring]))
        if case .shape(let s) = onPaper.page.items[0] { #expect(s.stroke?.color == Color(red: 1, green: 1, blue: 1)) }
    }

    @Test("the default brochure's print pages keep no transparency")
    func defaultBrochureFlattens() throws {
        let document = try PrintFixtures.document.get()
        #expect(document.pages.contains { $0.items.contains(where: TransparencyFlattener.isTranslucent) },
                "the layout has no translucent art; this test proves nothing")
        for (i, page) in document.pages.enumerated() {
            let flat = TransparencyFlattener.flatten(page)
            #expect(flat.unresolved == 0, "page \(i + 1): \(flat.unresolved) translucent items left")
            #expect(!flat.page.items.contains(where: TransparencyFlattener.isTranslucent), "page \(i + 1)")
        }
    }
}
