import Foundation

/// Writes files so a reader (or a crash) never sees half of one: bytes go to a temporary
/// name in the same folder, are flushed, then renamed over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BuildError.io("cannot write \(temp.path): \(String(cString: strerror(errno)))") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress!.advanced(by: offset), raw.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temp.path, url.path) == 0 else {
            unlink(temp.path)
            throw BuildError.io("cannot write \(path): \(String(cString: strerror(errno)))")
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
