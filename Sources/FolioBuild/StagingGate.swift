import Foundation

/// Lets the cards be drawn and encoded while the brochure is still being laid out, before
/// the build knows it may write anything. A worker hands each card's bytes to the gate:
/// while the gate is held they are kept in memory (only the cards made while the
/// brochure is laid out: a few dozen for a thousand-event report, and never more than
/// `limit` bytes: a worker waits beyond that); once it opens they are staged at once;
/// once it closes (the input had a problem) they are dropped, nothing was written, and
/// the cards not yet drawn are skipped.
final class StagingGate: @unchecked Sendable {
    /// What became of one card's bytes.
    enum Ticket: Sendable {
        case staged(String, Manifest.Output)
        case held
        case dropped
    }

    private enum State { case held, open, closed }

    private var state = State.held
    private var held: [(Int, Data)] = []
    private var heldBytes = 0
    private let lock = NSCondition()
    /// The most bytes held at once.
    let limit: Int

    init(limit: Int = 64 << 20) {
        self.limit = limit
    }

    /// Whether the gate is closed (cards still to draw can be skipped).
    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return state == .closed
    }

    /// Card `i`'s bytes: staged with `stage` if the gate is open, kept if it is held,
    /// dropped if it is closed.
    func pass(_ i: Int, _ data: Data, stage: (Data) throws -> (String, Manifest.Output)) throws -> Ticket {
        lock.lock()
        while state == .held && !held.isEmpty && heldBytes + data.count > limit { lock.wait() }
        switch state {
        case .held:
            held.append((i, data))
            heldBytes += data.count
            lock.unlock()
            return .held
        case .closed:
            lock.unlock()
            return .dropped
        case .open:
            lock.unlock()
            let (temp, record) = try stage(data)
            return .staged(temp, record)
        }
    }

    /// Opens the gate; returns the bytes held so far, for the caller to stage.
    func open() -> [(Int, Data)] {
        lock.lock()
        defer { lock.unlock() }
        state = .open
        let taken = held
        held = []
        heldBytes = 0
        lock.broadcast()
        return taken
    }

    /// Closes the gate: bytes held and to come are dropped.
    func close() {
        lock.lock()
        state = .closed
        held = []
        heldBytes = 0
        lock.broadcast()
        lock.unlock()
    }
}
