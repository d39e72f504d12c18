import FolioCore
import FolioGraphics

/// Walks display-list items and hands each to the canvas, opening and closing structure
/// tags around groups. It draws; it never moves anything.
struct ItemPainter {
    let canvas: Canvas
    /// Whether links, destinations and structure tags are written (PDF) or skipped (PNG).
    let interactive: Bool

    func paint(_ items: [Item]) throws {
        for item in items { try paint(item) }
    }

    func paint(_ item: Item) throws {
        switch item {
        case .shape(let shape): canvas.draw(shape)
        case .text(let run): canvas.draw(run)
        case .image(let image): try canvas.draw(image)
        case .link(let link): if interactive { canvas.link(link) }
        case .destination(let name, let point): if interactive { canvas.destination(name: name, at: point) }
        case .clipped(let rect, let children):
            try canvas.withClip(rect) { try paint(children) }
        case .tagged(let tag, let children):
            if interactive { canvas.beginTag(tag) }
            try paint(children)
            if interactive { canvas.endTag(tag) }
        }
    }
}
