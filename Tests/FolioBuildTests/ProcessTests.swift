import FolioBuild
import FolioTestSupport
import Foundation
import Testing

@Suite("The folio process", .serialized)
struct ProcessTests {
    @Test("a build killed mid-way leaves the outputs exactly as they were")
    func killed() async throws {
        let w = try Workspace(presets: ["square"])
        // A long build: 40 events, so there is time to kill it while it writes.
        try TestSupport.generatedReportYAML(events: 40).write(toFile: w.yaml, atomically: true, encoding: .utf8)
        let first = try TestSupport.run(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", "square", "-q"],
                                        environment: ["FOLIO_HOME": w.resources.root])
        #expect(first.status == 0, "\(first.stderr)")
        let before = w.snapshot()
        let p = try RunningProcess(RunningProcess.folio, ["build", w.report, "--out", w.out, "--cards", "square", "--force", "-q"],
                                   environment: ["FOLIO_HOME": w.resources.root])
        defer { p.terminate() }
        // Kill it as soon as it has staged its first file.
        let staged = p.wait(timeout: 60) {
            let files = (FileManager.default.enumerator(atPath: w.out)?.allObjects as? [String]) ?? []
            return files.contains { $0.hasSuffix(".tmp") } || !p.process.isRunning
        }
        #expect(staged)
        let wasRunning = p.process.isRunning
        kill(p.process.processIdentifier, SIGKILL)
        p.process.waitUntilExit()
        #expect(wasRunning, "the build finished before it could be killed")
        #expect(p.process.terminationReason == .uncaughtSignal)
        var after = w.snapshot()
        after = after.filter { !$0.key.hasSuffix(".tmp") }
        #expect(after == before)
        // The next build sweeps the temporaries away.
        try await w.build()
        let left = (FileManager.default.enumerator(atPath: w.out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty)
    }

    @Test("watch mode rebuilds after a real edit, keeps going after a broken one, and stops on Ctrl-C")
    func watch() throws {
        let w = try Workspace(presets: ["square"])
        let p = try RunningProcess(RunningProcess.folio, ["watch", w.report, "--out", w.out, "--cards", "square"],
                                   environment: ["FOLIO_HOME": w.resources.root])
        defer { p.terminate() }
        #expect(p.wait(timeout: 120) { p.text.contains("— watching ") }, "\(p.text)")
        let pdf = w.out + "/brochure.pdf"
        let before = FileManager.default.contents(atPath: pdf)
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "不需要加热至高温", with: "无需加热至高温") }
        #expect(p.wait(timeout: 60) { p.text.contains("changed → re-made brochure.pdf, 1 card") }, "\(p.text)")
        #expect(FileManager.default.contents(atPath: pdf) != before)
        let good = FileManager.default.contents(atPath: pdf)
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "edition: 2022", with: "edition: [2022") }
        #expect(p.wait(timeout: 60) { p.text.contains("the last good outputs are unchanged") }, "\(p.text)")
        #expect(p.text.contains("report.yaml:"))
        #expect(FileManager.default.contents(atPath: pdf) == good)
        kill(p.process.processIdentifier, SIGINT)
        p.process.waitUntilExit()
        #expect(p.process.terminationStatus == 0)
        #expect(p.text.contains("stopped"))
    }
}
