import Synchronization

/// Folio's one memoisation mechanism: values made from inputs, found again by a key that
/// hashes every input the value depends on — a file's content identity (`FileIdentity`)
/// included, so an edited font, image or profile gives another key and nothing is ever
/// invalidated by hand: the old entry is simply no longer asked for and ages out.
///
/// Bounded: every entry has a cost (1 unless the caller says otherwise, e.g. its bytes);
/// when the total passes `budget`, the least recently used entries go, down to three
/// quarters of the budget (the entry just stored stays). That is the only eviction rule.
///
/// Thread-safe: a `Mutex` guards the table; a value is made outside it, so two threads
/// asking for one missing key may both make it (values are pure functions of their key,
/// so either is right) and neither waits for the other's work.
public final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var cost: Int
        var used: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var total = 0
        var tick: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    /// The largest total cost kept.
    public let budget: Int

    /// A memo keeping entries of total cost up to `budget`.
    public init(budget: Int) {
        self.budget = max(1, budget)
    }

    /// The value for `key`, or nil (counted as a hit or a miss).
    public func value(for key: Key) -> Value? {
        state.withLock { s in
            s.tick += 1
            guard var entry = s.entries[key] else {
                s.misses += 1
                return nil
            }
            s.hits += 1
            entry.used = s.tick
            s.entries[key] = entry
            return entry.value
        }
    }

    /// Keeps `value` for `key`, then evicts past the budget.
    public func store(_ value: Value, for key: Key, cost: Int = 1) {
        state.withLock { s in
            s.tick += 1
            if let old = s.entries[key] { s.total -= old.cost }
            s.entries[key] = Entry(value: value, cost: cost, used: s.tick)
            s.total += cost
            guard s.total > budget else { return }
            let keep = budget - budget / 4
            for (k, entry) in s.entries.sorted(by: { $0.value.used < $1.value.used }) where s.total > keep && k != key {
                s.entries[k] = nil
                s.total -= entry.cost
            }
        }
    }

    /// The value for `key`, made by `make` (and kept, at `cost` of it) when missing.
    public func value(for key: Key, cost: (Value) -> Int = { _ in 1 }, make: () throws -> Value) rethrows -> Value {
        if let hit = value(for: key) { return hit }
        let made = try make()
        store(made, for: key, cost: cost(made))
        return made
    }

    /// The number of entries held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Lookups that found their key, and those that did not, since the memo was made.
    public var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }
}
