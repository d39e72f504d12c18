import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// The output folder may not be the report folder, inside it, or one of Folio's own.
@Suite("Output folder")
struct OutputFolderTests {
    let builder = Builder(resources: Resources(root: TestSupport.root))
    let report = TestSupport.path("Reports/ningbo-2022")

    func problem(_ out: String, report: String? = nil) -> String? {
        let (_, problems) = builder.outputDirectory(BuildOptions(reportDirectory: report ?? self.report, outputDirectory: out))
        return problems.first.map { "\($0.message) | \($0.hint ?? "")" }
    }

    @Test("the report folder itself, a folder inside it, and Folio's source folders are refused")
    func refused() {
        let hint = "write the outputs elsewhere, e.g. --out out/ningbo-2022"
        #expect(problem(report) == "the output folder Reports/ningbo-2022 is the report folder | \(hint)")
        #expect(problem(report + "/out") == "the output folder Reports/ningbo-2022/out is inside the report folder | \(hint)")
        #expect(problem(TestSupport.path("Sources")) == "the output folder Sources is inside Folio's Sources folder | \(hint)")
        #expect(problem(TestSupport.path("Layouts/cards")) == "the output folder Layouts/cards is inside Folio's Layouts folder | \(hint)")
        #expect(problem(TestSupport.path("Reports")) == "the output folder Reports is inside Folio's Reports folder | \(hint)")
        #expect(problem(TestSupport.root) == "the output folder . is Folio's own folder | \(hint)")
        #expect(problem("/") == "the output folder / is Folio's own folder | \(hint)")
    }

    @Test("a link to the report folder is seen through; a file is not a folder")
    func linksAndFiles() throws {
        let dir = TestSupport.temporaryDirectory("out")
        let link = (dir as NSString).appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: report)
        #expect(problem(link)?.hasPrefix("the output folder Reports/ningbo-2022 is the report folder") == true)
        let file = (dir as NSString).appendingPathComponent("file")
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        #expect(problem(file) == "the output folder \(file) is a file | remove the file or choose another folder with --out")
    }

    @Test("an ordinary folder, existing or not, is fine and is not created by the check")
    func accepted() {
        let dir = (TestSupport.temporaryDirectory("out") as NSString).appendingPathComponent("new/deeper")
        #expect(problem(dir) == nil)
        #expect(!FileManager.default.fileExists(atPath: dir))
        #expect(problem(TestSupport.path("out/x")) == nil)
    }

    @Test("a bad output folder is reported with the report's own problems, in one run")
    func togetherWithReportErrors() async throws {
        let dir = TestSupport.temporaryDirectory("out")
        FileManager.default.createFile(atPath: (dir as NSString).appendingPathComponent("report.yaml"), contents: Data("title: [x]\n".utf8))
        do {
            _ = try await builder.build(BuildOptions(reportDirectory: dir, outputDirectory: dir))
            Issue.record("the build should have failed")
        } catch BuildError.input(let list) {
            #expect(list.first?.code == "bad-output")
            #expect(list.contains { $0.code == "wrong-type" })
            #expect(list.contains { $0.code == "missing-key" })
        }
    }
}
