import FolioCore
import FolioExport
import FolioGraphics
import Foundation

/// Draws the brochure's pages to PNG with the same exporter and display list as the
/// cards and the PDF, on demand, and keeps each result by page hash and scale, so an
/// unchanged page is never drawn twice and a changed one gets a new URL.
public final class PageRenderer: @unchecked Sendable {
    private let exporter: PNGExporter
    private let lock = NSLock()
    private var document: Document?
    private var hashes: [String] = []
    private var cache: [Key: Data] = [:]
    /// Renders in progress, so two requests for one image draw it once.
    private var pending: [Key: DispatchGroup] = [:]

    struct Key: Hashable {
        var hash: String
        var scale: Double
    }

    /// A renderer whose exporter opens faces and images through `resources`.
    public init(resources: RenderResources = RenderResources()) {
        exporter = PNGExporter(resources: resources)
    }

    /// The brochure now shown (its glyph runs name their faces: it draws without a font
    /// set); images of pages that no longer exist are forgotten.
    public func setDocument(_ document: Document, hashes: [String]) {
        lock.lock()
        defer { lock.unlock() }
        self.document = document
        self.hashes = hashes
        let live = Set(hashes)
        cache = cache.filter { live.contains($0.key.hash) }
    }

    /// The number of pages and the hash of each.
    public var pageHashes: [String] {
        lock.lock()
        defer { lock.unlock() }
        return hashes
    }

    /// PNG bytes of page `index` (0-based) at `scale` pixels per point, with its hash;
    /// nil when there is no such page.
    public func png(page index: Int, scale: Double) throws -> (data: Data, hash: String)? {
        let scale = Self.clamp(scale)
        lock.lock()
        guard let document, document.pages.indices.contains(index) else {
            lock.unlock()
            return nil
        }
        let page = document.pages[index]
        let key = Key(hash: hashes[index], scale: scale)
        if let data = cache[key] {
            lock.unlock()
            return (data, key.hash)
        }
        if let group = pending[key] {
            lock.unlock()
            group.wait()
            lock.lock()
            let data = cache[key]
            lock.unlock()
            if let data { return (data, key.hash) }
            return (try exporter.export(page, scale: scale), key.hash)
        }
        let group = DispatchGroup()
        group.enter()
        pending[key] = group
        lock.unlock()
        defer {
            lock.lock()
            pending[key] = nil
            lock.unlock()
            group.leave()
        }
        let started = Date()
        let data = try exporter.export(page, scale: scale)
        ServeClock.mark("page \(index + 1) drawn at \(scale)x in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        lock.lock()
        if hashes.contains(key.hash) { cache[key] = data }
        lock.unlock()
        return (data, key.hash)
    }

    /// Scales are rounded to quarters between 0.25 and 4, so the cache stays small.
    static func clamp(_ scale: Double) -> Double {
        guard scale.isFinite else { return 1 }
        return min(4, max(0.25, (scale * 4).rounded() / 4))
    }
}
