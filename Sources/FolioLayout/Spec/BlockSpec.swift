import FolioCore
import FolioModel
import FolioText

/// One block of a flow.
/// `bands:` of a `contents` block.
public enum Bands: String, CaseIterable, Hashable, Sendable {
    case alternate, every
}

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
        /// Frames drawn in a box of the flow (an event's head in continuous placement).
        case group
        /// A table of the report's events, a row each: rank, title, category and date, the
        /// lead figure (a padding page's summary).
        case events
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
    /// `contents`: which entries sit on a band of `fill` — every other one, or every one
    /// (a list of tinted cards, which then take the growth inside them).
    public var bands: Bands = .alternate
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
    /// Only where this condition holds (`Condition`).
    public var when: String?
    /// Images: crop the photo to exactly the block's width × height (a band, around its
    /// focus); without it a photo keeps its proportions within them.
    public var crop = false
    public var field: String?
    public var limit: Int?
    public var destination: String?
    /// Spans every column of the region (multi-column flows).
    public var span: Bool
    /// Stays in the same column as the end of the block before it (a signature).
    public var keepWithPrevious: Bool
    /// `group`: frames placed in the block's box (its `live` origin is the box).
    public var frames: [FrameSpec] = []
    /// `charts`: plotted charts may be set as low as this to fill the room left in a column.
    public var minHeight: Double?

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
