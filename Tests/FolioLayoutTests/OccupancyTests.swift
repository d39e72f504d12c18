import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// The occupancy measure itself, on pages made by hand.
@Suite("Page occupancy measure")
struct OccupancyTests {
    let block = Rect(x: 50, y: 50, width: 400, height: 600)

    func run(_ rect: Rect) -> Item {
        .text(GlyphRun(font: FontRef(file: "none.otf", index: 0), size: rect.height,
                       color: .black, glyphs: [], text: "", clusters: [], bounds: rect))
    }

    @Test("text down half the block fills about half of it; nothing fills nothing")
    func half() {
        let lines = stride(from: 50.0, to: 350, by: 18).map { run(Rect(x: 50, y: $0, width: 400, height: 10.5)) }
        let half = PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: lines), textBlock: block)
        #expect(abs(half.share - 0.5) < 0.03, "\(half.share)")
        #expect(PageOccupancy(page: Page(size: Size(width: 500, height: 700)), textBlock: block).filled == 0)
    }

    @Test("a full-page background does not count; a band across the block does")
    func backgrounds() {
        let page = Rect(x: -9, y: -9, width: 518, height: 718)
        let background = PageOccupancy(page: Page(size: Size(width: 500, height: 700),
                                                  items: [.clipped(page, [.shape(Shape(path: .rect(page), fill: .black))])]),
                                       textBlock: block)
        #expect(background.filled == 0)
        let band = Rect(x: 0, y: 0, width: 500, height: 350)
        let banded = PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: [.shape(Shape(path: .rect(band), fill: .black))]),
                                   textBlock: block)
        #expect(abs(banded.share - 0.5) < 0.03, "\(banded.share)")
    }

    @Test("what a clip hides is not counted; a hairline rule counts its row")
    func clipsAndHairlines() {
        let hidden = Item.clipped(Rect(x: 0, y: 0, width: 10, height: 10), [run(Rect(x: 50, y: 50, width: 400, height: 600))])
        #expect(PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: [hidden]), textBlock: block).filled == 0)
        let rule = Item.shape(Shape(path: .line(from: Point(x: 50, y: 300), to: Point(x: 450, y: 300)), stroke: Stroke(color: .black, width: 0.5)))
        let ruled = PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: [rule]), textBlock: block)
        #expect(ruled.filled == 4)
    }

    @Test("a two-column page with its second column empty is half full; ragged last lines are not holes")
    func columns() {
        let left = stride(from: 50.0, to: 650, by: 18).map { run(Rect(x: 50, y: $0, width: 190, height: 10.5)) }
        let half = PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: left), textBlock: block, layoutColumns: 2)
        #expect(abs(half.share - 0.5) < 0.03, "\(half.share)")
        // Paragraphs of three lines whose last line runs 60 % of the measure.
        let ragged = stride(from: 50.0, to: 650, by: 18).enumerated().map { k, y in
            run(Rect(x: 50, y: y, width: k % 3 == 2 ? 240 : 400, height: 10.5))
        }
        let full = PageOccupancy(page: Page(size: Size(width: 500, height: 700), items: ragged), textBlock: block)
        #expect(full.share > 0.9, "\(full.share)")
    }
}
