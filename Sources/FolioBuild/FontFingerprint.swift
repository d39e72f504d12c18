import Foundation

/// Identifies the font set by content: fonts.conf and the SHA-256 of every font file in
/// the folders it names. Hashes are remembered per user (`UserCache`) while a file's
/// identity (inode, size, times) is unchanged, so the check costs a few `stat` calls.
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

    /// The set's hash and the records for the manifest. File hashes come from the
    /// per-user cache while a file's identity is unchanged (see `UserCache`), so neither a
    /// no-op build nor a build into an empty folder reads the fonts.
    func compute(cache: inout UserCache) -> (hash: String, files: [Manifest.FontFile]) {
        var records: [Manifest.FontFile] = []
        var fp = Fingerprint()
        fp.add("fonts.conf", (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? "")
        for path in files() {
            let size = BuildCache.stat(path)?.size ?? -1
            let sha = cache.sha256(file: path) ?? "unreadable"
            records.append(Manifest.FontFile(path: path, size: size, sha256: sha))
            fp.add(path, sha)
        }
        return (fp.hex, records)
    }
}
