import Foundation

/// A PDF's objects as qpdf reports them (`qpdf --json=2`, streams decoded inline), with
/// the pages in order. References are followed with `resolve`.
struct PDFObjects {
    /// "12 0 R" → the object's value (a stream's dictionary for streams).
    private(set) var values: [String: Any] = [:]
    /// "12 0 R" → a stream's decoded bytes.
    private(set) var streams: [String: Data] = [:]
    var trailer: [String: Any] = [:]
    /// Each page's object reference, in order.
    var pages: [String] = []

    init(path: String, tools: Tools) throws {
        let data = try tools.run("qpdf", ["--json=2", "--json-key=qpdf", "--json-key=pages", "--json-stream-data=inline",
                                          "--decode-level=generalized", path], allowed: [0, 3])
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Tools.Failed(tool: "qpdf", status: 0, messages: "unreadable JSON")
        }
        let qpdf = json["qpdf"] as? [Any] ?? []
        let objects = qpdf.count > 1 ? qpdf[1] as? [String: Any] ?? [:] : [:]
        for (key, object) in objects {
            guard let o = object as? [String: Any] else { continue }
            if key == "trailer" {
                trailer = o["value"] as? [String: Any] ?? [:]
                continue
            }
            let ref = key.hasPrefix("obj:") ? String(key.dropFirst(4)) : key
            if let stream = o["stream"] as? [String: Any] {
                values[ref] = stream["dict"] ?? [:]
                if let text = stream["data"] as? String, let bytes = Data(base64Encoded: text) { streams[ref] = bytes }
            } else {
                values[ref] = o["value"]
            }
        }
        pages = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
    }

    /// The value itself, or the object a reference names.
    func resolve(_ value: Any?) -> Any? {
        if let s = value as? String, s.hasSuffix(" R"), let v = values[s] { return v }
        return value
    }

    func dict(_ value: Any?) -> [String: Any]? { resolve(value) as? [String: Any] }
    func array(_ value: Any?) -> [Any]? { resolve(value) as? [Any] }
    func number(_ value: Any?) -> Double? {
        if let n = resolve(value) as? NSNumber { return n.doubleValue }
        return nil
    }
    func numbers(_ value: Any?) -> [Double]? {
        guard let a = array(value) else { return nil }
        let n = a.compactMap { number($0) }
        return n.count == a.count ? n : nil
    }

    /// The decoded stream `value` refers to.
    func stream(_ value: Any?) -> Data? {
        guard let s = value as? String else { return nil }
        return streams[s]
    }

    /// A page attribute, inherited through the page tree.
    func inherited(_ page: String, _ key: String) -> Any? {
        var node = dict(page)
        for _ in 0..<32 {
            guard let n = node else { return nil }
            if let v = n[key] { return v }
            node = dict(n["/Parent"])
        }
        return nil
    }

    /// The text of a string value ("u:…" Unicode, "b:…" hex bytes).
    func text(_ value: Any?) -> String? {
        guard let s = resolve(value) as? String else { return nil }
        if s.hasPrefix("u:") { return String(s.dropFirst(2)) }
        if s.hasPrefix("b:") {
            var bytes: [UInt8] = []
            var i = s.index(s.startIndex, offsetBy: 2)
            while i < s.endIndex, let j = s.index(i, offsetBy: 2, limitedBy: s.endIndex), let b = UInt8(s[i..<j], radix: 16) {
                bytes.append(b)
                i = j
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return s
    }

    var catalog: [String: Any] { dict(trailer["/Root"]) ?? [:] }
    var info: [String: Any] { dict(trailer["/Info"]) ?? [:] }
}
