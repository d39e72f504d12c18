import Foundation

/// `DIR/cards/index.html`: a contact sheet of every card, grouped by preset, each with
/// its file name, pixel size and file size, for a person to review at a glance.
enum CardIndex {
    /// One card on the sheet.
    struct Entry: Hashable {
        /// Path relative to `DIR/cards` ("square/01-yongjiang-zone.png").
        var path: String
        var preset: String
        var width: Int?
        var height: Int?
        var bytes: Int

        var fileName: String { (path as NSString).lastPathComponent }
    }

    /// Presets in the order the sheet shows them; others follow by name.
    static let order = ["square", "portrait", "story", "wechat-cover", "og"]

    static func write(outDir: String, manifest: Manifest) throws {
        let entries = manifest.outputs.filter { $0.kind == "card" }.map { c in
            let size = pngSize((outDir as NSString).appendingPathComponent(c.path))
            return Entry(path: String(c.path.dropFirst("cards/".count)), preset: c.preset ?? "cards",
                         width: size?.0, height: size?.1, bytes: c.size)
        }
        guard !entries.isEmpty else { return }
        let path = (outDir as NSString).appendingPathComponent("cards/index.html")
        let page = Data(html(entries, report: manifest.report).utf8)
        // An edit that keeps every card's size leaves the sheet as it was: not rewritten.
        if FileManager.default.contents(atPath: path) != page { try AtomicFile.write(page, to: path) }
    }

    /// The sheet's HTML.
    static func html(_ entries: [Entry], report: String) -> String {
        let presets = Array(Set(entries.map(\.preset))).sorted { a, b in
            let ia = order.firstIndex(of: a) ?? order.count, ib = order.firstIndex(of: b) ?? order.count
            return ia != ib ? ia < ib : a < b
        }
        var html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>Cards — \(escape(report))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:24px;background:#f4f5f7;color:#1f2328}
        nav a{margin-right:12px}h2{margin:32px 0 12px}h2 small{font-weight:normal;color:#5f6b7a;font-size:14px}
        .grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        figure{margin:0;background:#fff;padding:8px;border-radius:6px;box-shadow:0 1px 2px #0002}
        img{display:block;max-width:260px;max-height:340px;border:1px solid #ddd}
        figcaption{font-size:12px;color:#555;margin-top:6px}code{font-size:12px;color:#1f2328}
        </style>
        </head><body><h1>Cards — \(escape(report))</h1>

        """
        html += "<nav>" + presets.map { "<a href=\"#\(escape($0))\">\(escape($0))</a>" }.joined() + "</nav>\n"
        for preset in presets {
            let cards = entries.filter { $0.preset == preset }.sorted { $0.path < $1.path }
            let sizes = Set(cards.compactMap { c in c.width.flatMap { w in c.height.map { "\(w)×\($0) px" } } })
            html += "<section id=\"\(escape(preset))\"><h2>\(escape(preset)) <small>\(sizes.sorted().joined(separator: ", ")) · "
                + "\(cards.count) card\(cards.count == 1 ? "" : "s")</small></h2><div class=\"grid\">\n"
            for c in cards {
                let pixels = c.width.flatMap { w in c.height.map { "\(w)×\($0) px" } } ?? "size unknown"
                html += "<figure><a href=\"\(escape(c.path))\"><img src=\"\(escape(c.path))\" loading=\"lazy\" alt=\"\(escape(c.fileName))\"></a>"
                    + "<figcaption><code>\(escape(c.fileName))</code><br>\(pixels) · \(kib(c.bytes))</figcaption></figure>\n"
            }
            html += "</div></section>\n"
        }
        html += "</body></html>\n"
        return html
    }

    static func kib(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : String(format: "%.1f KiB", Double(bytes) / 1024)
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ path: String) -> (Int, Int)? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let b = [UInt8](h.readData(ofLength: 24))
        guard b.count == 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let w = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let hh = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return (w, hh)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
