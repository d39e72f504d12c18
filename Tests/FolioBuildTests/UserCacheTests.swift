@testable import FolioBuild
import FolioTestSupport
import Foundation
import Testing

/// The per-user hash cache: a remembered font hash is used only while the file is the
/// same file with the same contents.
@Suite("Per-user hash cache")
struct UserCacheTests {
    let dir = TestSupport.temporaryDirectory("user-cache")
    /// Ten seconds from now: files written by the test count as settled.
    let later = Int64(Date().timeIntervalSince1970 * 1e9) + 10_000_000_000

    func write(_ text: String, to name: String) -> String {
        let path = (dir as NSString).appendingPathComponent(name)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test("a settled file's hash is remembered and used while nothing about the file changes")
    func remembered() throws {
        let path = write("font A", to: "a.otf")
        var cache = UserCache()
        #expect(cache.sha256(file: path, now: later) == Fingerprint.sha256(Data("font A".utf8)))
        // Prove the second answer comes from the cache, not from the file.
        cache.files[path]?.sha256 = "remembered"
        #expect(cache.sha256(file: path, now: later) == "remembered")
    }

    @Test("new contents of the same size are seen even when the modification time is put back")
    func rewrittenSameSizeAndTime() throws {
        let path = write("font A", to: "b.otf")
        var cache = UserCache()
        _ = cache.sha256(file: path, now: later)
        let before = try #require(cache.files[path])
        cache.files[path]?.sha256 = "remembered"
        usleep(20_000)
        _ = write("font B", to: "b.otf")
        var times = [timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000)),
                     timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000))]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(cache.sha256(file: path, now: later) == Fingerprint.sha256(Data("font B".utf8)))
    }

    @Test("a replaced file (new inode) is hashed again")
    func replaced() throws {
        let path = write("font A", to: "c.otf")
        var cache = UserCache()
        _ = cache.sha256(file: path, now: later)
        cache.files[path]?.sha256 = "remembered"
        let other = write("font C", to: "c-new.otf")
        #expect(rename(other, path) == 0)
        #expect(cache.sha256(file: path, now: later) == Fingerprint.sha256(Data("font C".utf8)))
    }

    @Test("a file changed within two seconds of hashing is not remembered")
    func racy() throws {
        let path = write("font D", to: "d.otf")
        var cache = UserCache()
        #expect(cache.sha256(file: path) == Fingerprint.sha256(Data("font D".utf8)))
        #expect(cache.files[path] == nil)
    }

    @Test("a missing file has no hash")
    func missing() {
        var cache = UserCache()
        #expect(cache.sha256(file: (dir as NSString).appendingPathComponent("none.otf"), now: later) == nil)
    }
}
