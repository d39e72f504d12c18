import FolioCore

/// How much of a page's text block holds content: the text block (the live area) is cut
/// into cells 5 mm high (about a line of body text with its leading) and a quarter of a
/// column wide, and a cell counts when something drawn on the page — a line of text, a
/// rule, a tile, a chart's marks, a photo — touches it. Full-page backgrounds do not
/// count, nor do links and destinations (they draw nothing).
///
/// This is the measure behind "no half-empty pages" (docs/layouts.md): a page whose
/// content stops halfway down scores about 50 %, a two-column page with one column
/// empty about 50 %, a page full of text close to 100 %. Cells are a quarter column wide
/// rather than square so that the ragged last lines of short paragraphs do not read as
/// empty page: with 5 mm squares the default report's foreword page, set full, scored 69 %.
public struct PageOccupancy: Hashable, Sendable {
    /// Cells that something is drawn in.
    public var filled: Int
    /// All cells of the text block.
    public var cells: Int

    /// The share of the text block's cells that hold content, 0…1.
    public var share: Double { cells == 0 ? 0 : Double(filled) / Double(cells) }

    /// The default cell height: 5 mm, about one line of body text with its leading.
    public static let defaultCell = 5 * 72 / 25.4

    /// Measures `page` over `textBlock` (page coordinates) laid out in `layoutColumns`
    /// columns, with cells `cell` points high and a quarter of a column wide.
    public init(page: Page, textBlock: Rect, layoutColumns: Int = 1, cell: Double = PageOccupancy.defaultCell) {
        self.init(page: page, textBlock: textBlock, cellWidth: textBlock.width / Double(4 * max(1, layoutColumns)), cellHeight: cell)
    }

    /// Measures `page` over `textBlock` with cells of `cellWidth` × `cellHeight` points.
    public init(page: Page, textBlock: Rect, cellWidth: Double, cellHeight: Double) {
        let columns = max(1, Int((textBlock.width / cellWidth - 1e-9).rounded(.up)))
        let rows = max(1, Int((textBlock.height / cellHeight - 1e-9).rounded(.up)))
        var grid = [Bool](repeating: false, count: columns * rows)
        for rect in Self.drawnAreas(page) {
            let x0 = max(rect.minX, textBlock.minX), x1 = min(rect.maxX, textBlock.maxX)
            let y0 = max(rect.minY, textBlock.minY), y1 = min(rect.maxY, textBlock.maxY)
            // Outside the block: nothing. A hairline (zero width or height) inside it counts.
            guard x1 > x0 || (x1 == x0 && rect.width == 0), y1 > y0 || (y1 == y0 && rect.height == 0) else { continue }
            let c0 = min(columns - 1, Int(((x0 - textBlock.minX) / cellWidth).rounded(.down)))
            let c1 = max(c0, min(columns - 1, Int(((x1 - textBlock.minX) / cellWidth).rounded(.up)) - 1))
            let r0 = min(rows - 1, Int(((y0 - textBlock.minY) / cellHeight).rounded(.down)))
            let r1 = max(r0, min(rows - 1, Int(((y1 - textBlock.minY) / cellHeight).rounded(.up)) - 1))
            for r in r0...r1 {
                for c in c0...c1 { grid[r * columns + c] = true }
            }
        }
        filled = grid.count { $0 }
        cells = grid.count
    }

    /// The areas of everything drawn on `page`, clipped where the page clips them; shapes
    /// that cover the whole trim (page backgrounds) left out.
    static func drawnAreas(_ page: Page) -> [Rect] {
        var areas: [Rect] = []
        func visit(_ item: Item, clip: Rect?) {
            switch item {
            case .shape(let shape):
                guard let b = shape.path.bounds else { return }
                if b.minX <= 0, b.minY <= 0, b.maxX >= page.size.width, b.maxY >= page.size.height { return }
                add(b, clip)
            case .text(let run): add(run.bounds, clip)
            case .image(let image): add(image.clip, clip)
            case .link, .destination: return
            case .tagged(_, let items): items.forEach { visit($0, clip: clip) }
            case .group(let group):
                let inner = group.placedClip.map { rect in clip.map { $0.clipped(to: rect) } ?? rect } ?? clip
                group.placedItems.forEach { visit($0, clip: inner) }
            }
        }
        func add(_ rect: Rect, _ clip: Rect?) {
            areas.append(clip.map { $0.clipped(to: rect) } ?? rect)
        }
        page.items.forEach { visit($0, clip: nil) }
        return areas
    }
}
