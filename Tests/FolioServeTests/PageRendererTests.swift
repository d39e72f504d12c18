import FolioCore
import FolioGraphics
import FolioServe
import FolioTestSupport
import FolioText
import Foundation
import Synchronization
import Testing

/// The preview's page images: drawn from the document alone, once per page and scale.
@Suite("Page renderer")
struct PageRendererTests {
    /// A page with a line of text shaped by Folio's font set.
    static func page(_ text: String) -> Page {
        let style = CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", size: 20), color: Color(red: 0, green: 0, blue: 0))
        let paragraph = Composer(fonts: TestSupport.fonts).compose(ParagraphSpec(spans: [TextSpan(text, style: style)], width: 180))
        return Page(size: Size(width: 200, height: 60), items: paragraph.lines[0].runs(atX: 10, baseline: 35).map(Item.text))
    }

    @Test("concurrent requests for one page get the same image, with text drawn without a font set; no page, no image")
    func concurrentRequests() throws {
        let renderer = PageRenderer()
        #expect(try renderer.png(page: 0, scale: 1) == nil)
        let document = Document(info: DocumentInfo(title: "Preview", author: "Folio tests", creationDate: "2024-05-01"),
                                pages: [Self.page("预览页"), Self.page("第二页")])
        renderer.setDocument(document, hashes: ["a", "b"])
        #expect(try renderer.png(page: 2, scale: 1) == nil)
        let results = Mutex<[Data]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            if let image = try? renderer.png(page: 0, scale: 1), image.hash == "a" { results.withLock { $0.append(image.data) } }
        }
        let images = results.withLock { $0 }
        #expect(images.count == 6 && Set(images).count == 1)
        let path = TestSupport.temporaryDirectory("page-renderer") + "/page.png"
        try images[0].write(to: URL(fileURLWithPath: path))
        let pixels = try DecodedImage.png(path: path)
        #expect(pixels.pixels.contains { $0 & 0xff < 128 }) // dark glyph pixels on white
        #expect(try renderer.png(page: 1, scale: 1)?.data != images[0])
    }
}
