import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's identity as the file system gives it: device, inode, size, and the
/// modification and status-change times in nanoseconds. Two equal identities mean the
/// same bytes, unless the file was rewritten within one tick of the file system's clock:
/// `isSettled` says whether it last changed long enough ago (two seconds) for that to be
/// ruled out, the "racy clean" rule of Git.
public struct FileIdentity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var mtime: Int64
    public var ctime: Int64

    /// The identity of the file at `path` (links followed), or nil when it cannot be read.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        ctime = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }

    /// Whether the file last changed more than two seconds before `now` (nanoseconds
    /// since 1970).
    public func isSettled(now: Int64 = FileIdentity.clock()) -> Bool {
        max(mtime, ctime) < now - 2_000_000_000
    }

    /// The real-time clock in nanoseconds since 1970.
    public static func clock() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    public var description: String { "\(device) \(inode) \(size) \(mtime) \(ctime)" }
}
