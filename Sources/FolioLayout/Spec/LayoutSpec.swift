import FolioCore
import FolioModel
import FolioText

/// A brochure or card layout, as read from `Layouts/NAME.yaml`: geometry, fonts,
/// colours, styles, master pages and templates. Data, not code.
public struct LayoutSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case brochure
        case card
    }

    public var name: String
    public var kind: Kind
    public var description: String
    public var page: PageSpec
    public var fonts: [String: FontRole]
    public var colors: [String: Color]
    public var text: ComposerSettings
    public var styles: [String: StyleSpec]
    public var masters: [String: MasterSpec]
    public var templates: [String: TemplateSpec]
    /// Brochure: the order of the sections (cover, foreword, contents, events, statistics, back).
    public var sequence: [String]
    /// Where the file is, for diagnostics.
    public var file: String

    public init(name: String, kind: Kind, description: String, page: PageSpec, fonts: [String: FontRole],
                colors: [String: Color], text: ComposerSettings, styles: [String: StyleSpec],
                masters: [String: MasterSpec], templates: [String: TemplateSpec], sequence: [String], file: String) {
        self.name = name
        self.kind = kind
        self.description = description
        self.page = page
        self.fonts = fonts
        self.colors = colors
        self.text = text
        self.styles = styles
        self.masters = masters
        self.templates = templates
        self.sequence = sequence
        self.file = file
    }
}

/// Page geometry.
public struct PageSpec: Hashable, Sendable {
    /// Trim size in points.
    public var size: Size
    public var bleed: Double
    public var margins: Margins
    /// Facing pages: inside/outside margins alternate and odd/even masters apply.
    public var facing: Bool
    public var columns: Int
    public var gutter: Double
    /// Baseline grid increment (0: none).
    public var baseline: Double
    /// Pad the page count to a multiple of this (4 for saddle stitching).
    public var padTo: Int
    /// Also write the PDF/X print file.
    public var print: Bool
    /// Cards: the area that must hold every item (inset from the edges).
    public var safe: Margins
    /// Cards: the square (centred) that chats crop to, which must hold the title.
    public var centreCrop: Bool

    public init(size: Size, bleed: Double = 0, margins: Margins, facing: Bool = false, columns: Int = 1, gutter: Double = 0,
                baseline: Double = 0, padTo: Int = 1, print: Bool = false, safe: Margins? = nil, centreCrop: Bool = false) {
        self.size = size
        self.bleed = bleed
        self.margins = margins
        self.facing = facing
        self.columns = columns
        self.gutter = gutter
        self.baseline = baseline
        self.padTo = padTo
        self.print = print
        self.safe = safe ?? margins
        self.centreCrop = centreCrop
    }

    /// The live area (inside the margins) of a page; on facing layouts, odd pages
    /// (right-hand) have the inside margin on the left.
    public func liveArea(pageNumber: Int) -> Rect {
        let rightHand = !facing || pageNumber % 2 == 1
        let left = rightHand ? margins.inside : margins.outside
        let right = rightHand ? margins.outside : margins.inside
        return Rect(x: left, y: margins.top, width: size.width - left - right, height: size.height - margins.top - margins.bottom)
    }
}

/// Page margins; inside is the binding side.
public struct Margins: Hashable, Sendable {
    public var top: Double
    public var bottom: Double
    public var inside: Double
    public var outside: Double

    public init(top: Double, bottom: Double, inside: Double, outside: Double) {
        self.top = top
        self.bottom = bottom
        self.inside = inside
        self.outside = outside
    }
}

/// A font role: the family and weight a layout asks for.
public struct FontRole: Hashable, Sendable {
    public var family: String
    public var weight: Int

    public init(family: String, weight: Int = 400) {
        self.family = family
        self.weight = weight
    }
}

/// A paragraph and character style.
public struct StyleSpec: Hashable, Sendable {
    public var font: String
    public var size: Double
    /// Line pitch in points.
    public var leading: Double
    public var color: String
    /// Extra space after each character, in em.
    public var tracking: Double
    /// First-line indent in em.
    public var indent: Double
    public var alignment: Alignment
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Baselines sit on the page's baseline grid.
    public var grid: Bool
    /// Balanced lines (titles).
    public var balanced: Bool
    /// Smallest size a shrinking frame may use (0: no shrinking).
    public var minSize: Double

    public init(font: String, size: Double, leading: Double, color: String = "ink", tracking: Double = 0, indent: Double = 0,
                alignment: Alignment = .left, spaceBefore: Double = 0, spaceAfter: Double = 0, grid: Bool = false,
                balanced: Bool = false, minSize: Double = 0) {
        self.font = font
        self.size = size
        self.leading = leading
        self.color = color
        self.tracking = tracking
        self.indent = indent
        self.alignment = alignment
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.grid = grid
        self.balanced = balanced
        self.minSize = minSize
    }
}

/// Items repeated on every page of a template: running heads, folios, rules.
public struct MasterSpec: Hashable, Sendable {
    public var all: [FrameSpec]
    /// Extra items on odd (right-hand) pages only.
    public var odd: [FrameSpec]
    /// Extra items on even (left-hand) pages only.
    public var even: [FrameSpec]

