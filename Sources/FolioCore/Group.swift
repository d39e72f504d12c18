/// Items drawn together, moved by `origin` and optionally clipped: their positions are
/// relative to the group's origin, so moving the group moves one point (like a group
/// item of a Typst frame). Bleed art is a group clipped to the bleed box; a placed
/// `Frame` is a group at the frame's position.
public struct Group: Hashable, Sendable {
    /// Where the group's (0, 0) sits in its parent's coordinates.
    public var origin: Point
    /// The visible area, in the group's own coordinates (nil: not clipped).
    public var clip: Rect?
    public var items: [Item]

    public init(origin: Point = .zero, clip: Rect? = nil, items: [Item]) {
        self.origin = origin
        self.clip = clip
        self.items = items
    }

    /// The clip in the parent's coordinates.
    public var placedClip: Rect? { clip.map { $0.offsetBy(dx: origin.x, dy: origin.y) } }

    /// The items in the parent's coordinates (the exporters draw these: a run moves its
    /// origin, a nested group its origin, so no glyph is copied).
    public var placedItems: [Item] {
        origin == .zero ? items : items.map { $0.offsetBy(dx: origin.x, dy: origin.y) }
    }
}

extension Item {
    /// Items drawn clipped to `rect` (page coordinates): a group at the page's origin.
    public static func clipped(_ rect: Rect, _ items: [Item]) -> Item {
        .group(Group(clip: rect, items: items))
    }

    /// The item moved by `dx`, `dy`. Glyph runs and groups move their origin (no glyph
    /// or child is copied); shapes, images, links and destinations move their points.
    public func offsetBy(dx: Double, dy: Double) -> Item {
        guard dx != 0 || dy != 0 else { return self }
        switch self {
        case .shape(var shape):
            shape.path = shape.path.offsetBy(dx: dx, dy: dy)
            return .shape(shape)
        case .text(let run): return .text(run.offsetBy(dx: dx, dy: dy))
        case .image(var image):
            image.frame = image.frame.offsetBy(dx: dx, dy: dy)
            image.clip = image.clip.offsetBy(dx: dx, dy: dy)
            return .image(image)
        case .link(var link):
            link.rect = link.rect.offsetBy(dx: dx, dy: dy)
            return .link(link)
        case .destination(let name, let point): return .destination(name: name, at: Point(x: point.x + dx, y: point.y + dy))
        case .tagged(let tag, let items): return .tagged(tag, items.map { $0.offsetBy(dx: dx, dy: dy) })
        case .group(var group):
            group.origin = Point(x: group.origin.x + dx, y: group.origin.y + dy)
            return .group(group)
        }
    }
}

extension Path {
    /// The path moved by `dx`, `dy`.
    public func offsetBy(dx: Double, dy: Double) -> Path {
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        return Path(elements.map { element in
            switch element {
            case .move(let p): return .move(move(p))
            case .line(let p): return .line(move(p))
            case .curve(let a, let b, let c): return .curve(move(a), move(b), move(c))
            case .close: return .close
            }
        })
    }
}
