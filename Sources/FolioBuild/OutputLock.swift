import Foundation

/// One writer per output folder: an exclusive `flock` on the folder itself, held from
/// before a build reads the folder's manifest until its commit is done. Another Folio
/// process (or another builder of this one) waits for it; the kernel drops the lock when
/// its holder exits, so a killed build never leaves the folder locked. Because every
/// writer holds it, the temporary files a build finds in the folder are a dead build's,
/// never a live one's.
final class OutputLock {
    private var fd: Int32 = -1
    let directory: String

    init(directory: String) {
        self.directory = directory
    }

    /// Thrown when a build that started before its output folder existed finds that
    /// another build made the folder meanwhile: the build starts again (see `Builder.build`).
    struct Contended: Error {}

    /// Whether this builder holds the lock.
    var isHeld: Bool { fd >= 0 }

    /// Takes the lock if the folder exists (a missing folder is locked once it is made).
    /// When another process holds it, `waiting` is told who, then this waits.
    func acquire(waiting: (String) -> Void) {
        guard fd < 0 else { return }
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting(Self.holder(of: descriptor) ?? "another build")
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        fd = descriptor
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    /// "folio watch Reports/x (pid 1234)": the process holding a lock on the file open as
    /// `descriptor`, from /proc/locks and its command line; nil when it cannot be told.
    static func holder(of descriptor: Int32) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        // "1: FLOCK  ADVISORY  WRITE 1234 00:2d:5678 0 EOF"
        for line in locks.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK",
                  let pid = Int32(fields[4]), fields[5].split(separator: ":").last == Substring(String(info.st_ino)),
                  pid != getpid() else { continue }
            let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
            let words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let first = words.first else { return "process \(pid)" }
            let command = ([(first as NSString).lastPathComponent] + words.dropFirst()).joined(separator: " ")
            return "\(command) (pid \(pid))"
        }
        return nil
    }
}
