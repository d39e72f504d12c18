import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for saved, created, moved and deleted files with Linux inotify.
/// Owns the inotify descriptor.
public final class FileWatcher {
    private let fd: Int32
    private var directories: [Int32: String] = [:]
    private var recursive: Set<Int32> = []
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    public init() throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw BuildError.environment("cannot watch files: inotify_init1 failed (\(String(cString: strerror(errno))))") }
    }

    deinit {
        close(fd)
    }

    /// Watches `path` (a folder) and, when `recursive`, every folder below it.
    public func watch(directory path: String, recursive isRecursive: Bool) {
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return }
        directories[wd] = path
        if isRecursive {
            recursive.insert(wd)
            let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for child in children where !child.hasPrefix(".") {
                let full = (path as NSString).appendingPathComponent(child)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue {
                    watch(directory: full, recursive: true)
                }
            }
        }
    }

    /// Waits up to `timeout` seconds and returns the files that changed (editor
    /// temporaries and hidden files left out).
    public func changes(timeout: Double) -> [String] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(max(0, timeout * 1000)))
        guard ready > 0 else { return [] }
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let e = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (e.wd, e.mask, Int(e.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(n, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let dir = directories[wd] else { continue }
                let path = (dir as NSString).appendingPathComponent(name)
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 && recursive.contains(wd) {
                    watch(directory: path, recursive: true)
                }
                if name.isEmpty || Self.isNoise(name) { continue }
                if !changed.contains(path) { changed.append(path) }
            }
        }
        return changed
    }

    /// Hidden files, editor swap and backup files, spreadsheet lock files, and Folio's own temporaries.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("~$") // Excel's lock files
    }
}
