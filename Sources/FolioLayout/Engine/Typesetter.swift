import FolioCore
import Foundation
import FolioGraphics
import FolioModel
import FolioText

/// A layout resolved against the font set: styles become composer inputs.
public struct Typesetter: Sendable {
    public let spec: LayoutSpec
    public let composer: Composer
    /// Font metrics by font. (Composed paragraphs are remembered by the composer's
    /// `ShapingCache`, shared by every typesetter of a build and kept from build to build.)
    let cache = Memo<FontSpec, FontMetrics>(budget: 1024)

    /// Resolves the layout's font roles; a family missing from the font set is an error
    /// naming it (never a silent fallback).
    public init(spec: LayoutSpec, composer: Composer) throws {
        self.spec = spec
        self.composer = composer
        var diagnostics: [Diagnostic] = []
        for (role, font) in spec.fonts.sorted(by: { $0.key < $1.key }) {
            do {
                try composer.fonts.requireFamily(font.family)
            } catch GraphicsError.missingFontFamily(let family, let available) {
                // The message names the problem; the list of families goes in the hint.
                let suggestion = Suggestions.didYouMean(family, in: available).map { "\($0) " } ?? ""
                diagnostics.append(.error("missing-font", at: SourceLocation(file: spec.file, line: 1, column: 1),
                                          "font role `\(role)` of layout `\(spec.name)` uses the family `\(family)`, which is not in Folio's font set",
                                          hint: suggestion + "install the font or drop its files into Fonts/; available: "
                                            + (available.isEmpty ? "none" : available.joined(separator: ", "))))
            } catch let error as GraphicsError {
                diagnostics.append(.error("missing-font", at: SourceLocation(file: spec.file, line: 1, column: 1),
                                          "font role `\(role)` of layout `\(spec.name)`: \(error)"))
            }
        }
        if !diagnostics.isEmpty { throw LayoutError(diagnostics) }
    }

    /// A named colour of the palette (or a literal #hex).
    public func color(_ name: String?) -> Color {
        guard let name else { return .black }
        return spec.colors[name] ?? Color(hex: name) ?? .black
    }

    public func style(_ name: String?) -> StyleSpec {
        guard let name, let s = spec.styles[name] else {
            return StyleSpec(font: spec.fonts.keys.sorted().first ?? "body", size: 10, leading: 15)
        }
        return s
    }

    /// The font of a style at a size.
    public func font(_ style: StyleSpec, size: Double? = nil) -> FontSpec {
        let role = spec.fonts[style.font] ?? FontRole(family: "Noto Serif CJK SC")
        return FontSpec(family: role.family, weight: role.weight, size: size ?? style.size)
    }

    public func characterStyle(_ style: StyleSpec, size: Double? = nil) -> CharacterStyle {
        CharacterStyle(font: font(style, size: size), color: color(style.color), tracking: style.tracking)
    }

    /// Composes text in a style to a measure.
    public func compose(_ text: String, style: StyleSpec, width: Double, size: Double? = nil, firstLine: Bool = true,
                        alignment: Alignment? = nil) -> TextBox {
        let size = size ?? style.size
        let scale = size / style.size
        let spec = ParagraphSpec(spans: [TextSpan(text, style: characterStyle(style, size: size))], width: width,
                                 firstLineIndent: firstLine ? style.indent * size : 0,
                                 alignment: alignment ?? style.alignment, settings: self.spec.text, balanced: style.balanced)
        let paragraph = composer.compose(spec)
        let metrics = cache.value(for: font(style, size: size)) { composer.fonts.metrics(for: font(style, size: size)) }
        return TextBox(paragraph: paragraph, leading: style.leading * scale, ascent: metrics.ascent, descent: metrics.descent,
                       size: size, grid: style.grid)
    }

    /// Composes with the size shrinking in steps until the text fits `box`, down to the
    /// style's minimum; nil when even the minimum does not fit.
    public func composeShrinking(_ text: String, style: StyleSpec, box: Size, minSize: Double? = nil) -> TextBox? {
        var size = style.size
        let floor = minSize ?? (style.minSize > 0 ? style.minSize : style.size)
        while true {
            let tb = compose(text, style: style, width: box.width, size: size)
            if tb.height <= box.height + 0.01 && !tb.paragraph.overfull { return tb }
            if size <= floor + 0.001 { return nil }
            size = max(floor, size - max(0.5, size * 0.04))
        }
    }
}

/// A composed paragraph with the vertical metrics to stack its lines.
public struct TextBox: Hashable, Sendable {
    public var paragraph: ComposedParagraph
    /// Line pitch.
    public var leading: Double
    public var ascent: Double
    public var descent: Double
    public var size: Double
    public var grid: Bool

    public var lineCount: Int { paragraph.lines.count }

    /// Distance from a line box's top to its baseline (half-leading above the em box).
    public var baselineOffset: Double { (leading - (ascent + descent)) / 2 + ascent }

    /// Height of `n` lines.
    public func height(lines n: Int) -> Double { Double(n) * leading }

    public var height: Double { height(lines: lineCount) }

    /// Glyph runs of lines `range` with the first line box's top at `y`.
    public func runs(lines range: Range<Int>, x: Double, top y: Double) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        for (k, i) in range.enumerated() {
            let baseline = y + Double(k) * leading + baselineOffset
            runs += paragraph.lines[i].runs(atX: x, baseline: baseline)
        }
        return runs
    }
}
