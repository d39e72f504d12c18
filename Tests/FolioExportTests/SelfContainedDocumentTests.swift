import FolioCore
import FolioExport
@testable import FolioGraphics
import FolioTestSupport
import FolioText
import Foundation
import Testing

/// A laid-out document is all an exporter needs: glyph runs name their faces by handle
/// (file, index, file identity), and the exporters open the faces themselves.
@Suite("A self-contained document")
struct SelfContainedDocumentTests {
    static let style = CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", size: 24), color: Color(red: 0, green: 0, blue: 0))

    /// A 300 × 100 pt page with one line of text shaped by Folio's font set, its first line
    /// box's top at (20, 30).
    static func page() -> (page: Page, runs: [GlyphRun]) {
        let composer = Composer(fonts: TestSupport.fonts)
        let paragraph = composer.compose(ParagraphSpec(spans: [TextSpan("宁波科创 Folio", style: style)], width: 260))
        let runs = paragraph.lines[0].runs(atX: 20, baseline: 60)
        return (Page(size: Size(width: 300, height: 100), items: runs.map(Item.text)), runs)
    }

    /// Dark pixels of `image` inside and outside `box` (points, at `scale`).
    static func darkPixels(_ image: RasterImage, inside box: Rect, scale: Double) -> (inside: Int, outside: Int) {
        var inside = 0, outside = 0
        for y in 0..<image.pixelHeight {
            for x in 0..<image.pixelWidth where image.pixel(x: x, y: y) & 0xff < 128 {
                let px = (Double(x) + 0.5) / scale, py = (Double(y) + 0.5) / scale
                let near = box.insetBy(-2)
                if px >= near.minX && px <= near.maxX && py >= near.minY && py <= near.maxY { inside += 1 } else { outside += 1 }
            }
        }
        return (inside, outside)
    }

    @Test("an exporter made without a font set draws the glyphs to PNG where the runs say, and nothing elsewhere")
    func pngWithoutFontSet() throws {
        let (page, runs) = Self.page()
        #expect(!runs.isEmpty && runs.allSatisfy { $0.font.identity != nil })
        let box = runs.dropFirst().reduce(runs[0].bounds) { $0.union($1.bounds) }
        let image = try PNGExporter().render(page, scale: 2)
        let dark = Self.darkPixels(image, inside: box, scale: 2)
        // 24 pt glyphs at 2 px/pt: thousands of dark pixels, all within the line box.
        #expect(dark.inside > 1000, "\(dark)")
        #expect(dark.outside == 0, "\(dark)")
    }

    @Test("an exporter made without a font set writes a PDF with the faces embedded and the text extractable")
    func pdfWithoutFontSet() throws {
        let (page, _) = Self.page()
        let document = Document(info: DocumentInfo(title: "Self-contained", author: "Folio tests", creationDate: "2024-05-01"),
                                pages: [page])
        let path = try PrintFixtures.write(try PDFExporter().export(document), "self-contained.pdf")
        let fonts = try TestSupport.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains("+NotoSansCJKsc-Regular") }, "\(fonts)")
        #expect(fonts.allSatisfy { $0.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"] }, "emb sub uni: \(fonts)")
        let text = try TestSupport.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "宁波科创 Folio")
    }

    /// `page` with every run's handle replaced by `ref`.
    static func renamed(_ page: Page, to ref: (FontRef) -> FontRef) -> Page {
        var page = page
        page.items = page.items.map { item in
            guard case .text(var run) = item else { return item }
            run.font = ref(run.font)
            return .text(run)
        }
        return page
    }

    static func document(_ page: Page) -> Document {
        Document(info: DocumentInfo(title: "Fonts", author: "Folio tests", creationDate: "2024-05-01"), pages: [page])
    }

    @Test("a handle naming a missing font file is an error naming the file, not a blank page")
    func missingFontFile() throws {
        let missing = TestSupport.temporaryDirectory("missing-font") + "/Gone.otf"
        let page = Self.renamed(Self.page().page) { FontRef(file: missing, index: $0.index) }
        for export in [{ _ = try PNGExporter().export(page) }, { _ = try PDFExporter().export(Self.document(page)) }] {
            do {
                try export()
                Issue.record("a run whose font file is missing was drawn")
            } catch let error as GraphicsError {
                #expect(error.description.contains(missing) && error.description.contains("missing"), "\(error)")
            }
        }
    }

    @Test("a handle whose font file changed since shaping is refused by both exporters")
    func changedFontFile() throws {
        let page = Self.renamed(Self.page().page) { ref in
            var other = ref
            other.identity?.mtime += 1 // the file as it was a nanosecond later: another version of it
            return other
        }
        #expect(page != Self.page().page) // another handle: nothing made from the old one is taken for it
        #expect(throws: GraphicsError.self) { _ = try PNGExporter().export(page) }
        #expect(throws: GraphicsError.self) { _ = try PDFExporter().export(Self.document(page)) }
    }

    @Test("exporters sharing resources open each face once and reuse it for the next export")
    func resourcesAreReused() throws {
        let (page, runs) = Self.page()
        let resources = RenderResources()
        let faces = Set(runs.map(\.font)).count
        _ = try PDFExporter(resources: resources).export(Self.document(page))
        _ = try PDFExporter(resources: resources).export(Self.document(page))
        #expect(resources.pdfFaces.count == faces)
        #expect(resources.fontPrograms.statistics.hits == faces) // the second PDF subset nothing again
        _ = try PNGExporter(resources: resources).export(page)
        _ = try PNGExporter(resources: resources).export(page)
        #expect(resources.scaledFonts.count == faces)
        #expect(resources.scaledFonts.statistics.hits >= runs.count)
    }
}
