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
    /// Ranks (`when: ranked`, `TOP {events.count}`) make sense for reports of 2 up to this
    /// many events (`rank-limit`, default 20).
    public var rankLimit: Int = 20
    /// A logo image (absolute path) from the report's brand layout, drawn by frames with
    /// `content: layout.logo` (`when: has-logo`).
    public var logo: String?
    /// The report's brand layout applied to this one: a digest of the brand file's and the
    /// logo's bytes (so outputs are re-made when either changes); nil for a shipped layout.
    public var brand: String?

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
