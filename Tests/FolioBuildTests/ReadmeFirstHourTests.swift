import FolioTestSupport
import Foundation
import Testing

/// The README's "Your first hour", run exactly as written: from a fresh copy of the
/// repository with the binary in its build folder, and after `make install` from a
/// folder that has nothing to do with the repository. FOLIO_HOME is never set.
@Suite("The README's first hour", .serialized)
struct ReadmeFirstHourTests {
    /// The lines of the first ```sh block after "## Your first hour".
    static func block() throws -> String {
        let readme = try String(contentsOfFile: TestSupport.path("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Your first hour").dropFirst().first)
        let start = try #require(section.range(of: "```sh\n"))
        let end = try #require(section.range(of: "\n```", range: start.upperBound..<section.endIndex))
        return String(section[start.upperBound..<end.lowerBound])
    }

    /// Runs the block in `cwd` with bash, stopping at the first failing line.
    static func replay(in cwd: String, path: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let script = "set -e\n" + (try block())
        return try TestSupport.run("/usr/bin/env", ["-u", "FOLIO_HOME", "EDITOR=true", "NO_COLOR=1", "PATH=\(path)", "/bin/bash", "-c", script],
                                   cwd: cwd)
    }

    static func checkOutcome(_ r: (status: Int32, stdout: String, stderr: String), in cwd: String) {
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("next: edit Reports/ningbo-2023/report.yaml, then run\n  folio check Reports/ningbo-2023\n  folio build Reports/ningbo-2023\n"))
        #expect(r.stdout.contains("Reports/ningbo-2023: no errors\n"))
        #expect(r.stdout.contains(" to out/ningbo-2023/ in "))
        #expect(FileManager.default.fileExists(atPath: cwd + "/out/ningbo-2023/brochure.pdf"))
    }

    @Test("the block is the one the README shows: export, init, edit, check, build")
    func blockShape() throws {
        let lines = try Self.block().split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(lines == ["export PATH=\"$PWD/.build/release:$PATH\"", "folio init", "$EDITOR Reports/ningbo-2023/report.yaml", "folio check", "folio build"])
    }

    @Test("from a fresh copy of the repository, with the binary where make puts it")
    func freshClone() throws {
        let clone = TestSupport.temporaryDirectory("clone")
        let fm = FileManager.default
        for folder in ["Layouts", "Fonts", "Reports"] {
            try fm.copyItem(atPath: TestSupport.path(folder), toPath: clone + "/" + folder)
        }
        try fm.createDirectory(atPath: clone + "/.build/release", withIntermediateDirectories: true)
        try fm.copyItem(atPath: RunningProcess.folio, toPath: clone + "/.build/release/folio")
        Self.checkOutcome(try Self.replay(in: clone, path: "/usr/bin:/bin"), in: clone)
    }

    @Test("after make install, from an unrelated folder")
    func afterInstall() throws {
        let prefix = TestSupport.temporaryDirectory("prefix")
        let installed = try TestSupport.run("make", ["-s", "-C", TestSupport.root, "install-files", "PREFIX=\(prefix)", "FOLIO_BIN=\(RunningProcess.folio)"])
        #expect(installed.status == 0, "\(installed.stderr)")
        let work = TestSupport.temporaryDirectory("unrelated")
        Self.checkOutcome(try Self.replay(in: work, path: "\(prefix)/bin:/usr/bin:/bin"), in: work)
    }
}
