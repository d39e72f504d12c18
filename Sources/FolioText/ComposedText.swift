import FolioCore
import FolioGraphics

/// Where one character (shaping cluster) of a line was set: the line's extent comes from
/// these, and tests and checks read them.
public struct Placement: Hashable, Sendable {
    /// The character(s).
    public var text: String
    /// Pen position where the unit starts, relative to the paragraph's left edge.
    public var x: Double
    /// The advance it was given (half width when compressed).
    public var advance: Double
    /// Its glyphs' own advance (what the font gives it, before compression or centring).
    public var naturalAdvance: Double
    /// How the composer classed it.
    public var cls: CharClass
}

/// One composed line: glyph runs relative to the paragraph's left edge and the line's
/// baseline (y = 0).
public struct ComposedLine: Hashable, Sendable {
    public var runs: [GlyphRun]
    /// The line's text as it reads (no inserted spaces; a space at the break is dropped).
    public var text: String
    public var placements: [Placement]
    /// Left edge of the first character (indent or alignment offset).
    public var left: Double
    /// Right edge of the last character.
    public var right: Double
    /// The measure this line was set to (the paragraph width minus any indent).
    public var measure: Double
    /// Distance from the baseline up to the em box top / down to its bottom.
    public var ascent: Double
    public var descent: Double
    public var isLast: Bool
    /// Whether it is wider than its measure (only when nothing else could be done).
    public var overfull: Bool
    /// Whether a justified line could not be made flush (no gap to widen).
    public var ragged: Bool

    /// The runs moved to a baseline at (`x`, `y`).
    public func runs(atX x: Double, baseline y: Double) -> [GlyphRun] {
        runs.map { $0.offsetBy(dx: x, dy: y) }
    }
}

/// A composed paragraph.
public struct ComposedParagraph: Hashable, Sendable {
    public var lines: [ComposedLine]
    /// Characters no font of the set could draw.
    public var missing: [MissingCharacter]
    public var text: String

    /// The widest line's right edge.
    public var width: Double { lines.map(\.right).max() ?? 0 }
    public var overfull: Bool { lines.contains { $0.overfull } }
}
