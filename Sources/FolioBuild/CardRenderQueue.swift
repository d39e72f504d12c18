import Dispatch
import FolioCore
import FolioExport
import FolioModel
import Foundation

/// Makes cards on every core in two passes. `layout` sets every card first, so a card
/// that does not fit is reported (with all the others) before any file is touched.
/// `render` then draws, encodes and hands each card's PNG bytes to `write` on the
/// worker that made them: a card's pixels live only while it is encoded and its bytes
/// only until they are written, so memory stays flat however many cards there are
/// (about one image per core).
enum CardRenderQueue {
    /// Lays out `count` cards in parallel; the pages in order, or every problem.
    static func layout(count: Int, _ body: @escaping @Sendable (Int) throws -> Page) -> Result<[Page], LayoutFailure> {
        let slots = Slots<Result<Page, Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.set(i, Result { try body(i) })
        }
        var pages: [Page] = []
        var failures: [Error] = []
        for case let result? in slots.all {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let error): failures.append(error)
            }
        }
        return failures.isEmpty ? .success(pages) : .failure(LayoutFailure(errors: failures))
    }

    /// Renders and encodes every page at `scale` and passes the bytes to `write`; the
    /// results of `write` in page order.
    /// `skip`: asked before each card; true leaves the rest undrawn (the build failed).
    static func render<R: Sendable>(_ pages: [Page], exporter: PNGExporter, scale: Double,
                                    write: @escaping @Sendable (Int, Data) throws -> R,
                                    progress: @escaping @Sendable (Int) -> Void,
                                    skip: @escaping @Sendable () -> Bool = { false }) -> [Result<R, Error>] {
        let slots = Slots<Result<R, Error>>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            if skip() {
                slots.set(i, .failure(BuildError.io("card \(i + 1) was not drawn: the build stopped")))
                return
            }
            let result = Result { try write(i, try exporter.export(pages[i], scale: scale)) }
            progress(slots.set(i, result))
        }
        return slots.all.enumerated().map { i, r in r ?? .failure(BuildError.io("card \(i + 1) was not rendered")) }
    }

    /// The errors of the cards that could not be laid out.
    struct LayoutFailure: Error {
        var errors: [Error]
    }
}
