import FolioCore
import Foundation

/// Pages encoded by earlier exports, kept in memory and found by the page's whole
/// content: a watching build re-encodes only the pages whose items changed.
public final class PDFPageCache: @unchecked Sendable {
    struct Key: Hashable {
        var page: Page
        var options: PDFExporter.Options
    }

    /// An entry and the sweep it was last used in (a reference, so marking it used does
    /// not hash the page again).
    private final class Entry {
        let page: EncodedPage
        var generation: Int

        init(_ page: EncodedPage, generation: Int) {
            self.page = page
            self.generation = generation
        }
    }

    private var pages: [Key: Entry] = [:]
    private var generation = 0
    private let lock = NSLock()

    public init() {}

    func page(for key: Key) -> EncodedPage? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = pages[key] else { return nil }
        entry.generation = generation
        return entry.page
    }

    func store(_ page: EncodedPage, for key: Key) {
        lock.lock()
        pages[key] = Entry(page, generation: generation)
        lock.unlock()
    }

    /// Forgets the pages no export used since the last call (call after each build).
    public func sweep() {
        lock.lock()
        pages = pages.filter { $0.value.generation == generation }
        generation += 1
        lock.unlock()
    }

    /// Forgets every page (the fonts changed: widths and glyphs may differ).
    public func removeAll() {
        lock.lock()
        pages = [:]
        lock.unlock()
    }

    /// The number of pages held.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return pages.count
    }
}
