import FolioCore
import FolioGraphics

/// How full-width punctuation is set.
public enum PunctuationStyle: String, Hashable, Sendable, CaseIterable, Codable {
    /// GB/T 15834 style (mainland default): adjacent marks compress so a pair takes
    /// 1.5 em; an opening mark at line start loses its leading half; a mark at line end
    /// may be half width.
    case gb
    /// Every mark keeps its full em.
    case fullwidth
    /// 开明式: 。！？ keep their full em; every other mark is set half width.
    case kaiming
}

/// How strictly line-start and line-end rules apply (clreq).
public enum LineBreakLevel: String, Hashable, Sendable, CaseIterable, Codable {
    /// Closing marks and stops never start a line; opening marks never end one.
    case basic
    /// Also dashes, ellipses, middle dots, iteration marks and small kana never start a line.
    case strict
}

/// Horizontal alignment of lines.
public enum Alignment: String, Hashable, Sendable, CaseIterable, Codable {
    /// Flush on both edges except a paragraph's last line.
    case justify
    case left
    case center
    case right
}

/// Composer settings a layout chooses.
public struct ComposerSettings: Hashable, Sendable {
    public var punctuation: PunctuationStyle
    /// Space between Han and Latin letters or digits, in em (0 switches it off).
    public var autospace: Double
    public var linebreak: LineBreakLevel
    /// The fewest characters (punctuation not counted) a paragraph's last line may hold.
    public var minLastLineCharacters: Int

    public init(punctuation: PunctuationStyle = .gb, autospace: Double = 0.25, linebreak: LineBreakLevel = .strict,
                minLastLineCharacters: Int = 2) {
        self.punctuation = punctuation
        self.autospace = autospace
        self.linebreak = linebreak
        self.minLastLineCharacters = minLastLineCharacters
    }
}

/// The look of a stretch of text.
public struct CharacterStyle: Hashable, Sendable {
    public var font: FontSpec
    public var color: Color
    /// Extra space after every character, in em.
    public var tracking: Double

    public init(font: FontSpec, color: Color = .black, tracking: Double = 0) {
        self.font = font
        self.color = color
        self.tracking = tracking
    }
}

/// Text in one style.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var style: CharacterStyle

    public init(_ text: String, style: CharacterStyle) {
        self.text = text
        self.style = style
    }
}

/// What to compose: the text, the measure, and how lines are shaped.
public struct ParagraphSpec: Hashable, Sendable {
    public var spans: [TextSpan]
    /// The measure (line length) in points.
    public var width: Double
    /// First-line indent in points.
    public var firstLineIndent: Double
    public var alignment: Alignment
    public var settings: ComposerSettings
    /// Titles and card text: lines of even length, no lone character, breaks preferred
    /// at sense boundaries (after 、，, at spaces and U+200B).
    public var balanced: Bool

    public init(spans: [TextSpan], width: Double, firstLineIndent: Double = 0, alignment: Alignment = .justify,
                settings: ComposerSettings = ComposerSettings(), balanced: Bool = false) {
        self.spans = spans
        self.width = width
        self.firstLineIndent = firstLineIndent
        self.alignment = alignment
        self.settings = settings
        self.balanced = balanced
    }

    /// The paragraph's whole text.
    public var text: String { spans.map(\.text).joined() }
}
