import Foundation

/// Identifies the font set by content: fonts.conf and the SHA-256 of every font file in
/// the folders it names. Hashes are reused from the previous manifest while a file's
/// size and modification time are unchanged, so the check costs a few `stat` calls.
struct FontFingerprint {
    let configPath: String

    func files() -> [String] {
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else { return [] }
        let base = (configPath as NSString).deletingLastPathComponent
        var dirs: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "<dir") {
            guard let gt = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[gt...].range(of: "</dir>") else { break }
            let attributes = rest[open.upperBound..<gt]
            let value = String(rest[rest.index(after: gt)..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            dirs.append(attributes.contains("relative") ? (base as NSString).appendingPathComponent(value) : value)
            rest = rest[close.upperBound...]
        }
        var files: [String] = []
        for dir in dirs {
            guard let e = FileManager.default.enumerator(atPath: dir) else { continue }
            while let name = e.nextObject() as? String {
                let lower = name.lowercased()
                if [".ttf", ".otf", ".ttc", ".otc"].contains(where: lower.hasSuffix) {
                    files.append(URL(fileURLWithPath: (dir as NSString).appendingPathComponent(name)).standardizedFileURL.path)
                }
            }
        }
        return files.sorted()
    }

    /// The set's hash and the per-file records for the next manifest.
    func compute(previous: [Manifest.FontFile]) -> (hash: String, files: [Manifest.FontFile]) {
        let known = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var records: [Manifest.FontFile] = []
        var fp = Fingerprint()
        fp.add("fonts.conf", (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? "")
        for path in files() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? Int) ?? -1
            let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let record: Manifest.FontFile
            if let old = known[path], old.size == size, old.mtime == mtime {
                record = old
            } else {
                record = Manifest.FontFile(path: path, size: size, mtime: mtime, sha256: Fingerprint.sha256(file: path) ?? "unreadable")
            }
            records.append(record)
            fp.add(path, record.sha256)
        }
        return (fp.hex, records)
    }
}
