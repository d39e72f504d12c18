import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// `folio watch`: a plain first line, the options of build, and a warning about text
/// that did not change printed once.
@Suite("folio watch's output", .serialized)
struct WatchLineTests {
    @Test("the first line says what was built and what is watched; build's options are accepted; a standing warning is printed once")
    func firstLineAndWarningsOnce() throws {
        let w = try Workspace(presets: ["square"])
        // A warning that stays while other text changes.
        try w.edit(w.yaml) { $0 + "remark: 内部备注\n" }
        let p = try RunningProcess(RunningProcess.folio, ["watch", w.report, "--out", w.out, "--cards", "square",
                                                          "--layout", "brochure", "--print", "--marks", "--archive"],
                                   environment: ["FOLIO_HOME": w.resources.root, "NO_COLOR": "1"])
        defer { p.terminate() }
        #expect(p.wait(timeout: 180) { p.text.contains("— watching ") }, "\(p.text)")
        let first = try #require(p.text.split(separator: "\n").first { $0.contains("— watching ") })
        let pattern = #"^built [0-9]+ pages and 10 cards in [0-9.]+ s — watching "# + NSRegularExpression.escapedPattern(for: w.report) + "$"
        #expect(first.range(of: pattern, options: .regularExpression) != nil, "\(first)")
        #expect(FileManager.default.fileExists(atPath: w.out + "/brochure-print.pdf"), "--print is accepted")
        let brochure = try #require(FileManager.default.contents(atPath: w.out + "/brochure.pdf"))
        #expect(String(decoding: brochure, as: UTF8.self).contains("<pdfaid:part>2</pdfaid:part>"), "--archive is accepted")
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "不需要加热至高温", with: "无需加热至高温") }
        #expect(p.wait(timeout: 90) { p.text.contains("changed → re-made") }, "\(p.text)")
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "无需加热至高温", with: "不需要加热至高温") }
        #expect(p.wait(timeout: 90) { p.text.components(separatedBy: "changed → re-made").count == 3 }, "\(p.text)")
        #expect(p.text.components(separatedBy: "unknown key `remark`").count == 2, "the warning is printed once:\n\(p.text)")
        kill(p.process.processIdentifier, SIGINT)
        p.process.waitUntilExit()
        #expect(p.process.terminationStatus == 0)
    }

    @Test("WarningMemo: errors always, a warning again only after it went away")
    func memo() {
        let at = SourceLocation(file: "r/report.yaml", line: 3, column: 1)
        let moved = SourceLocation(file: "r/report.yaml", line: 9, column: 1)
        let warning = Diagnostic.warning("unknown-key", at: at, "unknown key `x`")
        let error = Diagnostic.error("bad-date", at: at, "bad date")
        var memo = WarningMemo()
        #expect(memo.fresh([warning, error]) == [warning, error])
        var shifted = warning
        shifted.location = moved
        #expect(memo.fresh([shifted, error]) == [error], "the same warning on another line is not new")
        #expect(memo.fresh([]) == [])
        #expect(memo.fresh([warning]) == [warning], "back after it went away")
    }
}
