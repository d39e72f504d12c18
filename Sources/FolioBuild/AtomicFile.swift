import Foundation

/// Writes files so a reader (or a crash) never sees half of one: bytes go to a temporary
/// name in the same folder, are flushed, then renamed over the target.
public enum AtomicFile {
    /// `sync: false` skips the flush, for files whose loss only costs time (caches).
    public static func write(_ data: Data, to path: String, sync: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try writeTemporary(data, to: temp.path, sync: sync)
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw BuildError.io("cannot write \(path): \(reason)")
        }
    }

    /// Writes `data` to `path` (a temporary name ending in `.tmp`) with plain system
    /// calls: no other temporary file is made on the way (Foundation's atomic writes make
    /// their own `.dat.nosync…` file, which a killed build would leave behind unswept).
    /// `sync` flushes the file to disk before returning.
    public static func writeTemporary(_ data: Data, to path: String, sync: Bool = false) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BuildError.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return } // no bytes
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, base.advanced(by: offset), raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = errno; return }
                offset += n
            }
        }
        if failure == 0, sync, fsync(fd) != 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw BuildError.io("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }

    /// Removes temporary files a killed build left behind in `dir` (recursively).
    public static func sweep(_ dir: String) {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return }
        while let name = e.nextObject() as? String {
            let base = (name as NSString).lastPathComponent
            if base.hasPrefix(".") && base.hasSuffix(".tmp") {
                try? FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent(name))
            }
        }
    }
}
