import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `folio serve` per output folder: an advisory lock on `.folio-serve.lock` in it,
/// held while the server runs and released by the kernel if the process dies. The file
/// records the holder's process id and URL, for the message that refuses a second one.
public final class ServeLock {
    public static let fileName = ".folio-serve.lock"
    private let fd: Int32
    public let path: String

    /// Who holds the lock, as recorded in the file.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32
        public var url: String
    }

    public enum Failure: Error, Equatable {
        /// Another process serves this folder.
        case held(by: Holder?)
        case cannotOpen(String)
    }

    /// Takes the lock in `directory` (created if missing), or fails at once.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.cannotOpen("\(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readHolder(path)
            close(fd)
            throw Failure.held(by: holder)
        }
        self.fd = fd
    }

    deinit {
        release()
    }

    /// Records the URL this server answers on.
    public func record(url: String) {
        let text = "\(getpid())\n\(url)\n"
        ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private var released = false

    /// Removes the file and lets go of the lock.
    public func release() {
        guard !released else { return }
        released = true
        unlink(path)
        flock(fd, LOCK_UN)
        close(fd)
    }

    static func readHolder(_ path: String) -> Holder? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count >= 2, let pid = Int32(lines[0]) else { return nil }
        return Holder(pid: pid, url: lines[1])
    }
}
