import Synchronization

/// Thread-safe result slots, filled in any order by parallel workers
/// (`DispatchQueue.concurrentPerform`) and read once they are done.
public final class Slots<T: Sendable>: Sendable {
    private let state: Mutex<(slots: [T?], done: Int)>

    public init(count: Int) {
        state = Mutex((Array(repeating: nil, count: count), 0))
    }

    /// Stores slot `i`; returns how many slots are filled.
    @discardableResult
    public func set(_ i: Int, _ value: T) -> Int {
        state.withLock { s in
            s.slots[i] = value
            s.done += 1
            return s.done
        }
    }

    /// Every slot, nil where nothing was stored.
    public var all: [T?] {
        state.withLock { $0.slots }
    }
}
