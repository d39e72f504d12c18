import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// A broken report never changes anything in the output folder.
@Suite("Broken reports write nothing", .serialized)
struct BrokenReportTests {
    /// Every file below `dir` with its size, modification time and a hash of its bytes.
    static func snapshot(_ dir: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: dir) else { return out }
        while let name = e.nextObject() as? String {
            let path = (dir as NSString).appendingPathComponent(name)
            let a = (try? fm.attributesOfItem(atPath: path)) ?? [:]
            let mtime = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let bytes = fm.contents(atPath: path) ?? Data()
            out[name] = "\(a[.size] ?? 0) \(mtime) \(bytes.hashValue)"
        }
        return out
    }

    @Test("build once, break report.yaml in several ways, build again: it throws and every file is as it was")
    func nothingChanges() async throws {
        let report = TestSupport.temporaryDirectory("broken")
        let original = try String(contentsOfFile: TestSupport.path("Reports/ningbo-2022/report.yaml"), encoding: .utf8)
        let file = (report as NSString).appendingPathComponent("report.yaml")
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        let out = TestSupport.temporaryDirectory("broken-out")
        let builder = Builder(resources: Resources(root: TestSupport.root))
        let options = BuildOptions(reportDirectory: report, outputDirectory: out, cardPresets: ["square"])
        _ = try await builder.build(options)
        let before = Self.snapshot(out)
        #expect(before.keys.contains("brochure.pdf"))
        #expect(before.keys.contains("cards/square/01-yongjiang-zone.png"))

        let breakages: [(String, String, String)] = [
            ("a YAML syntax error", "title: 2022年度宁波科技创新10件大事", "title: \"2022年度"),
            ("a schema error", "edition: 2022", "edition: twenty"),
            ("a character no font has", "title: \"甬江科创区启动\"", "title: \"甬江科创区启动\u{E000}\""),
            ("a changed title and a wrong date", "date: 2022-12-29", "date: 2022-12-32"),
            ("a deleted file", "", ""),
        ]
        for (what, from, to) in breakages {
            if from.isEmpty {
                try FileManager.default.removeItem(atPath: file)
            } else {
                #expect(original.contains(from), "\(what)")
                try original.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
            }
            do {
                _ = try await builder.build(options)
                Issue.record("\(what): the build should have failed")
            } catch BuildError.input(let list) {
                #expect(list.hasErrors, "\(what)")
            }
            #expect(Self.snapshot(out) == before, "\(what) changed the output folder")
        }
    }

    @Test("a broken report does not even create the output folder")
    func noFolder() async throws {
        let report = TestSupport.temporaryDirectory("broken")
        FileManager.default.createFile(atPath: (report as NSString).appendingPathComponent("report.yaml"),
                                       contents: Data((Checking.minimalHead + "events:\n  - id: a\n    title: 标题\u{E000}\n    body: [正文]\n").utf8))
        let out = (TestSupport.temporaryDirectory("broken-out") as NSString).appendingPathComponent("fresh")
        await #expect(throws: BuildError.self) {
            _ = try await Builder(resources: Resources(root: TestSupport.root)).build(BuildOptions(reportDirectory: report, outputDirectory: out))
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
