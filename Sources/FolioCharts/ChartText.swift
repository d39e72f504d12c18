import FolioCore
import FolioText

/// Chart text set by the Chinese composer (so it is shaped, spaced and searchable like
/// the body): one line, or a short wrapped paragraph, with the metrics to place it.
struct ChartText {
    var lines: [ComposedLine]
    /// Distance from the baseline to the em box top / bottom of the largest span.
    var ascent: Double
    var descent: Double
    /// Height of lining figures above the baseline (centring numbers on a point).
    var capHeight: Double
    /// Baseline-to-baseline distance of wrapped lines.
    var pitch: Double

    /// The widest line.
    var width: Double { lines.map { $0.right - $0.left }.max() ?? 0 }
    /// From the first line's em box top to the last line's em box bottom.
    var height: Double { lines.isEmpty ? 0 : ascent + descent + Double(lines.count - 1) * pitch }
    var isEmpty: Bool { lines.isEmpty }
    var overfull: Bool { lines.contains { $0.overfull } }

    /// Sets `spans` on one line (no breaking).
    static func line(_ spans: [TextSpan], composer: Composer, settings: ComposerSettings) -> ChartText {
        make(spans, width: nil, alignment: .left, balanced: false, composer: composer, settings: settings, leading: 1.3)
    }

    /// Sets `text` on one line (no breaking).
    static func line(_ text: String, _ style: CharacterStyle, composer: Composer, settings: ComposerSettings) -> ChartText {
        line([TextSpan(text, style: style)], composer: composer, settings: settings)
    }

    /// Sets `text` broken into lines of at most `width`, ragged on the side away from `alignment`.
    static func wrapped(_ text: String, _ style: CharacterStyle, width: Double, alignment: Alignment = .left,
                        balanced: Bool = false, composer: Composer, settings: ComposerSettings,
                        leading: Double) -> ChartText {
        make([TextSpan(text, style: style)], width: width, alignment: alignment, balanced: balanced, composer: composer,
             settings: settings, leading: leading)
    }

    private static func make(_ spans: [TextSpan], width: Double?, alignment: Alignment, balanced: Bool, composer: Composer,
                             settings: ComposerSettings, leading: Double) -> ChartText {
        let spans = spans.filter { !$0.text.isEmpty }
        var ascent = 0.0, descent = 0.0, cap = 0.0, size = 0.0
        for span in spans {
            let m = composer.fonts.metrics(for: span.style.font)
            ascent = max(ascent, m.ascent)
            descent = max(descent, m.descent)
            cap = max(cap, m.capHeight)
            size = max(size, span.style.font.size)
        }
        guard !spans.isEmpty else {
            return ChartText(lines: [], ascent: 0, descent: 0, capHeight: 0, pitch: 0)
        }
        let spec = ParagraphSpec(spans: spans, width: width ?? 1_000_000, alignment: alignment, settings: settings,
                                 balanced: balanced)
        let paragraph = composer.compose(spec)
        return ChartText(lines: paragraph.lines, ascent: ascent, descent: descent, capHeight: cap, pitch: size * leading)
    }

    /// The box of line `i` with the paragraph's left edge at `x` and the first line's
    /// em box top at `top`.
    func box(line i: Int, x: Double, top: Double) -> Rect {
        let l = lines[i]
        let baseline = top + ascent + Double(i) * pitch
        return Rect(x: x + l.left, y: baseline - ascent, width: l.right - l.left, height: ascent + descent)
    }

    /// The box of the whole text placed as in `items(x:top:)`.
    func bounds(x: Double, top: Double) -> Rect {
        guard !lines.isEmpty else { return Rect(x: x, y: top, width: 0, height: 0) }
        var r = box(line: 0, x: x, top: top)
        for i in 1..<lines.count { r = r.union(box(line: i, x: x, top: top)) }
        return r
    }

    /// Glyph runs with the paragraph's left edge at `x` and the em box top of the first
    /// line at `top`.
    func items(x: Double, top: Double) -> [Item] {
        var out: [Item] = []
        for (i, l) in lines.enumerated() {
            out += l.runs(atX: x, baseline: top + ascent + Double(i) * pitch).map(Item.text)
        }
        return out
    }

    /// A single line placed so its ink box's top-left corner is `origin`.
    func items(at origin: Point) -> [Item] {
        guard let first = lines.first else { return [] }
        return items(x: origin.x - first.left, top: origin.y)
    }

    /// The size of a single line's box.
    var size: Size { Size(width: width, height: height) }
}
