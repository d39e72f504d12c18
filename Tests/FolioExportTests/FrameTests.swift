import FolioCore
import FolioExport
import FolioGraphics
import FolioTestSupport
import FolioText
import Foundation
import Testing

/// Frames and groups: items positioned relative to their parent, moved by one point.
@Suite("Frames and groups")
struct FrameTests {
    static let style = CharacterStyle(font: FontSpec(family: "Noto Serif CJK SC", size: 18), color: Color(red: 0, green: 0, blue: 0))

    /// One line of text whose first line box's baseline starts at (x, baseline).
    static func runs(x: Double, baseline: Double) -> [GlyphRun] {
        let paragraph = Composer(fonts: TestSupport.fonts).compose(ParagraphSpec(spans: [TextSpan("框架里的字 Frame", style: style)], width: 200))
        return paragraph.lines[0].runs(atX: x, baseline: baseline)
    }

    static func document(_ items: [Item]) -> Document {
        Document(info: DocumentInfo(title: "Frames", author: "Folio tests", creationDate: "2024-05-01"),
                 pages: [Page(size: Size(width: 300, height: 200), items: items)])
    }

    @Test("moving a run moves its origin and line box; its glyphs stay where they were relative to it")
    func runMovesOnePoint() throws {
        let run = try #require(Self.runs(x: 0, baseline: 0).first)
        let moved = run.offsetBy(dx: 30, dy: 40)
        #expect(moved.localGlyphs == run.localGlyphs)
        #expect(moved.origin == Point(x: run.origin.x + 30, y: run.origin.y + 40))
        #expect(moved.bounds == run.bounds.offsetBy(dx: 30, dy: 40))
        #expect(moved.glyphs.map(\.x) == run.glyphs.map { $0.x + 30 })
        #expect(moved.glyphs.map(\.y) == run.glyphs.map { $0.y + 40 })
    }

    @Test("a frame placed at a point draws what the same items laid out there draw, in PNG and PDF, byte for byte")
    func placedFrameDrawsInPlace() throws {
        let frame = Frame(size: Size(width: 220, height: 40), items: Self.runs(x: 10, baseline: 25).map(Item.text))
        let placed = Self.document([frame.placed(at: Point(x: 60, y: 100))])
        let direct = Self.document(Self.runs(x: 70, baseline: 125).map(Item.text))
        #expect(placed.pages[0].items[0].bounds == direct.pages[0].items.compactMap(\.bounds).dropFirst()
            .reduce(direct.pages[0].items[0].bounds!) { $0.union($1) })
        let png = PNGExporter()
        #expect(try png.export(placed.pages[0], scale: 2) == png.export(direct.pages[0], scale: 2))
        #expect(try PDFExporter().export(placed) == PDFExporter().export(direct))
        // And not what the frame draws unmoved (the origin is applied).
        #expect(try png.export(placed.pages[0], scale: 2) != png.export(Self.document(frame.items).pages[0], scale: 2))
    }

    @Test("a frame placed clipped shows nothing outside its bounds")
    func clippedFrame() throws {
        // The text overflows a frame 60 pt wide: clipped, no ink right of x = 40 + 60.
        let frame = Frame(size: Size(width: 60, height: 40), items: Self.runs(x: 0, baseline: 25).map(Item.text))
        let page = Self.document([frame.placed(at: Point(x: 40, y: 20), clipped: true)]).pages[0]
        let image = try PNGExporter().render(page, scale: 1)
        var inside = 0, outside = 0
        for y in 0..<image.pixelHeight {
            for x in 0..<image.pixelWidth where image.pixel(x: x, y: y) & 0xff < 128 {
                if x >= 40 && x < 100 && y >= 20 && y < 60 { inside += 1 } else { outside += 1 }
            }
        }
        #expect(inside > 50 && outside == 0, "inside \(inside), outside \(outside)")
        let bounds = try #require(page.items[0].bounds)
        #expect(Rect(x: 40, y: 20, width: 60, height: 40).contains(bounds) && bounds.maxX == 100)
    }
}
