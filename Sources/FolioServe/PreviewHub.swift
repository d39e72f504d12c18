import FlyingFox
import Foundation

/// The latest snapshot and the browsers listening for the next: each WebSocket gets the
/// current snapshot when it connects and every later one as it is published.
public final class PreviewHub: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = PreviewSnapshot()
    private var listeners: [Int: AsyncStream<WSMessage>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    public var current: PreviewSnapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    /// Changes the snapshot (its serial counts up) and sends it to every browser.
    public func update(_ change: (inout PreviewSnapshot) -> Void) {
        lock.lock()
        change(&snapshot)
        snapshot.serial += 1
        let text = snapshot.json()
        let targets = Array(listeners.values)
        lock.unlock()
        for t in targets { t.yield(.text(text)) }
    }

    /// A stream of snapshots (as JSON text) for one WebSocket, starting with the current one.
    func subscribe() -> AsyncStream<WSMessage> {
        AsyncStream { continuation in
            lock.lock()
            let id = nextID
            nextID += 1
            listeners[id] = continuation
            let text = snapshot.json()
            lock.unlock()
            continuation.yield(.text(text))
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        }
    }

    /// How many browsers are connected.
    public var listenerCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return listeners.count
    }

    private func remove(_ id: Int) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }

    /// Ends every stream (the server is stopping).
    public func finish() {
        lock.lock()
        let targets = Array(listeners.values)
        listeners = [:]
        lock.unlock()
        for t in targets {
            t.yield(.close(.goingAway))
            t.finish()
        }
    }
}

/// The WebSocket side of the hub.
struct HubSocket: WSMessageHandler {
    let hub: PreviewHub

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        hub.subscribe()
    }
}
