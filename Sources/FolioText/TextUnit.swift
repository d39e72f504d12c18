import FolioCore
import FolioGraphics

/// One shaping cluster of the paragraph (usually one character; a ligature such as
/// "fi" or the two-em dash "——" is one unit of two characters).
struct TextUnit {
    /// UTF-8 byte range in the paragraph's text.
    var bytes: Range<Int>
    var text: Substring
    /// The first scalar's value (rules look characters up by it).
    var scalar: UInt32
    var cls: CharClass
    /// Index of the span (style) it belongs to.
    var span: Int
    /// Font size in points.
    var em: Double
    var glyphs: [ShapedGlyph]
    /// The advance it takes when not compressed: natural advance plus tracking (a
    /// middle dot: half an em).
    var advance: Double
    /// The half-width (halt) form: its advance and the glyph's x offset; nil when the
    /// unit cannot be compressed.
    var half: HalfForm?
    /// Kaiming: set at half width everywhere.
    var alwaysHalf: Bool
    /// Extra space after the unit (tracking), part of `advance`.
    var tracking: Double
    /// Offset of the first glyph from the pen when not compressed (centres a middle dot).
    var lead: Double = 0

    /// How much compressing this unit saves.
    var halfSaving: Double {
        guard let half, !alwaysHalf else { return 0 }
        return advance - tracking - half.advance
    }

    /// The sum of the glyphs' own advances (what a PDF reader takes as the unit's width).
    var glyphAdvance: Double { glyphs.reduce(0) { $0 + $1.advance } }

    var isSpace: Bool { cls == .space }
    var isZeroWidth: Bool { cls == .breakHint }
    /// A mark with a blank half that may be given up at line end or when a line is too long.
    var canShrink: Bool { cls.isCompressible && half != nil && !alwaysHalf }
}

/// The halt form of a punctuation mark.
struct HalfForm: Hashable {
    var advance: Double
    var xOffset: Double
}

/// Which inter-character gaps justification widens, in order.
enum StretchTier {
    /// Never: next to a space (the space stretches), at a hint, across two glyph runs.
    case none
    /// Between characters: Han–Han, Han–Latin, after a stop or closing mark, before an opening one.
    case primary
    /// Between a character and the punctuation that hugs it (after an opening mark, before a
    /// closing mark or a stop): widened only when a line has no primary gap.
    case secondary
    /// Between the letters of a Western word, between two marks, inside ……: the last
    /// resort of a line that holds nothing else (a long word alone on a line).
    case tertiary
}

/// Breaking, spacing and compression between two adjacent units.
struct Joint {
    var breakable = false
    /// Added to a line's cost when it breaks here (body text: keep a number with its unit).
    var penalty: Double = 0
    /// Titles: added when a balanced line breaks here (negative: a sense boundary).
    var sense: Double = 0
    /// Han–Latin space in points while both units share a line.
    var autospace: Double = 0
    /// The unit before is set half width (pair compression).
    var compressLeft = false
    /// The unit after is set half width (pair compression).
    var compressRight = false
    var stretch: StretchTier = .none
    var hanLatin = false
}
