import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

@Suite("Images in the layout")
struct ImageLayoutTests {
    static let report: Report = {
        let result = ReportLoader().load(directory: TestSupport.path("Tests/Fixtures/with-images"))
        return result.report!
    }()

    func images(_ page: Page) -> [ImageItem] {
        page.items.flatMap(\.flattened).compactMap { if case .image(let i) = $0 { return i }; return nil }
    }

    @Test("cover fit fills its frame and keeps the focal point in view", arguments: ["brochure", "brochure-16k"])
    func cover(layout: String) throws {
        let document = try LayoutTestSupport.document(Self.report, layout: layout)
        let image = try #require(images(document.pages[0]).first)
        // The image covers the clip completely…
        #expect(image.frame.contains(image.clip))
        // …with its aspect ratio (480 × 320) kept…
        #expect(abs(image.frame.width / image.frame.height - 1.5) < 0.001)
        // …and the focal point (0.75, 0.3) inside the visible area.
        let focus = Point(x: image.frame.minX + 0.75 * image.frame.width, y: image.frame.minY + 0.3 * image.frame.height)
        #expect(image.clip.contains(Rect(x: focus.x, y: focus.y, width: 0, height: 0)))
    }

    @Test("contain fit shows the whole image inside its block")
    func contain() throws {
        let document = try LayoutTestSupport.document(Self.report, layout: "brochure")
        let diagram = try #require(document.pages.flatMap(images).first { $0.path.hasSuffix("diagram.png") })
        #expect(diagram.frame == diagram.clip)
        #expect(abs(diagram.frame.width - diagram.frame.height) < 0.01)
    }

    @Test("a missing image is an error naming it, at its line")
    func missing() {
        let result = TestSupport.loadReport(yaml: """
        title: 测试
        publisher: 局
        edition: 2023
        published: 2024-01-15
        events:
          - id: a
            title: 事件
            body: [正文]
            image: images/none.jpg
        """)
        let d = result.diagnostics.first { $0.code == "missing-file" }
        #expect(d?.message == "the image of event 1 (a) `images/none.jpg` does not exist")
        #expect(d?.location?.line == 9)
    }
}
