import FlyingFox
import Foundation

/// Answers every request of the preview: only GET and HEAD, only these paths.
///
///     /                    the page          /assets/preview.js|css   its script and style
///     /state.json          the snapshot      /ws                      snapshots as they come
///     /pages/N.png?scale=S page N+1 as PNG   /out/PATH                a file of the output folder
struct RequestRouter: HTTPHandler {
    let server: PreviewServer

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD are served")
        }
        guard hostIsAllowed(request.headers[.host]) else {
            return Self.text(.forbidden, "unknown Host header")
        }
        let raw = request.target.path(percentEncoded: true)
        switch raw {
        case "/", "/index.html":
            return Self.response(Data(PreviewAssets.html.utf8), type: "text/html; charset=utf-8", extra: [
                HTTPHeader("Content-Security-Policy"):
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
            ])
        case "/assets/preview.js":
            return Self.response(Data(PreviewAssets.script.utf8), type: "text/javascript; charset=utf-8")
        case "/assets/preview.css":
            return Self.response(Data(PreviewAssets.style.utf8), type: "text/css; charset=utf-8")
        case "/state.json":
            return Self.response(Data(server.hub.current.json().utf8), type: "application/json", cache: "no-store")
        case "/ws":
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: HubSocket(hub: server.hub)))
                .handleRequest(request)
        case "/favicon.ico":
            return HTTPResponse(statusCode: .noContent)
        default:
            break
        }
        if raw.hasPrefix("/pages/"), raw.hasSuffix(".png") {
            return await page(String(raw.dropFirst("/pages/".count).dropLast(".png".count)), request: request)
        }
        if raw.hasPrefix("/out/"), let file = server.files.resolve(encoded: String(raw.dropFirst("/out/".count))) {
            guard let data = FileManager.default.contents(atPath: file) else { return Self.notFound }
            return Self.response(data, type: Self.contentType(file), cache: "no-cache")
        }
        return Self.notFound
    }

    /// A page of the brochure, drawn on a worker thread (drawing is CPU work).
    private func page(_ number: String, request: HTTPRequest) async -> HTTPResponse {
        guard let n = Int(number), n >= 1 else { return Self.notFound }
        let scale = request.query["scale"].flatMap(Double.init) ?? 1
        let renderer = server.renderer
        let result: Result<(data: Data, hash: String)?, Error> = await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async {
                done.resume(returning: Result { try renderer.png(page: n - 1, scale: scale) })
            }
        }
        switch result {
        case .success(let found?):
            // A URL that names the current hash never changes; any other is re-asked.
            let cache = request.query["h"] == found.hash ? "public, max-age=31536000, immutable" : "no-cache"
            return Self.response(found.data, type: "image/png", cache: cache, extra: [HTTPHeader("ETag"): "\"\(found.hash)\""])
        case .success(nil):
            return Self.notFound
        case .failure(let error):
            return Self.text(.internalServerError, "cannot draw page \(n): \(error)")
        }
    }

    /// On a loopback address, only requests addressed to a loopback name (no DNS rebinding).
    private func hostIsAllowed(_ header: String?) -> Bool {
        let bound = server.host
        guard bound == "127.0.0.1" || bound == "::1" else { return true }
        guard let header else { return false }
        let port = server.port
        return ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"].contains(header.lowercased())
    }

    static let notFound = text(.notFound, "not found")

    static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data((message + "\n").utf8))
    }

    static func response(_ data: Data, type: String, cache: String = "no-cache", extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: cache]
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (k, v) in extra { headers[k] = v }
        return HTTPResponse(statusCode: .ok, headers: headers, body: data)
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "pdf": return "application/pdf"
        case "json": return "application/json"
        case "html": return "text/html; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
