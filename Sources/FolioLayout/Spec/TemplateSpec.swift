import FolioCore
import FolioModel
import FolioText

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
    /// The event template: a page per event, or events in one continuous flow.
    public var placement: EventPlacement = .page
    /// Continuous placement: where each event after the first begins (default anywhere;
    /// a variant without its own takes the event template's).
    public var start: FlowStart?
    /// The event template: other templates to use for an event, the first whose
    /// condition holds (`EventVariant`).
    public var variants: [EventVariant] = []
    /// The section's last page may end part-filled on purpose (`ends-open: yes`); its
    /// pages carry `Page.endsOpen`.
    public var endsOpen = false

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

/// The flow of a template: blocks poured into columns of a region, page after page.
public struct FlowSpec: Hashable, Sendable {
    /// Where the flow runs on the template's first page (default: the live area).
    public var region: BoxSpec?
    /// Columns (default: the page's).
    public var columns: Int?
    public var blocks: [BlockSpec]
    /// Cards: what to do when the blocks do not fit (error; never a new page).
    public var paginate: Bool
    /// Brochures: fit a section that would spill a few lines onto a page of their own.
    public var copyfit: CopyfitSpec?
    /// Events in one flow: what fills the white an event leaves at a column's foot (`gaps:`).
    public var gaps: GapSpec?
    /// Blocks set only where an event leaves a gap (`filler:`): a pull quote, a key figure.
    public var filler: [BlockSpec] = []
    /// Brochures: column text followed by a spanning block, or ending the flow, is set in
    /// columns of equal height (`balance: yes`).
    public var balance = false

    public init(region: BoxSpec? = nil, columns: Int? = nil, blocks: [BlockSpec], paginate: Bool = true) {
        self.region = region
        self.columns = columns
        self.blocks = blocks
        self.paginate = paginate
    }
}
