import Crypto
import FolioModel
import Foundation

/// Accumulates what an output depends on into a SHA-256: content only, never source
/// positions, so a comment or a moved line changes nothing.
struct Fingerprint {
    private var hasher = SHA256()

    mutating func add(_ key: String, _ value: String?) {
        hasher.update(data: Data(key.utf8))
        hasher.update(data: Data([0x1F]))
        hasher.update(data: Data((value ?? "\u{0}nil").utf8))
        hasher.update(data: Data([0x1E]))
    }

    mutating func add(_ key: String, _ values: [String]) {
        add(key, values.joined(separator: "\u{1D}"))
    }

    var hex: String { Fingerprint.hex(hasher.finalize()) }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func sha256(file path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var h = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            h.update(data: chunk)
        }
        return hex(h.finalize())
    }

    // MARK: - Report content

    mutating func addReportHeader(_ r: Report) {
        add("report.title", r.title)
        add("report.subtitle", r.subtitle)
        add("report.publisher", r.publisher)
        add("report.edition", String(r.edition))
        add("report.published", r.published.description)
        add("report.source", r.source)
    }

    mutating func add(event e: Event, report: Report, images: inout ImageHashes) {
        add("event.id", e.id)
        add("event.rank", String(e.rank))
        add("event.title", e.title)
        add("event.date", e.date?.description)
        add("event.category", e.category)
        add("event.summary", e.summary)
        add("event.body", e.body)
        for (i, f) in e.figures.enumerated() {
            add("figure.\(i)", [f.value, f.unit ?? "", f.label, f.derived ? "derived" : "", f.note ?? ""])
        }
        add("event.charts", e.charts)
        for id in e.charts {
            if let c = report.chart(id) { add(chart: c) }
        }
        if let image = e.image { add(image: image, images: &images) }
    }

    mutating func add(chart c: Chart) {
        add("chart.id", c.id)
        add("chart", [c.title, c.kind.rawValue, c.unit ?? "", c.note ?? "", c.orientation.rawValue, String(c.stacked),
                      String(c.invert), c.highlight ?? "", c.target.map { "\($0.value) \($0.label)" } ?? "",
                      c.prefix ?? ""])
        add("chart.derived", c.derived)
        add("chart.categories", c.categories)
        for s in c.series {
            add("series", [s.name] + s.values.map { $0.map { String($0) } ?? "null" })
        }
    }

    mutating func add(image: ImageRef, images: inout ImageHashes) {
        add("image", [image.path, image.fit.rawValue, "\(image.focus.x),\(image.focus.y)", image.caption ?? "",
                      image.credit ?? "", images.hash(image.absolutePath)])
    }
}

/// Content hashes of image files, computed once per build.
struct ImageHashes {
    private var cache: [String: String] = [:]

    mutating func hash(_ path: String) -> String {
        if let h = cache[path] { return h }
        let h = Fingerprint.sha256(file: path) ?? "missing"
        cache[path] = h
        return h
    }
}
