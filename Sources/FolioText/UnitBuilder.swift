import FolioCore
import FolioGraphics

/// Shapes the spans and cuts them into units, with the halt forms the composer may use.
/// Each span is shaped once, as a whole (through the cache); lines are never reshaped.
struct UnitBuilder {
    let fonts: FontSet
    let cache: ShapingCache

    /// Kaiming keeps these marks (sentence ends) at full width.
    static let kaimingFull: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0xFF0E]

    func units(for spec: ParagraphSpec) -> (units: [TextUnit], missing: [MissingCharacter], text: String) {
        var units: [TextUnit] = []
        var missing: [MissingCharacter] = []
        var base = 0
        var text = ""
        for (spanIndex, span) in spec.spans.enumerated() {
            let s = span.text
            text += s
            let utf8 = Array(s.utf8)
            let shaped = cache.shape(s, font: span.style.font, features: dashFeatures(utf8), fonts: fonts)
            missing += shaped.missing.map { MissingCharacter(offset: $0.offset + base, scalar: $0.scalar) }
            // Group glyphs by cluster (glyphs are sorted by cluster).
            var clusterStarts: [Int] = []
            for g in shaped.glyphs where clusterStarts.last != g.cluster { clusterStarts.append(g.cluster) }
            if clusterStarts.first != 0 && !utf8.isEmpty { clusterStarts.insert(0, at: 0) }
            var glyphIndex = 0
            let em = span.style.font.size
            let tracking = span.style.tracking * em
            for (k, start) in clusterStarts.enumerated() {
                let end = k + 1 < clusterStarts.count ? clusterStarts[k + 1] : utf8.count
                var glyphs: [ShapedGlyph] = []
                while glyphIndex < shaped.glyphs.count && shaped.glyphs[glyphIndex].cluster < end {
                    let g = shaped.glyphs[glyphIndex]
                    if g.id != 0x0FFF_FFFF { glyphs.append(g) }
                    glyphIndex += 1
                }
                let sub = String(decoding: utf8[start..<end], as: UTF8.self)
                let scalar = sub.unicodeScalars.first ?? " "
                let cls = CharClass.of(scalar)
                var unit = TextUnit(bytes: (base + start)..<(base + end), text: Substring(sub), scalar: scalar.value, cls: cls,
                                    span: spanIndex, em: em, glyphs: glyphs,
                                    advance: glyphs.reduce(0) { $0 + $1.advance } + tracking,
                                    half: nil, alwaysHalf: false, tracking: tracking)
                let style = spec.settings.punctuation
                if cls.isCompressible, glyphs.count == 1, style != .fullwidth {
                    unit.half = cache.half(of: sub, font: span.style.font, fonts: fonts, natural: glyphs[0])
                    if style == .kaiming, let half = unit.half, !Self.kaimingFull.contains(scalar.value) {
                        unit.alwaysHalf = true
                        unit.advance = half.advance + tracking
                    }
                }
                if cls == .middle, glyphs.count == 1 {
                    // 间隔号: half an em, centred (GB/T 15834); a full em in full-width style.
                    let target = style == .fullwidth ? em : em / 2
                    unit.lead = (target - glyphs[0].advance) / 2
                    unit.advance = target + tracking
                }
                if cls == .breakHint {
                    unit.glyphs = []
                    unit.advance = 0
                    unit.tracking = 0
                }
                units.append(unit)
            }
            base += utf8.count
        }
        return (units, missing, text)
    }

    /// Dashes get full-width forms (`fwid`): — is one em, —— two.
    private func dashFeatures(_ utf8: [UInt8]) -> [FeatureRange] {
        var ranges: [FeatureRange] = []
        var i = 0
        while i + 2 < utf8.count {
            // U+2014 E2 80 94, U+2015 E2 80 95
            if utf8[i] == 0xE2 && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0x94 || utf8[i + 2] == 0x95) {
                var end = i + 3
                while end + 2 < utf8.count && utf8[end] == 0xE2 && utf8[end + 1] == 0x80
                        && (utf8[end + 2] == 0x94 || utf8[end + 2] == 0x95) {
                    end += 3
                }
                ranges.append(FeatureRange("fwid", range: i..<end))
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }
}
