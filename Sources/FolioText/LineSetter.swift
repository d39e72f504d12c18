import FolioCore
import FolioGraphics

/// Turns chosen breaks into positioned glyphs: applies compression, Han–Latin spacing
/// and justification, and builds glyph runs whose text extracts cleanly.
struct LineSetter {
    let units: [TextUnit]
    let joints: [Joint]
    let spec: ParagraphSpec
    let fonts: FontSet
    let metrics: (FontSpec) -> FontMetrics

    /// Gaps wider than this (em) between two glyphs get one text cluster, so the PDF
    /// carries them as one span and text extraction sees no word break.
    static let clusterGap = 0.08

    func line(_ brk: LineBreaker.Break, isLast: Bool, forcedOverfull: Bool = false) -> ComposedLine {
        let a = brk.start
        var e = brk.end - 1
        while e > a && (units[e].isSpace || units[e].isZeroWidth) { e -= 1 }
        let indent = a == 0 ? spec.firstLineIndent : 0
        let measure = spec.width - indent

        // Advances before justification.
        var adv = [Double](repeating: 0, count: e - a + 1)
        var xOff = [Double](repeating: 0, count: e - a + 1)
        var gap = [Double](repeating: 0, count: e - a + 1) // after unit i (i < e)
        for i in a...e {
            let u = units[i]
            var half = u.alwaysHalf
            if i == a && u.cls == .open && u.half != nil && spec.settings.punctuation != .fullwidth { half = true }
            if i > a && joints[i].compressRight { half = true }
            if i < e && joints[i + 1].compressLeft { half = true }
            if half, let h = u.half {
                adv[i - a] = h.advance + u.tracking
                xOff[i - a] = h.xOffset
            } else {
                adv[i - a] = u.advance
            }
            if i < e { gap[i - a] = joints[i + 1].autospace }
        }
        adv[e - a] -= units[e].tracking
        var natural = adv.reduce(0, +) + gap.reduce(0, +)
        var excess = measure - natural
        var ragged = false
        let justify = spec.alignment == .justify && !isLast && !spec.balanced

        if excess < -0.001 {
            // Shrink: line-end mark, mid-line marks, spaces, Han–Latin gaps.
            var need = -excess
            func squeeze(_ i: Int, _ amount: Double) -> Double {
                let take = min(need, amount)
                adv[i - a] -= take
                need -= take
                return take
            }
            let last = units[e]
            if (last.cls == .close || last.cls == .stop) && !last.alwaysHalf, adv[e - a] > (last.half?.advance ?? .infinity) + 0.001 {
                _ = squeeze(e, adv[e - a] - last.half!.advance)
            }
            if need > 0.001 {
                let candidates = (a..<e).filter { i in
                    let u = units[i]
                    return (u.cls == .close || u.cls == .stop) && u.half != nil && !u.alwaysHalf && !joints[i + 1].compressLeft
                }
                let total = candidates.reduce(0) { $0 + units[$1].halfSaving }
                if total > 0 {
                    let ratio = min(1, need / total)
                    for i in candidates { _ = squeeze(i, units[i].halfSaving * ratio) }
                }
            }
            if need > 0.001 {
                let spaces = (a..<e).filter { units[$0].isSpace }
                let total = spaces.reduce(0) { $0 + 0.4 * units[$1].advance }
                if total > 0 {
                    let ratio = min(1, need / total)
                    for i in spaces { _ = squeeze(i, 0.4 * units[i].advance * ratio) }
                }
            }
            if need > 0.001 {
                let total = (a..<e).reduce(0) { $0 + 0.5 * gap[$1 - a] }
                if total > 0 {
                    let ratio = min(1, need / total)
                    for i in a..<e {
                        let take = min(need, 0.5 * gap[i - a] * ratio)
                        gap[i - a] -= take
                        need -= take
                    }
                }
            }
            natural = adv.reduce(0, +) + gap.reduce(0, +)
            excess = measure - natural
        } else if justify && excess > 0.001 {
            var rem = excess
            // 1. Western spaces, up to half an em each.
            let spaces = (a..<e).filter { units[$0].isSpace }
            if !spaces.isEmpty {
                let capacity = spaces.map { max(0, 0.5 * units[$0].em - units[$0].advance) }
                let total = capacity.reduce(0, +)
                if total > 0 {
                    let take = min(rem, total)
                    for (k, i) in spaces.enumerated() { adv[i - a] += capacity[k] / total * take }
                    rem -= take
                }
            }
            // 2. Han–Latin gaps, up to an eighth of an em more each.
            let hanLatin = (a..<e).filter { joints[$0 + 1].hanLatin }
            if rem > 0.001 && !hanLatin.isEmpty {
                let each = min(rem / Double(hanLatin.count), 0.125 * units[hanLatin[0]].em)
                for i in hanLatin { gap[i - a] += each }
                rem -= each * Double(hanLatin.count)
            }
            // 3. Every inter-character gap, evenly.
            let stretchable = (a..<e).filter { joints[$0 + 1].stretchable }
            if rem > 0.001 {
                if !stretchable.isEmpty {
                    let each = rem / Double(stretchable.count)
                    for i in stretchable { gap[i - a] += each }
                    rem = 0
                } else if !spaces.isEmpty {
                    let each = rem / Double(spaces.count)
                    for i in spaces { adv[i - a] += each }
                    rem = 0
                } else {
                    ragged = true
                }
            }
            natural = adv.reduce(0, +) + gap.reduce(0, +)
            excess = measure - natural
        }

        // Alignment.
        var x = indent
        if !justify || ragged {
            switch spec.alignment {
            case .center: x += max(0, excess) / 2
            case .right: x += max(0, excess)
            default: break
            }
        }
        let left = x

        // Place units.
        var placements: [Placement] = []
        var positioned: [(unit: Int, glyphs: [Glyph], start: Double, end: Double)] = []
        for i in a...e {
            let u = units[i]
            if u.isZeroWidth { x += gap[i - a]; continue }
            var glyphs: [Glyph] = []
            var pen = x
            for (k, g) in u.glyphs.enumerated() {
                let offset = k == 0 ? xOff[i - a] : 0
                glyphs.append(Glyph(id: g.id, x: pen + g.xOffset + offset, y: g.yOffset))
                pen += g.advance
            }
            placements.append(Placement(text: String(u.text), x: x, advance: adv[i - a],
                                        naturalAdvance: u.glyphs.reduce(0) { $0 + $1.advance }, cls: u.cls))
            positioned.append((i, glyphs, x, x + adv[i - a]))
            x += adv[i - a] + gap[i - a]
        }
        let right = placements.last.map { $0.x + $0.advance } ?? left
        let runs = buildRuns(positioned)
        var ascent = 0.0, descent = 0.0
        for run in runs {
            ascent = max(ascent, -run.bounds.minY)
            descent = max(descent, run.bounds.maxY)
        }
        let text = positioned.map { String(units[$0.unit].text) }.joined()
        return ComposedLine(runs: runs, text: text, placements: placements, left: left, right: right, measure: measure,
                            ascent: ascent, descent: descent, isLast: isLast,
                            overfull: forcedOverfull || right > spec.width + 0.01, ragged: ragged)
    }

