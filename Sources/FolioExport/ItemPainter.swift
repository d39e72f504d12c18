import FolioCore
import FolioGraphics

/// Walks display-list items and hands each to a raster canvas (the cards). Links,
/// destinations and structure tags mean nothing in a PNG: their drawn children are
/// painted, the rest skipped. It draws; it never moves anything.
struct ItemPainter {
    let canvas: Canvas

    func paint(_ items: [Item]) throws {
        for item in items { try paint(item) }
    }

    func paint(_ item: Item) throws {
        switch item {
        case .shape(let shape): canvas.draw(shape)
        case .text(let run): try canvas.draw(run)
        case .image(let image): try canvas.draw(image)
        case .link, .destination: break
        case .group(let group):
            // Children are drawn moved into page coordinates (a run moves its origin only).
            guard let rect = group.placedClip else { return try paint(group.placedItems) }
            try canvas.withClip(rect) { try paint(group.placedItems) }
        case .tagged(_, let children):
            try paint(children)
        }
    }
}
