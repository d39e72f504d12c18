import Foundation

/// Maps a request path below a served folder to a file inside it, or nothing: no `..`,
/// no encoded slashes or dots, no hidden files, no absolute paths, and no symbolic link
/// that leads out of the folder.
public struct SafePath: Sendable {
    /// The served folder, with its symbolic links resolved.
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The file that the still percent-encoded `relative` path (e.g. `cards/og/01-a.png`)
    /// names inside the root, or nil when the path is unsafe or names no regular file.
    public func resolve(encoded relative: String) -> String? {
        guard !relative.isEmpty, !relative.hasPrefix("/") else { return nil }
        var parts: [String] = []
        for raw in relative.split(separator: "/", omittingEmptySubsequences: false) {
            guard let part = String(raw).removingPercentEncoding, Self.isPlainName(part) else { return nil }
            parts.append(part)
        }
        let joined = ([root] + parts).joined(separator: "/")
        // Every symbolic link on the way is resolved: the real file must still be inside.
        guard let real = Self.realPath(joined), real.hasPrefix(root + "/") else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDir), !isDir.boolValue else { return nil }
        return real
    }

    /// A file or folder name that cannot climb or hide: not empty, not `.` or `..`, no
    /// slash, backslash or NUL, not hidden (locks, temporaries, caches start with a dot).
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