    /// Groups positioned units into runs of one face, size and colour, and clusters
    /// their text so wide gaps extract without spaces.
    private func buildRuns(_ placed: [(unit: Int, glyphs: [Glyph], start: Double, end: Double)]) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        var current: (font: FontRef, style: CharacterStyle, glyphs: [Glyph], text: String, clusters: [TextCluster],
                      start: Double, end: Double, lastNominalEnd: Double)?
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
            guard let first = u.glyphs.first else { continue }
            let style = spec.spans[u.span].style
            let bytes = u.text.utf8.count
            let nominalEnd = (p.glyphs.last?.x ?? p.start) + (u.glyphs.last?.advance ?? 0)
            if let c = current, c.font == first.font, c.style.font.size == style.font.size, c.style.color == style.color {
                let gap = (p.glyphs.first?.x ?? p.start) - c.lastNominalEnd
                current!.glyphs += p.glyphs
                current!.text += u.text
                if gap > LineSetter.clusterGap * style.font.size, var last = current!.clusters.popLast() {
                    last.byteCount += bytes
                    last.glyphCount += p.glyphs.count
                    current!.clusters.append(last)
                } else {
                    current!.clusters.append(TextCluster(byteCount: bytes, glyphCount: p.glyphs.count))
                }
                current!.end = p.end
                current!.lastNominalEnd = nominalEnd
            } else {
                flush()
                current = (first.font, style, p.glyphs, String(u.text), [TextCluster(byteCount: bytes, glyphCount: p.glyphs.count)],
                           p.start, p.end, nominalEnd)
            }
        }
        flush()
        return runs
    }
}
