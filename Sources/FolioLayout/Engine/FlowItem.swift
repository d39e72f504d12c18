import FolioCore
import FolioModel

/// A block made ready to pour into columns.
public enum FlowItem: Sendable {
    /// A paragraph (or heading): lines that may split across columns.
    case text(TextItem)
    /// Something that keeps together: figure tiles, a chart, a rule, an image, a spacer.
    case box(BoxItem)
    /// A named destination at the position of the next content.
    case anchor(String)

    /// The same item, kept in one column with what follows it.
    func keepingWithNext() -> FlowItem {
        switch self {
        case .text(var t): t.keepWithNext = true; return .text(t)
        case .box(var b): b.keepWithNext = true; return .box(b)
        case .anchor: return self
        }
    }

    var keepWithNext: Bool {
        switch self {
        case .text(let t): return t.keepWithNext
        case .box(let b): return b.keepWithNext
        case .anchor: return false
        }
    }

    /// The same item, beginning a new unit of the flow where `start` allows.
    func starting(_ start: FlowStart) -> FlowItem {
        switch self {
        case .text(var t): t.start = start; return .text(t)
        case .box(var b): b.start = start; return .box(b)
        case .anchor: return self
        }
    }

    /// Where this item begins when it starts a unit of the flow (nil: it does not).
    var start: FlowStart? {
        switch self {
        case .text(let t): return t.start
        case .box(let b): return b.start
        case .anchor: return nil
        }
    }
}

/// Where data shown in the flow came from, for overflow messages.
public struct DataOrigin: Hashable, Sendable {
    /// "event 3 (ai-platform)", "the report".
    public var owner: String
    /// "title", "body", "intro".
    public var field: String
    public var location: SourceLocation?

    public init(owner: String, field: String, location: SourceLocation?) {
        self.owner = owner
        self.field = field
        self.location = location
    }
}

/// A paragraph in the flow.
public struct TextItem: Sendable {
    public var box: TextBox
    /// Tagged-PDF role ("P", "H1", "H2").
    public var role: String
    public var keepWithNext: Bool
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Headings do not split.
    public var splittable: Bool
    public var span: Bool
    public var origin: DataOrigin?
    /// A link around the whole paragraph (contents entries).
    public var link: String?
    /// It begins a unit of the flow (an event) there (`FlowStart`).
    public var start: FlowStart?

    public init(box: TextBox, role: String = "P", keepWithNext: Bool = false, spaceBefore: Double = 0,
                spaceAfter: Double = 0, splittable: Bool = true, span: Bool = false, origin: DataOrigin? = nil,
                link: String? = nil) {
        self.box = box
        self.role = role
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.splittable = splittable
        self.span = span
        self.origin = origin
        self.link = link
    }
}

/// A block that keeps together, drawn into the rectangle the flow gives it.
public struct BoxItem: Sendable {
    public var height: Double
    public var role: String?
    public var alt: String?
    public var keepWithNext: Bool
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// May move below following text when it does not fit where it stands.
    public var floats: Bool
    public var span: Bool
    public var origin: DataOrigin?
    /// It begins a unit of the flow (an event) there (`FlowStart`).
    public var start: FlowStart?
    /// It may be set as low as this (a chart) to fill the room left in a column.
    public var minHeight: Double?
    /// Draws the block into a rectangle of the column's width and `height`.
    public var draw: @Sendable (Rect) -> [Item]

    public init(height: Double, role: String? = nil, alt: String? = nil, keepWithNext: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, floats: Bool = true, span: Bool = false,
                origin: DataOrigin? = nil, draw: @escaping @Sendable (Rect) -> [Item]) {
        self.height = height
        self.role = role
        self.alt = alt
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.floats = floats
        self.span = span
        self.origin = origin
        self.draw = draw
    }
}
