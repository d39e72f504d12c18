import FlyingFox
import Foundation

/// The latest snapshot and the browsers listening for the next: each WebSocket gets the
/// current snapshot when it connects and every later one as it is published.
public final class PreviewHub: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = PreviewSnapshot()
    private var listeners: [Int: AsyncStream<WSMessage>.Continuation] = [:]
    private var nextID = 0
    /// The page each browser shows in its large view, and at which scale (browsers say so
    /// over the socket), so a rebuild can start drawing those pages before they are asked for.
    private var viewing: [Int: View] = [:]

    public struct View: Hashable, Sendable {
        public var page: Int
        public var scale: Double
    }

    /// The pages browsers show now.
    public var viewedPages: Set<View> {
        lock.lock()
        defer { lock.unlock() }
        return Set(viewing.values)
    }

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
    func subscribe(messages: AsyncStream<WSMessage>) -> AsyncStream<WSMessage> {
        AsyncStream { continuation in
            lock.lock()
            let id = nextID
            nextID += 1
            listeners[id] = continuation
            let text = snapshot.json()
            lock.unlock()
            continuation.yield(.text(text))
            let reader = Task { [weak self] in
                for await message in messages {
                    guard case .text(let text) = message, let view = Self.view(from: text) else { continue }
                    self?.setView(view, for: id)
                }
            }
            continuation.onTermination = { [weak self] _ in
                reader.cancel()
                self?.remove(id)
            }
        }
    }

    /// `{"view": N, "scale": S}` from a browser: it shows page N (0-based) at scale S.
    static func view(from text: String) -> View? {
        struct Message: Decodable {
            var view: Int
            var scale: Double
        }
        guard let m = try? JSONDecoder().decode(Message.self, from: Data(text.utf8)), m.view >= 0 else { return nil }
        return View(page: m.view, scale: PageRenderer.clamp(m.scale))
    }

    private func setView(_ view: View, for id: Int) {
        lock.lock()
        if listeners[id] != nil { viewing[id] = view }
        lock.unlock()
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
        viewing[id] = nil
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
        hub.subscribe(messages: client)
    }
}
