import FolioModel
import Foundation

/// `DIR/cards/index.html`: a contact sheet of every card, titled with the report's title,
/// grouped by preset, each card captioned with its rank and event title (then its file
/// name, pixel size and file size), with links to the brochure. Every link is relative,
/// so the sheet opens straight from the folder, with no server.
enum CardIndex {
    /// One card on the sheet.
    struct Entry: Hashable {
        /// Path relative to `DIR/cards` ("square/01-yongjiang-zone.png").
        var path: String
        var preset: String
        var width: Int?
        var height: Int?
        var bytes: Int
        /// "No. 3 · 甬江科创区启动" (empty when the event is unknown).
        var caption = ""

        var fileName: String { (path as NSString).lastPathComponent }
    }

    /// Presets in the order the sheet shows them; others follow by name.
    static let order = ["square", "portrait", "story", "wechat-cover", "og"]

    static func write(outDir: String, manifest: Manifest, report: Report) throws {
        let events = Dictionary(report.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = manifest.outputs.filter { $0.kind == .card }.map { c in
            let size = pngSize((outDir as NSString).appendingPathComponent(c.path))
            let caption = c.event.flatMap { events[$0] }.map { "No. \($0.rank) · \($0.title)" } ?? ""
            return Entry(path: String(c.path.dropFirst("cards/".count)), preset: c.preset ?? "cards",
                         width: size?.0, height: size?.1, bytes: c.size, caption: caption)
        }
        guard !entries.isEmpty else { return }
        let path = (outDir as NSString).appendingPathComponent("cards/index.html")
        let documents = manifest.outputs.filter { $0.kind.isBrochure }.map(\.path).sorted()
        let page = Data(html(entries, title: report.title, documents: documents).utf8)
        // An edit that keeps every card's size leaves the sheet as it was: not rewritten.
        if FileManager.default.contents(atPath: path) != page { try AtomicFile.write(page, to: path) }
    }

    /// The sheet's HTML. `documents`: the brochure files beside `cards/` ("brochure.pdf").
    static func html(_ entries: [Entry], title: String, documents: [String] = []) -> String {
        let presets = Array(Set(entries.map(\.preset))).sorted { a, b in
            let ia = order.firstIndex(of: a) ?? order.count, ib = order.firstIndex(of: b) ?? order.count
            return ia != ib ? ia < ib : a < b
        }
        var html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(title)) — cards</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:24px;background:#f4f5f7;color:#1f2328}
        nav a{margin-right:12px}h2{margin:32px 0 12px}h2 small{font-weight:normal;color:#5f6b7a;font-size:14px}
        .grid{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        figure{margin:0;background:#fff;padding:8px;border-radius:6px;box-shadow:0 1px 2px #0002}
        img{display:block;max-width:260px;max-height:340px;border:1px solid #ddd}
        figcaption{font-size:12px;color:#555;margin-top:6px;max-width:260px}figcaption strong{font-size:14px;color:#1f2328}code{font-size:12px;color:#1f2328}
        </style>
        </head><body><h1>\(escape(title))</h1>

        """
        let names = ["brochure.pdf": "the brochure (PDF)", "brochure-print.pdf": "the printer's file (PDF/X)"]
        if !documents.isEmpty {
            html += "<p class=\"documents\">" + documents.map { "<a href=\"../\(escape($0))\">\(escape(names[$0] ?? $0))</a>" }
                .joined(separator: " · ") + "</p>\n"
        }
        html += "<nav>" + presets.map { "<a href=\"#\(escape($0))\">\(escape($0))</a>" }.joined() + "</nav>\n"
        for preset in presets {
            let cards = entries.filter { $0.preset == preset }.sorted { $0.path < $1.path }
            let sizes = Set(cards.compactMap { c in c.width.flatMap { w in c.height.map { "\(w)×\($0) px" } } })
            html += "<section id=\"\(escape(preset))\"><h2>\(escape(preset)) <small>\(sizes.sorted().joined(separator: ", ")) · "
                + "\(cards.count) card\(cards.count == 1 ? "" : "s")</small></h2><div class=\"grid\">\n"
            for c in cards {
                let pixels = c.width.flatMap { w in c.height.map { "\(w)×\($0) px" } } ?? "size unknown"
                let caption = c.caption.isEmpty ? c.fileName : c.caption
                html += "<figure><a href=\"\(escape(c.path))\"><img src=\"\(escape(c.path))\" loading=\"lazy\" alt=\"\(escape(caption))\"></a>"
                    + "<figcaption><strong>\(escape(caption))</strong><br><code>\(escape(c.fileName))</code><br>\(pixels) · \(kib(c.bytes))</figcaption></figure>\n"
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
