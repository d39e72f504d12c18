import Foundation

/// `.folio-cache.json` in the output folder: the sizes and modification times of the
/// outputs as last seen, so an up-to-date build is decided with a few `stat` calls. It is
/// not an output: it holds clocks, which the manifest never does. (Font hashes are
/// remembered per user: `UserCache`.)
struct BuildCache: Codable, Equatable {
    struct Stat: Codable, Equatable {
        var size: Int
        var mtime: Double
    }

    var outputs: [String: Stat] = [:]
    /// The inputs of the last build, for deciding a no-op without parsing (see `QuickCheck`).
    var quick: QuickCheck?

    static let fileName = ".folio-cache.json"

    static func read(from dir: String) -> BuildCache {
        let path = (dir as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data) else { return BuildCache() }
        return cache
    }

    func write(to dir: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A cache: a crash that loses it costs one re-hash of the outputs, so no flush.
        try AtomicFile.write(try encoder.encode(self), to: (dir as NSString).appendingPathComponent(Self.fileName), sync: false)
    }

    /// The size and modification time of a file, nil when it does not exist.
    static func stat(_ path: String) -> Stat? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return Stat(size: (a[.size] as? Int) ?? -1, mtime: (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }
}
