import FolioSheets

/// Limits that keep a hostile or broken input from eating memory or time. The defaults
/// are far above what a real report needs: the built-in report of 10 events is 18 KB
/// and about 400 YAML values; a generated report of 1,000 events is about 2 MB.
public struct InputLimits: Hashable, Sendable {
    /// Largest accepted YAML file, in bytes.
    public var maxFileBytes: Int
    /// Most YAML values read from one file (aliases count each time they are used).
    public var maxNodes: Int
    /// Most events in one report.
    public var maxEvents: Int
    /// Longest paragraph, in characters.
    public var maxParagraphCharacters: Int
    /// Longest one-line text (a title, summary, label or caption), in characters.
    public var maxLineCharacters: Int
    /// Bounds on the spreadsheets and CSV files charts and figures read (`data:`).
    public var sheets: SheetLimits = .default

    public init(maxFileBytes: Int = 8 << 20, maxNodes: Int = 1_000_000, maxEvents: Int = 5_000,
                maxParagraphCharacters: Int = 20_000, maxLineCharacters: Int = 1_000) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxEvents = maxEvents
        self.maxParagraphCharacters = maxParagraphCharacters
        self.maxLineCharacters = maxLineCharacters
    }

    public static let `default` = InputLimits()
}
