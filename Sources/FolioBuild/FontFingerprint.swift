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

    /// The set's hash, the records for the manifest, and the stats for the cache.
    func compute(cached: [String: BuildCache.FontStat]) -> (hash: String, files: [Manifest.FontFile], stats: [String: BuildCache.FontStat]) {
        var records: [Manifest.FontFile] = []
        var stats: [String: BuildCache.FontStat] = [:]
        var fp = Fingerprint()
        fp.add("fonts.conf", (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? "")
        for path in files() {
            let stat = BuildCache.stat(path) ?? BuildCache.Stat(size: -1, mtime: 0)
            let sha: String
            if let old = cached[path], old.size == stat.size, old.mtime == stat.mtime {
                sha = old.sha256
            } else {
                sha = Fingerprint.sha256(file: path) ?? "unreadable"
            }
            stats[path] = BuildCache.FontStat(size: stat.size, mtime: stat.mtime, sha256: sha)
            records.append(Manifest.FontFile(path: path, size: stat.size, sha256: sha))
            fp.add(path, sha)
        }
        return (fp.hex, records, stats)
    }
}
