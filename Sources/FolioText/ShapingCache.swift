import FolioCore
import FolioGraphics

/// Remembers shaping results: whole spans by text and font, halt forms by mark, and
/// word boundaries by text. Shared by every composition of a build, so a paragraph that
/// is composed again (another width, a title shrinking to fit) is never reshaped.
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
    private var words: [String: [Int]] = [:]
    private var paragraphs: [ParagraphSpec: ComposedParagraph] = [:]
    private var usedParagraphs: Set<ParagraphSpec> = []
    private let lock = NSLockShim()

    public init() {}

    func shape(_ text: String, font: FontSpec, features: [FeatureRange], fonts: FontSet) -> ShapedText {
        let key = Key(text: text, font: font, features: features)
        if let hit = lock.withLock({ shaped[key] }) { return hit }
        let result = fonts.shape(text, font: font, features: features)
        lock.withLock { shaped[key] = result }
        return result
    }

    /// The `halt` form of a mark: the same glyph with half the advance.
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

    func composed(_ spec: ParagraphSpec) -> ComposedParagraph? {
        lock.withLock {
            guard let hit = paragraphs[spec] else { return nil }
            usedParagraphs.insert(spec)
            return hit
        }
    }

    func remember(_ paragraph: ComposedParagraph, for spec: ParagraphSpec) {
        lock.withLock {
            paragraphs[spec] = paragraph
            usedParagraphs.insert(spec)
        }
    }

    /// Forgets the composed paragraphs not asked for since the last sweep (a watching
    /// process calls it after each build, so memory follows the current text).
    /// Shaped texts are kept without a record of use; past `shapedLimit` they are all
    /// dropped at a sweep (they are cheap to make again, and memory stays bounded).
    public func sweep() {
        lock.withLock {
            paragraphs = paragraphs.filter { usedParagraphs.contains($0.key) }
            usedParagraphs = []
            if shaped.count > Self.shapedLimit {
                shaped = [:]
                halves = [:]
                words = [:]
            }
        }
    }

    static let shapedLimit = 50_000

    /// Forgets everything (the font set changed).
    public func removeAll() {
        lock.withLock {
            shaped = [:]
            halves = [:]
            paragraphs = [:]
            usedParagraphs = []
        }
    }

    /// Dictionary word boundaries (UTF-8 offsets) of `text`; empty when no segmenter is available.
    func wordBoundaries(_ text: String) -> [Int] {
        if let hit = lock.withLock({ words[text] }) { return hit }
        let result = WordSegmenter.boundaries(text)
        lock.withLock { words[text] = result }
        return result
    }
}
