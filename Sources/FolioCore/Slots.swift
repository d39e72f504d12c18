import Foundation

/// Thread-safe result slots, filled in any order by parallel workers
/// (`DispatchQueue.concurrentPerform`) and read once they are done.
public final class Slots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private var done = 0
    private let lock = NSLock()

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Stores slot `i`; returns how many slots are filled.
    @discardableResult
    public func set(_ i: Int, _ value: T) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = value
        done += 1
        return done
    }

    /// Every slot, nil where nothing was stored.
    public var all: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
