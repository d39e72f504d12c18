import Foundation

/// `DIR/cards/index.html`: every card grouped by preset with its file name and size.
enum CardIndex {
    static func write(outDir: String, manifest: Manifest) throws {
        let cards = manifest.outputs.filter { $0.kind == "card" }.sorted { $0.path < $1.path }
        guard !cards.isEmpty else { return }
        var html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>Cards — \(escape(manifest.report))</title>
        <style>body{font-family:sans-serif;margin:24px;background:#f4f5f7}h2{margin-top:32px}
        .grid{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;background:#fff;padding:8px;border-radius:6px}
        img{display:block;max-width:240px;max-height:320px;border:1px solid #ddd}figcaption{font-size:12px;color:#555;margin-top:6px}</style>
        </head><body><h1>Cards — \(escape(manifest.report))</h1>

        """
        let presets = Array(Set(cards.compactMap(\.preset))).sorted()
        for preset in presets {
            html += "<h2>\(escape(preset))</h2><div class=\"grid\">\n"
            for c in cards where c.preset == preset {
                let rel = String(c.path.dropFirst("cards/".count))
                let size = pngSize((outDir as NSString).appendingPathComponent(c.path))
                html += "<figure><img src=\"\(escape(rel))\" loading=\"lazy\" alt=\"\(escape(rel))\"><figcaption>\(escape((rel as NSString).lastPathComponent))<br>\(size.map { "\($0.0)×\($0.1) px" } ?? "") · \(c.size / 1024) KiB</figcaption></figure>\n"
            }
            html += "</div>\n"
        }
        html += "</body></html>\n"
        try AtomicFile.write(Data(html.utf8), to: (outDir as NSString).appendingPathComponent("cards/index.html"))
    }

    static func pngSize(_ path: String) -> (Int, Int)? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let b = [UInt8](h.readData(ofLength: 24))
        guard b.count == 24 else { return nil }
        let w = b[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let hh = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return (w, hh)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
