import Dispatch
import FolioCore
import FolioExport
import Foundation

/// Renders and encodes cards on every core. Each card's pixels live only while it is
/// encoded, so memory stays flat however many cards there are.
enum CardRenderQueue {
    static func render<T>(_ cards: [(T, Page)], exporter: PNGExporter, scale: Double,
                          progress: @escaping @Sendable (Int) -> Void) -> [Result<Data, Error>] {
        let results = ResultBox(count: cards.count)
        let pages = cards.map(\.1)
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            let r = Result { try exporter.export(pages[i], scale: scale) }
            let done = results.set(i, r)
            progress(done)
        }
        return results.all
    }
}

/// Thread-safe result slots.
final class ResultBox: @unchecked Sendable {
    private var slots: [Result<Data, Error>?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ i: Int, _ r: Result<Data, Error>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = r
        done += 1
        return done
    }

    var all: [Result<Data, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failure(BuildError.io("card not rendered")) }
    }
}
