/// What a build should make.
public struct BuildOptions: Hashable, Sendable {
    public var reportDirectory: String
    /// Output folder (default `out/<report folder name>`).
    public var outputDirectory: String?
    /// Brochure layout name (default: the report's `layout:` or `brochure`).
    public var layout: String?
    /// Card presets (default: the report's `cards:` or all presets).
    public var cardPresets: [String]?
    /// Pixels per card pixel (2 for high-density screens).
    public var scale: Double
    /// Re-make every output.
    public var force: Bool
    /// Also write the PDF/X print file.
    public var print: Bool
    /// Crop and registration marks on the print file.
    public var marks: Bool
    /// The print file's printing condition (`fogra39`, `fogra29`, `gracol`, `swop`; nil:
    /// the layout's `page: condition:`, else FOGRA39).
    public var condition: String? = nil
    /// Make brochure.pdf PDF/A-2u as well as PDF/UA-1 (`--archive`).
    public var archive = false
    public var brochure: Bool
    public var cards: Bool

    public init(reportDirectory: String, outputDirectory: String? = nil, layout: String? = nil, cardPresets: [String]? = nil,
                scale: Double = 1, force: Bool = false, print: Bool = false, marks: Bool = false,
                brochure: Bool = true, cards: Bool = true) {
        self.reportDirectory = reportDirectory
        self.outputDirectory = outputDirectory
        self.layout = layout
        self.cardPresets = cardPresets
        self.scale = scale
        self.force = force
        self.print = print
        self.marks = marks
        self.brochure = brochure
        self.cards = cards
    }
}

/// What a build did.
public struct BuildSummary: Sendable {
    public var outputDirectory: String
    /// Outputs re-made (relative paths).
    public var written: [String]
    /// Outputs already up to date.
    public var unchanged: [String]
    /// Stale outputs deleted.
    public var removed: [String]
    public var warnings: [FolioModelDiagnostic]
    public var pages: Int
    public var cards: Int
    public var seconds: Double
    /// Whether the build was found to have nothing to do from the bytes of its input
    /// files alone, without parsing them (`QuickCheck`).
    public var decidedQuickly = false
    /// The page count the layout pads to (`pad-to`; 4 for saddle stitching): preflight
    /// checks the print file's page count against it.
    public var pageMultiple = 1
}

import FolioModel
public typealias FolioModelDiagnostic = Diagnostic

/// Progress of a long build, for a terminal's progress line.
public enum BuildProgress: Sendable {
    case laidOut(pages: Int)
    case cardsRendered(done: Int, total: Int)
    case writing
}
