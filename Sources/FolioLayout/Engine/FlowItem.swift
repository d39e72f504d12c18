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

/// A block that keeps together: laid out once, at build time, into a `Frame` (its size and
/// its items relative to its top-left corner); the flow only places that frame, at one
/// point. The box's size is its frame's size, from the same computation as its drawing.
///
/// Boxes that may be set lower or higher than their natural size (charts and photos with
/// `min-height`) carry one layout function of the height: their frame is that function's
/// result at the natural height, and setting `height` lays them out again at another.
/// A box anchored to the page (a `group` block whose frames bleed off the page's edge or
/// are placed from the trim) is laid out again for the point it is placed at, at the same
/// size (`frame(at:)`).
public struct BoxItem: Sendable {
    /// The box laid out: `frame.size` is the box's size.
    public private(set) var frame: Frame
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
    /// Lays the box out at another height (nil: the box has one size).
    private let layout: (@Sendable (Double) -> Frame)?
    /// Lays the box out for the point of the page it is placed at (nil: its frame is the
    /// same wherever it goes).
    private let anchoredLayout: (@Sendable (Point) -> Frame)?

    /// A box of one size: `frame`, laid out.
    public init(frame: Frame, role: String? = nil, alt: String? = nil, keepWithNext: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, floats: Bool = true, span: Bool = false,
                origin: DataOrigin? = nil) {
        self.init(frame: frame, role: role, alt: alt, keepWithNext: keepWithNext, spaceBefore: spaceBefore,
                  spaceAfter: spaceAfter, floats: floats, span: span, origin: origin, layout: nil, anchoredLayout: nil)
    }

    /// A box that may be set at other heights: laid out by `layout` at `height` (its
    /// natural height) now, and again whenever `height` is set.
    public init(height: Double, role: String? = nil, alt: String? = nil, keepWithNext: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, floats: Bool = true, span: Bool = false,
                origin: DataOrigin? = nil, layout: @escaping @Sendable (Double) -> Frame) {
        self.init(frame: layout(height), role: role, alt: alt, keepWithNext: keepWithNext, spaceBefore: spaceBefore,
                  spaceAfter: spaceAfter, floats: floats, span: span, origin: origin, layout: layout, anchoredLayout: nil)
    }

    /// A box anchored to the page: `frame` is its layout at the page's origin (for its
    /// size and for checking it); where the flow places it, `anchoredLayout` lays it out
    /// for that point, at the same size.
    public init(frame: Frame, role: String? = nil, alt: String? = nil, keepWithNext: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, floats: Bool = true, span: Bool = false,
                origin: DataOrigin? = nil, anchoredLayout: @escaping @Sendable (Point) -> Frame) {
        self.init(frame: frame, role: role, alt: alt, keepWithNext: keepWithNext, spaceBefore: spaceBefore,
                  spaceAfter: spaceAfter, floats: floats, span: span, origin: origin, layout: nil,
                  anchoredLayout: anchoredLayout)
    }

    private init(frame: Frame, role: String?, alt: String?, keepWithNext: Bool, spaceBefore: Double, spaceAfter: Double,
                 floats: Bool, span: Bool, origin: DataOrigin?, layout: (@Sendable (Double) -> Frame)?,
                 anchoredLayout: (@Sendable (Point) -> Frame)?) {
        self.frame = frame
        self.role = role
        self.alt = alt
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.floats = floats
        self.span = span
        self.origin = origin
        self.layout = layout
        self.anchoredLayout = anchoredLayout
    }

    /// The box's height: its frame's. Setting it lays a box with a layout function out
    /// again at that height; a box of one size keeps its items and takes the new size.
    public var height: Double {
        get { frame.size.height }
        set {
            guard newValue != frame.size.height else { return }
            frame = layout?(newValue) ?? Frame(size: Size(width: frame.size.width, height: newValue), items: frame.items)
        }
    }

    /// Whether the box is laid out again where it is placed (`frame(at:)`).
    public var isAnchored: Bool { anchoredLayout != nil }

    /// The box's frame when its top-left corner is at `point` of the page.
    public func frame(at point: Point) -> Frame {
        anchoredLayout?(point) ?? frame
    }

    /// The box as an item of the page, its top-left corner at `point`: its frame placed
    /// there (one point; nothing inside is copied), in its structure element when it has
    /// a `role`.
    public func placed(at point: Point) -> Item {
        let placed = frame(at: point).placed(at: point)
        guard let role else { return placed }
        return .tagged(StructureTag(role, alt: alt), [placed])
    }
}
