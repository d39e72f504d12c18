/// A sized piece of layout, like Typst's frame: items positioned relative to its top-left
/// corner. A box lays itself out into a frame once; its parent places the frame (one
/// point), so moving the box never copies what is inside it, and the box's size is the
/// frame's, from the same computation as its drawing.
public struct Frame: Hashable, Sendable {
    public var size: Size
    public var items: [Item]

    public init(size: Size, items: [Item] = []) {
        self.size = size
        self.items = items
    }

    /// The frame's area in its own coordinates.
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The frame as an item of its parent, its top-left corner at `point`; clipped to its
    /// bounds when `clipped`.
    public func placed(at point: Point, clipped: Bool = false) -> Item {
        .group(Group(origin: point, clip: clipped ? bounds : nil, items: items))
    }
}
