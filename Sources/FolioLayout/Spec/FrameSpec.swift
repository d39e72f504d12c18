import FolioCore
import FolioModel
import FolioText

/// A box: x, y, width, height relative to an origin and one of its corners.
public struct BoxSpec: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        /// The live area (inside the margins).
        case live
        /// The trim box.
        case trim
    }

    /// The corner x and y are measured from (to the box's nearest corner).
    public enum Anchor: String, Hashable, Sendable, CaseIterable {
        case topLeft = "top-left"
        case topRight = "top-right"
        case bottomLeft = "bottom-left"
        case bottomRight = "bottom-right"
    }

    public var x: Length
    public var y: Length
    public var width: Length
    public var height: Length
    public var origin: Origin
    public var anchor: Anchor

    public init(x: Length, y: Length, width: Length, height: Length, origin: Origin = .live, anchor: Anchor = .topLeft) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.origin = origin
        self.anchor = anchor
    }

    /// Resolves to page coordinates on a page with this live area and trim size. `rest`
    /// sizes take what is left to the far edge.
    public func resolve(live: Rect, trim: Size) -> Rect {
        let base = origin == .live ? live : Rect(x: 0, y: 0, width: trim.width, height: trim.height)
        let dx = x.resolve(reference: base.width)
        let dy = y.resolve(reference: base.height)
        let w = width == .rest ? base.width - dx : width.resolve(reference: base.width)
        let h = height == .rest ? base.height - dy : height.resolve(reference: base.height)
        let fromRight = anchor == .topRight || anchor == .bottomRight
        let fromBottom = anchor == .bottomLeft || anchor == .bottomRight
        let rx = fromRight ? base.width - dx - w : dx
        let ry = fromBottom ? base.height - dy - h : dy
        return Rect(x: base.x + rx, y: base.y + ry, width: w, height: h)
    }
}

/// A fixed frame of a template or master.
public struct FrameSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case rect
        case rule
        case circle
        case text
        case image
        case figure
        case chart
    }

    /// What to do when text does not fit the frame.
    public enum Fit: String, Hashable, Sendable, CaseIterable {
        case error
        case shrink
    }

    public enum VerticalAlign: String, Hashable, Sendable, CaseIterable {
        case top
        case middle
        case bottom
    }

    public var kind: Kind
    public var box: BoxSpec
    /// Colour name (fill for rect/circle, stroke for rule).
    public var fill: String?
    public var stroke: String?
    public var strokeWidth: Double
    public var radius: Double
    public var opacity: Double
    /// Extend into the bleed on edges the box touches.
    public var bleed: Bool
    /// Text content template ("{event.title}") or parts joined by `separator`.
    public var content: [String]
    public var separator: String
    public var style: String?
    public var valign: VerticalAlign
    public var fit: Fit
    /// Data field the frame shows, for messages ("title").
    public var field: String?
    /// Only on pages where this holds ("odd", "even").
    public var when: String?
    /// Drop the frame when its content is empty instead of failing.
    public var optional: Bool
    /// Tagged-PDF role of text ("H1", "P"); nil for artifacts.
    public var role: String?
    /// Link target ("contents").
    public var link: String?
    /// Index of the figure (0 = lead) or chart, for figure/chart frames.
    public var index: Int

    public init(kind: Kind, box: BoxSpec, fill: String? = nil, stroke: String? = nil, strokeWidth: Double = 0.5,
                radius: Double = 0, opacity: Double = 1, bleed: Bool = false, content: [String] = [], separator: String = "",
                style: String? = nil, valign: VerticalAlign = .top, fit: Fit = .error, field: String? = nil,
                when: String? = nil, optional: Bool = false, role: String? = nil, link: String? = nil, index: Int = 0) {
        self.kind = kind
        self.box = box
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.radius = radius
        self.opacity = opacity
        self.bleed = bleed
        self.content = content
        self.separator = separator
        self.style = style
        self.valign = valign
        self.fit = fit
        self.field = field
        self.when = when
        self.optional = optional
        self.role = role
        self.link = link
        self.index = index
    }
}
