import FolioCore
import FolioGraphics

/// Remembers shaping results: whole spans by text and font, halt forms by mark, word
/// boundaries by text, and composed paragraphs by their spec. Shared by every composition
/// of a build, so a paragraph that is composed again (another width, a title shrinking to
/// fit) is never reshaped.
///
/// Four `Memo`s, each bounded (least recently used dropped first). Their keys do not name
/// the font files: a cache belongs to one font set's generation (the builder's
/// `BuildMemo` makes a new one when the fonts' content hash changes).
public final class ShapingCache: Sendable {
    private struct Key: Hashable, Sendable {
        var text: String
        var font: FontSpec
        var features: [FeatureRange]
    }
    private struct HalfKey: Hashable, Sendable {
        var text: String
        var font: FontSpec
    }
    private let shaped = Memo<Key, ShapedText>(budget: ShapingCache.shapedLimit)
    private let halves = Memo<HalfKey, HalfForm?>(budget: 4096)
    private let words = Memo<String, [Int]>(budget: ShapingCache.shapedLimit)
    private let paragraphs = Memo<ParagraphSpec, ComposedParagraph>(budget: ShapingCache.paragraphLimit)

    /// Shaped texts (and word segmentations) kept.
    static let shapedLimit = 50_000
    /// Composed paragraphs kept: several builds' worth of the largest report's.
    static let paragraphLimit = 20_000

    public init() {}

    func shape(_ text: String, font: FontSpec, features: [FeatureRange], fonts: FontSet) -> ShapedText {
        shaped.value(for: Key(text: text, font: font, features: features)) {
            fonts.shape(text, font: font, features: features)
        }
    }

    /// The `halt` form of a mark: the same glyph with half the advance.
    func half(of mark: String, font: FontSpec, fonts: FontSet, natural: ShapedGlyph) -> HalfForm? {
        halves.value(for: HalfKey(text: mark, font: font)) {
            let shaped = fonts.shape(mark, font: font, features: [FeatureRange("halt", range: 0..<mark.utf8.count)])
            if shaped.glyphs.count == 1, let g = shaped.glyphs.first, g.id == natural.id, g.advance < natural.advance - 0.01 {
                return HalfForm(advance: g.advance, xOffset: g.xOffset)
            }
            return nil
        }
    }

    func composed(_ spec: ParagraphSpec) -> ComposedParagraph? {
        paragraphs.value(for: spec)
    }

    func remember(_ paragraph: ComposedParagraph, for spec: ParagraphSpec) {
        paragraphs.store(paragraph, for: spec)
    }

    /// The number of composed paragraphs held.
    public var paragraphCount: Int { paragraphs.count }

    /// Dictionary word boundaries (UTF-8 offsets) of `text`; empty when no segmenter is available.
    func wordBoundaries(_ text: String) -> [Int] {
        words.value(for: text) { WordSegmenter.boundaries(text) }
    }
}
