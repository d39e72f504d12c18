import FlyingFox
import Foundation
import Synchronization

/// The latest snapshot and the browsers listening for the next: each WebSocket gets the
/// current snapshot when it connects and every later one as it is published.
public final class PreviewHub: Sendable {
    private struct State {
        var snapshot = PreviewSnapshot()
        var listeners: [Int: AsyncStream<WSMessage>.Continuation] = [:]
        var nextID = 0
        /// The page each browser shows in its large view, and at which scale (browsers say so
        /// over the socket), so a rebuild can start drawing those pages before they are asked for.
        var viewing: [Int: View] = [:]
    }

    private let state = Mutex(State())

    public struct View: Hashable, Sendable {
        public var page: Int
        public var scale: Double
    }

    /// The pages browsers show now.
    public var viewedPages: Set<View> {
        state.withLock { Set($0.viewing.values) }
    }

    public init() {}

    public var current: PreviewSnapshot {
        state.withLock { $0.snapshot }
    }

    /// Changes the snapshot (its serial counts up) and sends it to every browser.
    public func update(_ change: (inout PreviewSnapshot) -> Void) {
        let (text, targets) = state.withLock { s in
            change(&s.snapshot)
            s.snapshot.serial += 1
            return (s.snapshot.json(), Array(s.listeners.values))
        }
        for t in targets { t.yield(.text(text)) }
    }

    /// A stream of snapshots (as JSON text) for one WebSocket, starting with the current one.
    func subscribe(messages: AsyncStream<WSMessage>) -> AsyncStream<WSMessage> {
        AsyncStream { continuation in
            let (id, text) = state.withLock { s in
                let id = s.nextID
                s.nextID += 1
                s.listeners[id] = continuation
                return (id, s.snapshot.json())
            }
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
        state.withLock { s in
            if s.listeners[id] != nil { s.viewing[id] = view }
        }
    }

    /// How many browsers are connected.
    public var listenerCount: Int {
        state.withLock { $0.listeners.count }
    }

    private func remove(_ id: Int) {
        state.withLock { s in
            s.listeners[id] = nil
            s.viewing[id] = nil
        }
    }

    /// Ends every stream (the server is stopping).
    public func finish() {
        let targets = state.withLock { s in
            defer { s.listeners = [:] }
            return Array(s.listeners.values)
        }
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
