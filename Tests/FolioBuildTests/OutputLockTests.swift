import FolioBuild
import FolioTestSupport
import Foundation
import Testing

/// One writer per output folder, through the real binary: a build waits for the process
/// that holds the folder and says who it is; builds started together, and a build next
/// to a running watch, all succeed and leave a consistent folder.
@Suite("One writer per output folder", .serialized)
struct OutputLockTests {
    /// Every output of the manifest exists with the recorded SHA-256, and no temporary file is left.
    static func consistent(_ out: String) throws -> Bool {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        var ok = !outputs.isEmpty
        for o in outputs {
            let path = out + "/" + (o["path"] as? String ?? "")
            let sum = try TestSupport.run("sha256sum", [path]).stdout.split(separator: " ").first.map(String.init)
            if sum != o["sha256"] as? String { Issue.record("\(path) is not what the manifest says"); ok = false }
        }
        let temporaries = ((FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".tmp") }
        if !temporaries.isEmpty { Issue.record("temporary files left: \(temporaries)"); ok = false }
        return ok
    }

    @Test("a build into a folder another process holds waits, naming that process, and writes only once it is free")
    func waitsAndSaysSo() throws {
        let w = try Workspace(presets: ["square"])
        try FileManager.default.createDirectory(atPath: w.out, withIntermediateDirectories: true)
        let fd = open(w.out, O_RDONLY | O_DIRECTORY)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let p = try RunningProcess(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", "square"],
                                   environment: ["FOLIO_HOME": w.resources.root])
        defer { p.terminate() }
        #expect(p.wait(timeout: 120) { p.text.contains("waiting for ") }, "\(p.text)")
        #expect(p.text.contains("(pid \(getpid())) to finish writing into the same output folder"), "\(p.text)")
        #expect(p.process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: w.out + "/manifest.json"), "nothing is written while the folder is held")
        #expect(flock(fd, LOCK_UN) == 0)
        p.process.waitUntilExit()
        #expect(p.process.terminationStatus == 0, "\(p.text)")
        #expect(try Self.consistent(w.out))
    }

    @Test("four forced builds started together into one folder all succeed; the folder is consistent")
    func startedTogether() async throws {
        let w = try Workspace(presets: ["square"])
        try TestSupport.generatedReportYAML(events: 12).write(toFile: w.yaml, atomically: true, encoding: .utf8)
        try await w.build()
        let builds = try (0..<4).map { _ in
            try RunningProcess(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", "square", "--force"],
                               environment: ["FOLIO_HOME": w.resources.root])
        }
        defer { builds.forEach { $0.terminate() } }
        for b in builds {
            b.process.waitUntilExit()
            #expect(b.process.terminationStatus == 0, "\(b.text)")
        }
        #expect(builds.contains { $0.text.contains("waiting for folio build ") }, "at least one build waited for another")
        #expect(try Self.consistent(w.out))
    }

    @Test("two builds of different card presets started together into a folder that does not exist yet: the manifest keeps both")
    func freshFolder() throws {
        let w = try Workspace(presets: ["square"])
        let builds = try ["square", "og"].map { preset in
            try RunningProcess(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", preset],
                               environment: ["FOLIO_HOME": w.resources.root])
        }
        defer { builds.forEach { $0.terminate() } }
        for b in builds {
            b.process.waitUntilExit()
            #expect(b.process.terminationStatus == 0, "\(b.text)")
        }
        #expect(try Self.consistent(w.out))
        let manifest = try String(contentsOfFile: w.out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("cards/square/01-") && manifest.contains("cards/og/01-"),
                "the build that came second planned from what the first wrote")
    }

    @Test("a build while watch runs on the same folder: both succeed, the folder stays consistent")
    func buildBesideWatch() throws {
        let w = try Workspace(presets: ["square"])
        let watch = try RunningProcess(RunningProcess.folio, ["watch", w.report, "--out", w.out, "--cards", "square"],
                                       environment: ["FOLIO_HOME": w.resources.root])
        defer { watch.terminate() }
        #expect(watch.wait(timeout: 120) { watch.text.contains("— watching ") }, "\(watch.text)")
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "不需要加热至高温", with: "无需加热至高温") }
        let build = try TestSupport.run(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", "square", "--force"],
                                        environment: ["FOLIO_HOME": w.resources.root])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(watch.wait(timeout: 60) { watch.text.contains("changed →") }, "\(watch.text)")
        #expect(!watch.text.contains("not rebuilt"), "\(watch.text)")
        kill(watch.process.processIdentifier, SIGINT)
        watch.process.waitUntilExit()
        #expect(watch.process.terminationStatus == 0)
        #expect(try Self.consistent(w.out))
    }
}
