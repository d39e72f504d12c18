import Foundation
import Testing
import FolioServe
import FolioTestSupport

@Suite("folio serve: start, refuse, stop", .serialized)
struct ServeCommandTests {
    @Test("it prints the URL, serves the page, and Ctrl-C stops it cleanly and frees the folder")
    func startAndStop() throws {
        let serve = try ServeFixture()
        #expect(serve.waitUntilBuilt(), "folio serve did not start: \(serve.text)")
        #expect(serve.url.hasPrefix("http://127.0.0.1:"))
        let lock = serve.out + "/" + ServeLock.fileName
        #expect(FileManager.default.fileExists(atPath: lock))
        let page = try HTTP.get(serve.url)
        #expect(page.status == 200 && page.body.contains("/assets/preview.js"))
        #expect(try HTTP.get(serve.url + "state.json").body.contains("\"pages\""))
        // A browser from another site's address (DNS rebinding) is turned away.
        #expect(try HTTP.get(serve.url, host: "evil.example:80").status == 403)
        // A connected page gets the snapshot at once, and does not keep Ctrl-C from stopping.
        let socket = try HTTP.openWebSocket(serve.url + "ws")
        defer { close(socket.fd) }
        #expect(socket.reply.hasPrefix("HTTP/1.1 101"), "\(socket.reply)")
        #expect(socket.reply.contains("\"pages\":[{"), "\(socket.reply.prefix(300))")
        #expect(serve.interrupt() == 0, "\(serve.text)")
        #expect(serve.text.contains("stopped"))
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test("a second serve of the same output folder is refused with the first one's URL")
    func second() throws {
        let first = try ServeFixture()
        defer { _ = first.interrupt() }
        #expect(first.waitUntilBuilt(), "\(first.text)")
        let result = try TestSupport.run(ServeFixture.folio, ["serve", first.report, "--out", first.out, "--port", "0"],
                                         environment: ServeFixture.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("already previewed by another `folio serve`"), "\(result.stderr)")
        #expect(result.stderr.contains(first.url), "\(result.stderr)")
    }

    @Test("a port in use is an error that names the port and --port (exit 2)")
    func portInUse() throws {
        let listener = try HTTP.listen()
        defer { close(listener.fd) }
        let work = TestSupport.temporaryDirectory("serve-port")
        let result = try TestSupport.run(ServeFixture.folio, ["serve", TestSupport.path("Reports/ningbo-2022"), "--out", work + "/out",
                                                              "--port", "\(listener.port)"], environment: ServeFixture.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("port \(listener.port)") && result.stderr.contains("--port"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work + "/out/" + ServeLock.fileName))
    }

    @Test("an address that is not an IP address is an error that says what to give (exit 2)")
    func badHost() throws {
        let work = TestSupport.temporaryDirectory("serve-host")
        let result = try TestSupport.run(ServeFixture.folio, ["serve", TestSupport.path("Reports/ningbo-2022"), "--out", work + "/out",
                                                              "--port", "0", "--host", "example.org"], environment: ServeFixture.environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("example.org is not an IP address") && result.stderr.contains("--host 127.0.0.1"), "\(result.stderr)")
    }

    @Test("serve takes build's options: a misspelt preset exits 2 with a did-you-mean; no folder and none here is a usage error")
    func buildOptions() throws {
        let work = TestSupport.temporaryDirectory("serve-options")
        let wrong = try TestSupport.run(ServeFixture.folio, ["serve", TestSupport.path("Reports/ningbo-2022"), "--out", work + "/out",
                                                             "--port", "0", "--cards", "square, squar"], environment: ServeFixture.environment)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("squar") && wrong.stderr.contains("square"), "\(wrong.stderr)")
        let none = try TestSupport.run(ServeFixture.folio, ["serve", "--port", "0"], cwd: work, environment: ServeFixture.environment)
        #expect(none.status == 2)
        #expect(none.stderr.contains("report.yaml"), "\(none.stderr)")
    }

    @Test("the page's assets ship in the binary and name no other server")
    func offline() {
        for asset in [PreviewAssets.html, PreviewAssets.script, PreviewAssets.style] {
            #expect(!asset.contains("http://") && !asset.contains("https://") && !asset.contains("//cdn"))
        }
        #expect(PreviewAssets.html.contains("/assets/preview.js") && PreviewAssets.html.contains("/assets/preview.css"))
    }
}

/// Plain HTTP over a socket, for tests.
enum HTTP {
    /// GET `url` (http://host:port/path); the status and the body as text.
    static func get(_ url: String, host: String? = nil) throws -> (status: Int, body: String) {
        let u = URL(string: url)!
        let fd = try connect(u)
        defer { close(fd) }
        let path = u.path.isEmpty ? "/" : u.path
        let request = "GET \(path) HTTP/1.1\r\nHost: \(host ?? "\(u.host!):\(u.port!)")\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }

    /// Opens a WebSocket and reads what arrives within a second (the 101 reply and the
    /// first frames, unmasked text); the socket stays open.
    static func openWebSocket(_ url: String) throws -> (fd: Int32, reply: String) {
        let u = URL(string: url)!
        let fd = try connect(u)
        let request = "GET \(u.path) HTTP/1.1\r\nHost: \(u.host!):\(u.port!)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return (fd, String(decoding: data, as: UTF8.self))
    }

    static func connect(_ u: URL) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(u.port!).bigEndian)
        inet_pton(AF_INET, u.host!, &addr.sin_addr)
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        return fd
    }

    /// A socket listening on a free port of 127.0.0.1.
    static func listen() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && Glibc.listen(fd, 1) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }
}
