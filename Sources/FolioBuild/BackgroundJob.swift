import Dispatch
import Foundation

/// Work started on another thread now and collected later with `wait()`: the build lays
/// out the brochure while the cards are laid out, and writes the PDF while the cards are
/// drawn and encoded, so both cores stay busy (one job per core is enough on the small
/// machines Folio targets; the cards themselves spread over every core).
final class BackgroundJob<T: Sendable>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `body` on a thread of its own.
    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the job has finished; its value or its error. Call once.
    func wait() -> Result<T, Error> {
        done.wait()
        return result!
    }
}
