import FolioCore
import Foundation

/// Content hashes Folio has already computed, remembered per user in
/// `$XDG_CACHE_HOME/folio/hashes.json` (`~/.cache/folio/hashes.json` by default), so that a
/// build into an empty output folder does not read 93 MB of font files again.
///
/// Why a remembered hash is still the file's hash:
/// - A file's entry is keyed by its path, device, inode, size, modification time and
///   status-change time (nanoseconds). Writing to a file, replacing it (a new inode) or
///   touching it changes at least one of these, and the status-change time cannot be set
///   by any program: it is the kernel's clock at the last change.
/// - A change within the same timestamp tick as the hashing could go unseen (the "racy
///   clean" problem git solves the same way): files changed less than two seconds before
///   they were hashed are hashed but not remembered.
/// - A layout's canonical hash is keyed by the SHA-256 of its file's bytes and the tool's
///   identity: the same bytes read by the same tool give the same parsed layout.
/// Anything unreadable, corrupt or unwritable just means hashing again; the cache never
/// decides an output on its own.
struct UserCache: Codable, Equatable {
    struct FileEntry: Codable, Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var mtime: Int64
        var ctime: Int64
        var sha256: String
    }

    /// Font files by absolute path.
    var files: [String: FileEntry] = [:]
    /// Canonical layout hashes by SHA-256 of (tool identity, layout file bytes).
    var layouts: [String: String] = [:]

    static let maxLayouts = 256

    /// `$XDG_CACHE_HOME/folio/hashes.json`, else `$HOME/.cache/folio/hashes.json`; nil when
    /// neither is set.
    static var path: String? {
        let env = ProcessInfo.processInfo.environment
        let base: String
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = env["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return (base as NSString).appendingPathComponent("folio/hashes.json")
    }

    static func read() -> UserCache {
        guard let path, let data = FileManager.default.contents(atPath: path),
              let cache = try? JSONDecoder().decode(UserCache.self, from: data) else { return UserCache() }
        return cache
    }

    /// Writes the cache (temporary file + rename); failures are ignored.
    func write() {
        guard let path = Self.path else { return }
        var copy = self
        if copy.layouts.count > Self.maxLayouts { copy.layouts = [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(copy) else { return }
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = "\(path).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: data) else { return }
        if rename(temp, path) != 0 { unlink(temp) }
    }

    /// The SHA-256 of a file, from the cache while its identity is unchanged. `now`
    /// (nanoseconds since 1970, default the clock) decides whether the file is old enough
    /// to be remembered.
    mutating func sha256(file path: String, now: Int64? = nil) -> String? {
        guard let file = FileIdentity(path: path) else { return nil }
        let key = FileEntry(device: file.device, inode: file.inode, size: file.size, mtime: file.mtime, ctime: file.ctime, sha256: "")
        if let entry = files[path], entry.device == key.device, entry.inode == key.inode, entry.size == key.size,
           entry.mtime == key.mtime, entry.ctime == key.ctime {
            return entry.sha256
        }
        guard let sha = Fingerprint.sha256(file: path) else { return nil }
        if file.isSettled(now: now ?? FileIdentity.clock()) {
            var entry = key
            entry.sha256 = sha
            files[path] = entry
        } else {
            files[path] = nil
        }
        return sha
    }
}