    public init(all: [FrameSpec] = [], odd: [FrameSpec] = [], even: [FrameSpec] = []) {
        self.all = all
        self.odd = odd
        self.even = even
    }
}

/// A page template: fixed frames, and a flow of blocks through a region.
public struct TemplateSpec: Hashable, Sendable {
    public var master: String?
    /// Page background colour, full bleed.
    public var background: String?
    /// Print the folio (page number) on these pages.
    public var folio: Bool
    /// The page label when no folio is printed ("封面").
    public var label: String?
    public var frames: [FrameSpec]
    public var flow: FlowSpec?
    /// Cards: further flows, each in its own region (a side panel, the wings of a wide
    /// card). They fit together with `flow`: shrinking and dropping apply to all of them.
    public var flows: [FlowSpec]
    /// The template for pages the flow runs on to (default: the master only).
    public var continuation: String?
    /// Title for the outline and the running head ("前言").
    public var title: String?
    /// Only when the report has what this names (`has-intro`, `has-charts`).
    public var when: String?

    public init(master: String? = nil, background: String? = nil, folio: Bool = true, label: String? = nil,
                frames: [FrameSpec] = [], flow: FlowSpec? = nil, flows: [FlowSpec] = [], continuation: String? = nil,
                title: String? = nil, when: String? = nil) {
        self.when = when
        self.master = master
        self.flows = flows
        self.background = background
        self.folio = folio
        self.label = label
        self.frames = frames
        self.flow = flow
        self.continuation = continuation
        self.title = title
    }
}

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

/// The flow of a template: blocks poured into columns of a region, page after page.
public struct FlowSpec: Hashable, Sendable {
    /// Where the flow runs on the template's first page (default: the live area).
    public var region: BoxSpec?
    /// Columns (default: the page's).
    public var columns: Int?
    public var blocks: [BlockSpec]
    /// Cards: what to do when the blocks do not fit (error; never a new page).
    public var paginate: Bool

    public init(region: BoxSpec? = nil, columns: Int? = nil, blocks: [BlockSpec], paginate: Bool = true) {
        self.region = region
        self.columns = columns
        self.blocks = blocks
        self.paginate = paginate
    }
}

/// One block of a flow.
public struct BlockSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Text from a template string.
        case text
        /// Paragraphs from a data list (report.intro, event.body).
        case paragraphs
        /// A horizontal rule.
        case rule
        /// Key-figure tiles.
        case figures
        /// Charts (the event's or all of the report's).
        case charts
        /// The event's image (or the cover's).
        case image
        /// The table of contents.
        case contents
        /// Empty space.
        case spacer
        /// One of the report's events per repetition (cards).
        case figure
    }

    public var kind: Kind
    public var content: [String]
    public var separator: String
    public var source: String?
    public var style: String?
    public var keepWithNext: Bool
    public var role: String?
    /// Space in points (rule thickness, spacer height, tile/chart height).
    public var height: Double?
    public var width: Length?
    public var columns: Int
    public var color: String?
    public var fill: String?
    /// Styles of sub-parts (figures: value, unit, label; contents: rank, title, page).
    public var parts: [String: String]
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Cards: may be dropped when the card is too full.
    public var optional: Bool
    /// Text may shrink down to the style's minSize before it is an error.
    public var shrink: Bool
    /// Cards: a spacer that takes the height left over in its region (shared evenly
    /// between the spacers that grow), pushing what follows to the bottom.
    public var grow: Bool
    /// Cards: when optional blocks are dropped, lower numbers go first; blocks without a
    /// number follow, from the last.
    public var drop: Int?
    /// Cards: only when this holds for the event (has-figure, no-figure, has-chart,
    /// no-chart, has-image, no-image, has-summary, no-summary, has-date, no-date).
    public var when: String?
    public var field: String?
    public var limit: Int?
    public var destination: String?
    /// Spans every column of the region (multi-column flows).
    public var span: Bool
    /// Stays in the same column as the end of the block before it (a signature).
    public var keepWithPrevious: Bool

    public init(kind: Kind, content: [String] = [], separator: String = "", source: String? = nil, style: String? = nil,
                keepWithNext: Bool = false, role: String? = nil, height: Double? = nil, width: Length? = nil,
                columns: Int = 1, color: String? = nil, fill: String? = nil, parts: [String: String] = [:],
                spaceBefore: Double = 0, spaceAfter: Double = 0, optional: Bool = false, shrink: Bool = false,
                field: String? = nil, limit: Int? = nil, destination: String? = nil, span: Bool = false,
                keepWithPrevious: Bool = false, grow: Bool = false, drop: Int? = nil, when: String? = nil) {
        self.kind = kind
        self.when = when
        self.grow = grow
        self.drop = drop
        self.span = span
        self.keepWithPrevious = keepWithPrevious
        self.content = content
        self.separator = separator
        self.source = source
        self.style = style
        self.keepWithNext = keepWithNext
        self.role = role
        self.height = height
        self.width = width
        self.columns = columns
        self.color = color
        self.fill = fill
        self.parts = parts
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.optional = optional
        self.shrink = shrink
        self.field = field
        self.limit = limit
        self.destination = destination
    }
}
