import FolioCore
import Foundation

/// Pages encoded by earlier exports, kept in memory and found by the page's whole content
/// and the export options: a watching build re-encodes only the pages whose items changed.
/// The page's glyph runs carry their fonts' file identities, so a changed font file is a
/// different key; nothing is invalidated by hand. A `Memo` of at most `budget` pages, the
/// least recently used dropped first.
public final class PDFPageCache: Sendable {
    struct Key: Hashable, Sendable {
        var page: Page
        var options: PDFExporter.Options
    }

    private let memo: Memo<Key, EncodedPage>

    /// A cache of at most `budget` encoded pages.
    public init(budget: Int = 4096) {
        memo = Memo(budget: budget)
    }

    func page(for key: Key) -> EncodedPage? {
        memo.value(for: key)
    }

    func store(_ page: EncodedPage, for key: Key) {
        memo.store(page, for: key)
    }

    /// The number of pages held.
    public var count: Int { memo.count }

    /// Lookups that found their page, and those that did not.
    public var statistics: (hits: Int, misses: Int) { memo.statistics }
}
