import FolioCore
import FolioExport
import FolioGraphics
import Foundation
import Synchronization

/// Draws the brochure's pages to PNG with the same exporter and display list as the
/// cards and the PDF, on demand, and keeps each result by page hash and scale, so an
/// unchanged page is never drawn twice and a changed one gets a new URL.
public final class PageRenderer: Sendable {
    private let exporter: PNGExporter
    private let state = Mutex(State())

    private struct State {
        var document: Document?
        var hashes: [String] = []
        var cache: [Key: Data] = [:]
        /// Renders in progress, so two requests for one image draw it once.
        var pending: [Key: DispatchGroup] = [:]
    }

    struct Key: Hashable {
        var hash: String
        var scale: Double
    }

    /// What a request does after looking at the state: nothing (no such page), return a
    /// kept image, wait for another request's drawing, or draw.
    private enum Step {
        case none
        case kept(Data, String)
        case wait(DispatchGroup, Page, Key)
        case draw(DispatchGroup, Page, Key)
    }

    /// A renderer whose exporter opens faces and images through `resources`.
    public init(resources: RenderResources = RenderResources()) {
        exporter = PNGExporter(resources: resources)
    }

    /// The brochure now shown (its glyph runs name their faces: it draws without a font
    /// set); images of pages that no longer exist are forgotten.
    public func setDocument(_ document: Document, hashes: [String]) {
        state.withLock { s in
            s.document = document
            s.hashes = hashes
            let live = Set(hashes)
            s.cache = s.cache.filter { live.contains($0.key.hash) }
        }
    }

    /// The number of pages and the hash of each.
    public var pageHashes: [String] {
        state.withLock { $0.hashes }
    }

    /// PNG bytes of page `index` (0-based) at `scale` pixels per point, with its hash;
    /// nil when there is no such page.
    public func png(page index: Int, scale: Double) throws -> (data: Data, hash: String)? {
        let scale = Self.clamp(scale)
        let step: Step = state.withLock { s in
            guard let document = s.document, document.pages.indices.contains(index) else { return .none }
            let page = document.pages[index]
            let key = Key(hash: s.hashes[index], scale: scale)
            if let data = s.cache[key] { return .kept(data, key.hash) }
            if let group = s.pending[key] { return .wait(group, page, key) }
            let group = DispatchGroup()
            group.enter()
            s.pending[key] = group
            return .draw(group, page, key)
        }
        switch step {
        case .none:
            return nil
        case .kept(let data, let hash):
            return (data, hash)
        case .wait(let group, let page, let key):
            group.wait()
            if let data = state.withLock({ $0.cache[key] }) { return (data, key.hash) }
            return (try exporter.export(page, scale: scale), key.hash)
        case .draw(let group, let page, let key):
            defer {
                state.withLock { _ = $0.pending.removeValue(forKey: key) }
                group.leave()
            }
            let started = Date()
            let data = try exporter.export(page, scale: scale)
            ServeClock.mark("page \(index + 1) drawn at \(scale)x in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
            state.withLock { s in
                if s.hashes.contains(key.hash) { s.cache[key] = data }
            }
            return (data, key.hash)
        }
    }

    /// Scales are rounded to quarters between 0.25 and 4, so the cache stays small.
    static func clamp(_ scale: Double) -> Double {
        guard scale.isFinite else { return 1 }
        return min(4, max(0.25, (scale * 4).rounded() / 4))
    }
}
