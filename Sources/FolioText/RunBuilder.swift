import FolioCore
import FolioGraphics

/// Groups a line's positioned units into glyph runs of one face, size and colour, with
/// text clusters that keep copied text clean.
///
/// A PDF reader rebuilds text from glyph positions and the font's own advances: where the
/// gap between two glyphs is wide (justification, Han–Latin space) it inserts a space
/// (poppler from about 0.4 em), and where two glyphs overlap by half an em or more
/// (compressed punctuation) it may take them out of order. Such neighbours are put in
/// one cluster, which Folio's PDF writer writes as one ActualText span, so the reader takes its text
/// as one piece. Small gaps keep one cluster per character (plain ToUnicode text).
///
/// Readers drop a drawn U+0020 and find spaces by geometry instead, so a real space next
/// to a glyph whose box overhangs its advance (a middle dot set in half an em) would be
/// lost: a space therefore shares a cluster with the character after it, and the
/// ActualText span gives it its own share of the width.
struct RunBuilder {
    let units: [TextUnit]
    let spec: ParagraphSpec
    let metrics: (FontSpec) -> FontMetrics

    /// Gaps wider than this (em) join the two characters' clusters. Kept well under
    /// poppler's 0.4 em so other readers, with lower thresholds, see no space either.
    static let clusterGap = 0.08
    /// Overlaps deeper than this (em) join the two characters' clusters.
    static let clusterOverlap = 0.4

    /// A unit with its glyphs placed: pen start and end of its advance.
    struct Placed {
        var unit: Int
        var glyphs: [Glyph]
        var start: Double
        var end: Double
    }

    private struct Current {
        var font: FontRef
        var style: CharacterStyle
        var glyphs: [Glyph]
        var text: String
        var clusters: [TextCluster]
        var start: Double
        var end: Double
        /// Where a reader thinks the last glyph ends: its position plus its own advance.
        var nominalEnd: Double
        /// The last cluster holds a space still waiting for the character after it.
        var openSpace: Bool
    }

    func runs(_ placed: [Placed]) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        var current: Current?
        func flush() {
            guard let c = current else { return }
            let m = metrics(c.style.font)
            runs.append(GlyphRun(font: c.font, size: c.style.font.size, color: c.style.color, glyphs: c.glyphs,
                                 text: c.text, clusters: c.clusters,
                                 bounds: Rect(x: c.start, y: -m.ascent, width: c.end - c.start, height: m.ascent + m.descent)))
            current = nil
        }
        for p in placed {
            let u = units[p.unit]
            guard let first = u.glyphs.first, let firstPlaced = p.glyphs.first, let lastPlaced = p.glyphs.last else { continue }
            let style = spec.spans[u.span].style
            let bytes = u.text.utf8.count
            let nominalEnd = lastPlaced.x + (u.glyphs.last?.advance ?? 0)
            if var c = current, c.font == first.font, c.style.font.size == style.font.size, c.style.color == style.color {
                let gap = firstPlaced.x - c.nominalEnd
                let em = style.font.size
                c.glyphs += p.glyphs
                c.text += u.text
                if c.openSpace || gap > Self.clusterGap * em || gap < -Self.clusterOverlap * em, var last = c.clusters.popLast() {
                    last.byteCount += bytes
                    last.glyphCount += p.glyphs.count
                    c.clusters.append(last)
                } else {
                    c.clusters.append(TextCluster(byteCount: bytes, glyphCount: p.glyphs.count))
                }
                c.end = p.end
                c.nominalEnd = nominalEnd
                c.openSpace = u.isSpace
                current = c
            } else {
                flush()
                current = Current(font: first.font, style: style, glyphs: p.glyphs, text: String(u.text),
                                  clusters: [TextCluster(byteCount: bytes, glyphCount: p.glyphs.count)],
                                  start: p.start, end: p.end, nominalEnd: nominalEnd, openSpace: u.isSpace)
            }
        }
        flush()
        return runs
    }
}
