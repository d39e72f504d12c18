import FolioCore
import FolioGraphics

/// Turns chosen breaks into positioned glyphs: applies compression, Han–Latin spacing
/// and justification, and builds glyph runs whose text extracts cleanly.
struct LineSetter {
    let units: [TextUnit]
    let joints: [Joint]
    let spec: ParagraphSpec
    let metrics: (FontSpec) -> FontMetrics

    /// Justification widens each Han–Latin gap by at most this much (em) before it
    /// spreads the rest over every gap.
    static let hanLatinStretch = 0.125

    func line(_ brk: LineBreaker.Break, isLast: Bool, forcedOverfull: Bool = false) -> ComposedLine {
        let a = brk.start
        var e = brk.end - 1
        while e > a && (units[e].isSpace || units[e].isZeroWidth) { e -= 1 }
        let indent = a == 0 ? spec.firstLineIndent : 0
        let measure = spec.width - indent
        let count = e - a + 1

        // Advances and offsets after compression; gaps after each unit (Han–Latin space).
        var adv = [Double](repeating: 0, count: count)
        var xOff = [Double](repeating: 0, count: count)
        var gap = [Double](repeating: 0, count: count)
        for i in a...e {
            let u = units[i]
            var half = u.alwaysHalf
            if i == a && u.cls == .open && u.canShrink { half = true }
            if i > a && joints[i].compressRight { half = true }
            if i < e && joints[i + 1].compressLeft { half = true }
            if half, let h = u.half {
                adv[i - a] = h.advance + u.tracking
                xOff[i - a] = h.xOffset
            } else {
                adv[i - a] = u.advance
                xOff[i - a] = u.lead
            }
            if i < e { gap[i - a] = joints[i + 1].autospace }
        }
        adv[e - a] -= units[e].tracking
        var natural = adv.reduce(0, +) + gap.reduce(0, +)
        var ragged = false
        let justify = spec.alignment == .justify && !isLast && !spec.balanced

        if measure - natural < -0.001 {
            shrink(a: a, e: e, need: natural - measure, adv: &adv, xOff: &xOff, gap: &gap)
            natural = adv.reduce(0, +) + gap.reduce(0, +)
        } else if justify && measure - natural > 0.001 {
            ragged = !stretch(a: a, e: e, excess: measure - natural, adv: &adv, gap: &gap)
            natural = adv.reduce(0, +) + gap.reduce(0, +)
        }
        let excess = measure - natural

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
        var placed: [RunBuilder.Placed] = []
        for i in a...e {
            let u = units[i]
            if u.isZeroWidth {
                x += gap[i - a]
                continue
            }
            var glyphs: [Glyph] = []
            var pen = x + xOff[i - a]
            for g in u.glyphs {
                glyphs.append(Glyph(id: g.id, x: pen + g.xOffset, y: g.yOffset))
                pen += g.advance
            }
            placements.append(Placement(text: String(u.text), x: x, advance: adv[i - a], naturalAdvance: u.glyphAdvance, cls: u.cls))
            placed.append(RunBuilder.Placed(unit: i, glyphs: glyphs, start: x, end: x + adv[i - a]))
            x += adv[i - a] + gap[i - a]
        }
        let right = placements.last.map { $0.x + $0.advance } ?? left
        let runs = RunBuilder(units: units, spec: spec, metrics: metrics).runs(placed)
        var ascent = 0.0, descent = 0.0
        for run in runs {
            ascent = max(ascent, -run.bounds.minY)
            descent = max(descent, run.bounds.maxY)
        }
        let text = placed.map { String(units[$0.unit].text) }.joined()
        return ComposedLine(runs: runs, text: text, placements: placements, left: left, right: right, measure: measure,
                            ascent: ascent, descent: descent, isLast: isLast,
                            overfull: forcedOverfull || right > spec.width + 0.01, ragged: ragged)
    }

    /// Shrinks a line that is too long: the line-end mark's blank half first, then
    /// mid-line marks' (in proportion), then spaces (to 60 %), then Han–Latin gaps (to half).
    private func shrink(a: Int, e: Int, need total: Double, adv: inout [Double], xOff: inout [Double], gap: inout [Double]) {
        var need = total
        let last = units[e]
        if last.canShrink && last.cls != .open, let h = last.half, adv[e - a] > h.advance + 0.001 {
            let take = min(need, adv[e - a] - h.advance)
            adv[e - a] -= take
            need -= take
        }
        if need > 0.001 {
            // Marks that still have their blank half, with the side it is on.
            var marks: [(index: Int, saving: Double, leading: Bool)] = []
            for i in a..<e {
                let u = units[i]
                guard u.canShrink, let h = u.half, adv[i - a] > h.advance + u.tracking + 0.001 else { continue }
                marks.append((i, u.halfSaving, u.cls == .open))
            }
            let total = marks.reduce(0) { $0 + $1.saving }
            if total > 0 {
                let ratio = min(1, need / total)
                for m in marks {
                    let take = m.saving * ratio
                    adv[m.index - a] -= take
                    if m.leading { xOff[m.index - a] -= take }
                }
                need -= total * ratio
            }
        }
        if need > 0.001 {
            let spaces = (a..<e).filter { units[$0].isSpace }
            let total = spaces.reduce(0) { $0 + LineMeasure.spaceShrink * units[$1].advance }
            if total > 0 {
                let ratio = min(1, need / total)
                for i in spaces { adv[i - a] -= LineMeasure.spaceShrink * units[i].advance * ratio }
                need -= total * ratio
            }
        }
        if need > 0.001 {
            let total = (a..<e).reduce(0) { $0 + LineMeasure.autospaceShrink * gap[$1 - a] }
            if total > 0 {
                let ratio = min(1, need / total)
                for i in a..<e { gap[i - a] -= LineMeasure.autospaceShrink * gap[i - a] * ratio }
            }
        }
    }

    /// Widens a justified line by `excess`: Western spaces up to half an em, then Han–Latin
    /// gaps up to an eighth of an em more, then every inter-character gap evenly (gaps
    /// next to the mark a character hugs, spaces beyond half an em, letters of a word:
    /// each only when the line has nothing before it). Returns false when the line has no
    /// gap to widen (it stays ragged).
    private func stretch(a: Int, e: Int, excess: Double, adv: inout [Double], gap: inout [Double]) -> Bool {
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
            let total = hanLatin.reduce(0) { $0 + Self.hanLatinStretch * units[$1].em }
            let take = min(rem, total)
            for i in hanLatin { gap[i - a] += Self.hanLatinStretch * units[i].em / total * take }
            rem -= take
        }
        guard rem > 0.001 else { return true }
        // 3. Every inter-character gap evenly; gaps hugging punctuation only if there is no other.
        var targets = (a..<e).filter { joints[$0 + 1].stretch == .primary }
        if targets.isEmpty { targets = (a..<e).filter { joints[$0 + 1].stretch == .secondary } }
        if !targets.isEmpty {
            for i in targets { gap[i - a] += rem / Double(targets.count) }
            return true
        }
        if !spaces.isEmpty {
            for i in spaces { adv[i - a] += rem / Double(spaces.count) }
            return true
        }
        // 4. A line with nothing else (one long word): between its letters.
        targets = (a..<e).filter { joints[$0 + 1].stretch == .tertiary }
        if !targets.isEmpty {
            for i in targets { gap[i - a] += rem / Double(targets.count) }
            return true
        }
        return false
    }
}
