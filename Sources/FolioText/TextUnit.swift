import FolioCore
import FolioGraphics

/// One shaping cluster of the paragraph (usually one character; a ligature such as
/// "fi" or the two-em dash "——" is one unit of two characters).
struct TextUnit {
    /// UTF-8 byte range in the paragraph's text.
    var bytes: Range<Int>
    var text: Substring
    var cls: CharClass
    /// Index of the span (style) it belongs to.
    var span: Int
    /// Font size in points.
    var em: Double
    var glyphs: [ShapedGlyph]
    /// Natural advance plus tracking.
    var advance: Double
    /// The half-width (halt) form: its advance and the glyph's x offset; nil when the
    /// unit cannot be compressed.
    var half: HalfForm?
    /// Kaiming: set at half width everywhere.
    var alwaysHalf: Bool
    /// Extra space after the unit (tracking), part of `advance`.
    var tracking: Double

    /// How much compressing this unit saves.
    var halfSaving: Double {
        guard let half, !alwaysHalf else { return 0 }
        return glyphs.reduce(0) { $0 + $1.advance } - half.advance
    }

    var isSpace: Bool { cls == .space }
    var isZeroWidth: Bool { cls == .breakHint }
}

/// The halt form of a punctuation mark.
struct HalfForm: Hashable {
    var advance: Double
    var xOffset: Double
}

/// Breaking, spacing and compression between two adjacent units.
struct Joint {
    var breakable = false
    /// Added to a line's cost when it breaks here (negative: a preferred break).
    var penalty: Double = 0
    /// Han–Latin space in points while both units share a line.
    var autospace: Double = 0
    /// The unit before is set half width (pair compression).
    var compressLeft = false
    /// The unit after is set half width (pair compression).
    var compressRight = false
    /// Justification may widen this gap.
    var stretchable = false
    var hanLatin = false
}

/// Shapes the spans and cuts them into units, with the halt forms the composer may use.
struct UnitBuilder {
    let fonts: FontSet
    let cache: ShapingCache

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
            // Group glyphs by cluster.
            var clusterStarts = Array(Set(shaped.glyphs.map(\.cluster))).sorted()
            if clusterStarts.first != 0 && !utf8.isEmpty { clusterStarts.insert(0, at: 0) }
            var glyphIndex = 0
            for (k, start) in clusterStarts.enumerated() {
                let end = k + 1 < clusterStarts.count ? clusterStarts[k + 1] : utf8.count
                var glyphs: [ShapedGlyph] = []
                while glyphIndex < shaped.glyphs.count && shaped.glyphs[glyphIndex].cluster < end {
                    glyphs.append(shaped.glyphs[glyphIndex])
                    glyphIndex += 1
                }
                glyphs = glyphs.filter { $0.id != 0x0FFF_FFFF }
                let sub = String(decoding: utf8[start..<end], as: UTF8.self)
                let cls = sub.unicodeScalars.first.map(CharClass.of) ?? .other
                let em = span.style.font.size
                let tracking = span.style.tracking * em
                var unit = TextUnit(bytes: (base + start)..<(base + end), text: Substring(sub), cls: cls, span: spanIndex,
                                    em: em, glyphs: glyphs, advance: glyphs.reduce(0) { $0 + $1.advance } + tracking,
                                    half: nil, alwaysHalf: false, tracking: tracking)
                if cls.isCompressible, glyphs.count == 1, spec.settings.punctuation != .fullwidth {
                    unit.half = cache.half(of: sub, font: span.style.font, fonts: fonts, natural: glyphs[0])
                    if spec.settings.punctuation == .kaiming, let half = unit.half,
                       !["。", "！", "？", "．"].contains(sub) {
                        unit.alwaysHalf = true
                        unit.advance = half.advance + tracking
                    }
                }
                if cls == .breakHint {
                    unit.glyphs = []
                    unit.advance = 0
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
                ranges.append(FeatureRange("fwid", range: i..<(i + 3)))
                i += 3
            } else {
                i += 1
            }
        }
        return ranges
    }
}

/// Remembers shaping results: whole paragraphs by text and font, halt forms by mark.
public final class ShapingCache: @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var font: FontSpec
        var features: [FeatureRange]
    }
    private struct HalfKey: Hashable {
        var text: String
        var font: FontSpec
    }
    private var shaped: [Key: ShapedText] = [:]
    private var halves: [HalfKey: HalfForm?] = [:]
    private let lock = NSLockShim()

    public init() {}

    func shape(_ text: String, font: FontSpec, features: [FeatureRange], fonts: FontSet) -> ShapedText {
        let key = Key(text: text, font: font, features: features)
        if let hit = lock.withLock({ shaped[key] }) { return hit }
        let result = fonts.shape(text, font: font, features: features)
        lock.withLock { shaped[key] = result }
        return result
    }

    func half(of mark: String, font: FontSpec, fonts: FontSet, natural: ShapedGlyph) -> HalfForm? {
        let key = HalfKey(text: mark, font: font)
        if let hit = lock.withLock({ halves[key] }) { return hit }
        let shaped = fonts.shape(mark, font: font, features: [FeatureRange("halt", range: 0..<mark.utf8.count)])
        var form: HalfForm?
        if shaped.glyphs.count == 1, let g = shaped.glyphs.first, g.id == natural.id, g.advance < natural.advance - 0.01 {
            form = HalfForm(advance: g.advance, xOffset: g.xOffset)
        }
        lock.withLock { halves[key] = form }
        return form
    }
}
