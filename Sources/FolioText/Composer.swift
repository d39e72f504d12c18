import FolioCore
import FolioGraphics

/// The paragraph composer: shapes with Pango, then breaks, spaces and justifies lines
/// by the clreq rules the settings choose. Pango never decides a line here.
public struct Composer: Sendable {
    public let fonts: FontSet
    public let cache: ShapingCache

    public init(fonts: FontSet, cache: ShapingCache = ShapingCache()) {
        self.fonts = fonts
        self.cache = cache
    }

    /// Composes one paragraph into lines. The result depends on `spec` and the font set
    /// alone, so it is kept in `cache` (least recently used out first): a rebuild composes only
    /// the text that changed.
    public func compose(_ spec: ParagraphSpec) -> ComposedParagraph {
        if let hit = cache.composed(spec) { return hit }
        let result = composeAfresh(spec)
        cache.remember(result, for: spec)
        return result
    }

    private func composeAfresh(_ spec: ParagraphSpec) -> ComposedParagraph {
        let built = UnitBuilder(fonts: fonts, cache: cache).units(for: spec)
        let units = built.units
        guard units.contains(where: { !$0.isSpace && !$0.isZeroWidth }) else {
            return ComposedParagraph(lines: [], missing: built.missing, text: built.text)
        }
        let rules = BreakRules(settings: spec.settings)
        var joints = rules.joints(units)
        var breaks: [LineBreaker.Break]?
        if spec.balanced {
            SenseBoundaries.apply(&joints, units: units, words: cache.wordBoundaries(built.text))
            breaks = Balancer(units: units, joints: joints, spec: spec).breaks()
        }
        if breaks == nil {
            breaks = LineBreaker(units: units, joints: joints, spec: spec).breaks()
        }
        if breaks == nil && spec.settings.minLastLineCharacters > 1 {
            // A last line of one character beats an overfull line.
            breaks = LineBreaker(units: units, joints: joints, spec: spec, minLastLine: 1).breaks()
        }
        var forced = false
        if breaks == nil {
            // Emergency: allow a break anywhere but before a space or hint, at a high price.
            for j in 1..<units.count where !joints[j].breakable {
                if units[j].isSpace || units[j].isZeroWidth { continue }
                joints[j].breakable = true
                joints[j].penalty += rules.emergencyPenalty(units, j)
            }
            breaks = LineBreaker(units: units, joints: joints, spec: spec, minLastLine: 1).breaks()
        }
        if breaks == nil {
            breaks = greedyBreaks(units: units, spec: spec)
            forced = true
        }
        let setter = LineSetter(units: units, joints: joints, spec: spec) { fonts.metrics(for: $0) }
        let list = breaks ?? []
        let lines = list.enumerated().map { k, b in
            setter.line(b, isLast: k == list.count - 1, forcedOverfull: forced)
        }
        return ComposedParagraph(lines: lines, missing: built.missing, text: built.text)
    }

    /// One unit per line when nothing fits (a glyph wider than the measure).
    private func greedyBreaks(units: [TextUnit], spec: ParagraphSpec) -> [LineBreaker.Break] {
        var result: [LineBreaker.Break] = []
        var start = 0
        var width = 0.0
        for (i, u) in units.enumerated() {
            let limit = spec.width - (result.isEmpty ? spec.firstLineIndent : 0)
            if i > start && width + u.advance > limit {
                result.append(LineBreaker.Break(start: start, end: i))
                start = i
                width = 0
            }
            width += u.advance
        }
        result.append(LineBreaker.Break(start: start, end: units.count))
        return result
    }

    /// The natural width of a single line of text (no breaking), e.g. for fitting.
    public func measure(_ spans: [TextSpan], settings: ComposerSettings = ComposerSettings()) -> Double {
        let spec = ParagraphSpec(spans: spans, width: .greatestFiniteMagnitude / 4, alignment: .left, settings: settings)
        return compose(spec).lines.first.map { $0.right - $0.left } ?? 0
    }
}
