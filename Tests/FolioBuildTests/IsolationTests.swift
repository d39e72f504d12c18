import FolioTestSupport
import Foundation
import Testing

/// The tests run with a home and a cache of their own: the user's ~/.cache/folio is
/// never read or written, by the test process or by any binary it starts.
@Suite("Tests leave the user's home alone", .serialized)
struct IsolationTests {
    @Test("HOME and XDG_CACHE_HOME are temporary for the tests and the binaries they start; a build caches there, not in the user's home")
    func temporaryHome() throws {
        let home = TestSupport.isolatedHome
        let env = ProcessInfo.processInfo.environment
        #expect(env["HOME"] == home)
        #expect(env["XDG_CACHE_HOME"] == home + "/.cache")
        let real = env["FOLIO_TEST_REAL_HOME"] ?? ""
        #expect(real != home)
        let userCache = (real as NSString).appendingPathComponent(".cache/folio/hashes.json")
        let before = try? FileManager.default.attributesOfItem(atPath: userCache)[.modificationDate] as? Date

        let child = try TestSupport.run("/bin/sh", ["-c", "echo $HOME; echo $XDG_CACHE_HOME"])
        #expect(child.stdout == "\(home)\n\(home)/.cache\n")
        let work = TestSupport.temporaryDirectory("isolation")
        #expect(try TestSupport.run(RunningProcess.folio, ["init", "r", "-q"], cwd: work, environment: ["FOLIO_HOME": TestSupport.root]).status == 0)
        let build = try TestSupport.run(RunningProcess.folio, ["build", "r", "--cards", "square", "-q"], cwd: work,
                                        environment: ["FOLIO_HOME": TestSupport.root])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: home + "/.cache/folio/hashes.json"), "the build's cache is in the test's home")
        let after = try? FileManager.default.attributesOfItem(atPath: userCache)[.modificationDate] as? Date
        #expect(before == after, "the user's own cache was touched")
    }
}
