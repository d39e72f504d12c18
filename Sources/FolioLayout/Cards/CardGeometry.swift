import FolioCore

/// The areas of a card preset that its items must respect: the safe area every item
/// stays inside (except bleed art), and, on wide covers, the centre square that chats
/// crop the card to, which must hold the title.
public struct CardGeometry: Hashable, Sendable {
    /// The card's size in pixels at scale 1.
    public var size: Size
    /// The trim box inset by the preset's `safe` margins.
    public var safeArea: Rect
    /// The centred square (card height × card height) when the preset sets
    /// `centre-crop: true`; nil otherwise.
    public var centreSquare: Rect?

    public init(page: PageSpec) {
        size = page.size
        safeArea = Rect(x: page.safe.inside, y: page.safe.top, width: page.size.width - page.safe.inside - page.safe.outside,
                        height: page.size.height - page.safe.top - page.safe.bottom)
        if page.centreCrop {
            let side = min(page.size.width, page.size.height)
            centreSquare = Rect(x: (page.size.width - side) / 2, y: (page.size.height - side) / 2, width: side, height: side)
        } else {
            centreSquare = nil
        }
    }

    /// Whether an item is bleed art: drawn clipped to the card's bleed box (the
    /// background, decorative shapes that run off the edge). Art may leave the safe area.
    public static func isArt(_ item: Item, on page: Page) -> Bool {
        if case .group(let group) = item { return group.placedClip == page.bleedBox }
        return false
    }

    /// The drawn leaves (text runs, shapes, images) of `items` whose bounds leave `rect`,
    /// skipping bleed art; a crop counts with its clipped bounds.
    public static func leaves(outside rect: Rect, in items: [Item], on page: Page, tolerance: Double = 0.01) -> [Item] {
        var out: [Item] = []
        for item in items {
            switch item {
            case .group(let group):
                if group.placedClip == page.bleedBox { continue }
                // A placed frame (not clipped): its leaves, in the page's coordinates.
                if group.clip == nil { out += leaves(outside: rect, in: group.placedItems, on: page, tolerance: tolerance); continue }
                if let b = item.bounds, !rect.contains(b, tolerance: tolerance) { out.append(item) }
            case .tagged(_, let children):
                out += leaves(outside: rect, in: children, on: page, tolerance: tolerance)
            case .destination, .link:
                continue
            default:
                if let b = item.bounds, !rect.contains(b, tolerance: tolerance) { out.append(item) }
            }
        }
        return out
    }

    /// The union of the bounds of `items` (nil when nothing is drawn).
    public static func bounds(of items: [Item]) -> Rect? {
        var result: Rect?
        for case let r? in items.map(\.bounds) {
            result = result.map { $0.union(r) } ?? r
        }
        return result
    }

    /// A short description of an item for messages: its text, or its kind.
    public static func describe(_ item: Item) -> String {
        switch item {
        case .text(let run): return "text '\(run.text)'"
        case .shape: return "a shape"
        case .image(let image): return "image \(image.path.split(separator: "/").last.map(String.init) ?? image.path)"
        case .tagged(let tag, let children):
            let texts = children.flatMap(\.flattened).compactMap { item -> String? in
                if case .text(let run) = item { return run.text }
                return nil
            }
            return texts.isEmpty ? "a \(tag.role) group" : "text '\(texts.joined())'"
        case .group(let group): return group.items.first.map(describe) ?? "a clipped group"
        case .link: return "a link"
        case .destination: return "a destination"
        }
    }
}
