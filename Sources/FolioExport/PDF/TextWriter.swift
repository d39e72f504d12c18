import FolioCore

/// Writes glyphs as `Tm` and `TJ`: a new text matrix where the baseline moves, else
/// position adjustments from where the previous glyph's advance left the pen. A glyph
/// followed by a gap of a tenth of an em or more may be shown from a widened copy of its
/// face (`PaddedFace`), whose advance takes the gap in, rounded to 1/20 em.
struct TextWriter {
    let size: Double
    /// The run's font resource, and the one selected now (nil: none yet).
    let font: String
    private var current: String?
    private var inArray = false
    private var inString = false
    private var pen: Point?

    init(size: Double, font: String) {
        self.size = size
        self.font = font
    }

    /// The gap between `glyph` and `next`, as a pad in font units, when it is at least a
    /// tenth of an em on the same baseline; else nil.
    func gap(after glyph: Glyph, width: Double, before next: Glyph, unitsPerEm: Int) -> Int? {
        guard abs(next.y - glyph.y) < 0.0005 else { return nil }
        let em = (next.x - glyph.x) / size - width / 1000
        guard em >= 0.1, em < 4 else { return nil }
        let pad = Int((em * 20).rounded()) * unitsPerEm / 20
        return pad > 0 ? pad : nil
    }

    mutating func show(_ glyph: Glyph, width: Double, font name: String? = nil, into out: inout PDFBytes) {
        let name = name ?? font
        if current != name {
            end(&out)
            out.name(name); out.space(); out.num(size); out.raw(" Tf\n")
            current = name
        }
        // Where a reader will draw this glyph: the pen, moved by any adjustment written.
        var x = glyph.x
        if let pen, abs(pen.y - glyph.y) < 0.0005 {
            x = pen.x
            let adjust = ((pen.x - glyph.x) * 1000 / size * 1000).rounded() / 1000
            // Adjustments under 1/20,000 em are not written; the pen keeps the reader's
            // position, so such differences never add up.
            if abs(adjust) >= 0.05 {
                if !inArray { out.raw("["); inArray = true }
                if inString { out.raw(">"); inString = false }
                out.num(adjust); out.space()
                x = pen.x - adjust * size / 1000
            }
        } else {
            end(&out)
            out.raw("1 0 0 -1 "); out.num(glyph.x); out.space(); out.num(glyph.y); out.raw(" Tm\n")
        }
        if !inArray { out.raw("["); inArray = true }
        if !inString { out.raw("<"); inString = true }
        out.hex16(UInt16(truncatingIfNeeded: glyph.id))
        pen = Point(x: x + width / 1000 * size, y: glyph.y)
    }

    mutating func end(_ out: inout PDFBytes) {
        if inString { out.raw(">"); inString = false }
        if inArray { out.raw("] TJ\n"); inArray = false }
    }
}
