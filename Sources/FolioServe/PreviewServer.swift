import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Why the server could not start.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)
    case badHost(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; choose another with --port (e.g. --port \(port == 65535 ? 8000 : port + 1), or --port 0 for any free port)"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .badHost(let host):
            return "\(host) is not an IP address to listen on; use e.g. --host 127.0.0.1 or --host ::1"
        }
    }
}

/// The local HTTP server of `folio serve` (FlyingFox): the page and its assets, the
/// snapshot as JSON and over a WebSocket, the brochure's pages as PNG, and the files of
/// the output folder — nothing else.
public final class PreviewServer: Sendable {
    public let hub: PreviewHub
    public let renderer: PageRenderer
    let files: SafePath
    /// What `start` sets up, read by `url` and `stop` (from other tasks).
    private struct Running {
        var server: HTTPServer?
        var runTask: Task<Void, Never>?
        var port = 0
        var host = "127.0.0.1"
    }
    private let running = Mutex(Running())
    /// The port actually bound (the one asked for, or the system's choice for 0).
    public var port: Int { running.withLock { $0.port } }
    public var host: String { running.withLock { $0.host } }

    public init(hub: PreviewHub, renderer: PageRenderer, outputDirectory: String) {
        self.hub = hub
        self.renderer = renderer
        self.files = SafePath(root: outputDirectory)
    }

    /// The URL to open.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
        return "http://\(shownHost):\(port)/"
    }

    /// Binds and starts answering; returns once it listens, or throws `ServeError`.
    public func start(host: String, port: Int) async throws {
        let host = host == "localhost" ? "127.0.0.1" : host
        running.withLock { $0.host = host }
        let address: any SocketAddress
        do {
            if host.contains(":") {
                address = try sockaddr_in6.inet6(ip6: host, port: UInt16(port))
            } else {
                address = try sockaddr_in.inet(ip4: host, port: UInt16(port))
            }
        } catch {
            throw ServeError.badHost(host)
        }
        let handler = RequestRouter(server: self)
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)
        let failure = FailureBox()
        let runTask = Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        running.withLock {
            $0.server = server
            $0.runTask = runTask
        }
        // Wait until it listens or fails (binding is immediate; 10 s is only a backstop).
        for _ in 0..<1000 {
            if await server.isListening { break }
            if let error = failure.error {
                if case SocketError.failed(_, let code, let message) = error {
                    if code == EADDRINUSE { throw ServeError.portInUse(host: host, port: port) }
                    throw ServeError.cannotListen(host: host, port: port, reason: message)
                }
                throw ServeError.cannotListen(host: host, port: port, reason: "\(error)")
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let bound: Int
        switch await server.listeningAddress {
        case .ip4(_, let p)?: bound = Int(p)
        case .ip6(_, let p)?: bound = Int(p)
        default: bound = port
        }
        running.withLock { $0.port = bound }
    }

    /// Closes the browsers' sockets and stops listening.
    public func stop() async {
        hub.finish()
        let (server, runTask) = running.withLock { ($0.server, $0.runTask) }
        await server?.stop(timeout: 1)
        runTask?.cancel()
    }

    final class FailureBox: Sendable {
        private let stored = Mutex<(any Error)?>(nil)
        var error: (any Error)? { stored.withLock { $0 } }
        func set(_ e: any Error) { stored.withLock { $0 = e } }
    }
}
