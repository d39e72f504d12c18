import FolioBuild
import FolioTestSupport
import Foundation
import Testing

/// Folder arguments like other build tools: the current folder when it holds report.yaml,
/// a path to a report.yaml, and a default output folder never inside the report folder.
@Suite("Folder arguments", .serialized)
struct FolderArgumentTests {
    static func folio(_ arguments: [String], in cwd: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupport.run(RunningProcess.folio, arguments, cwd: cwd, environment: ["FOLIO_HOME": TestSupport.root, "NO_COLOR": "1"])
    }

    /// `work/proj/Reports/r` made by `folio init`; `proj` is a git checkout when `git` is true.
    static func project(git: Bool) throws -> (work: String, project: String, report: String) {
        let work = TestSupport.temporaryDirectory("folders")
        let project = work + "/proj"
        try FileManager.default.createDirectory(atPath: project + "/Reports", withIntermediateDirectories: true)
        if git { try FileManager.default.createDirectory(atPath: project + "/.git", withIntermediateDirectories: true) }
        #expect(try folio(["init", "Reports/r", "--edition", "2023", "-q"], in: project).status == 0)
        return (work, project, project + "/Reports/r")
    }

    @Test("inside a report folder, check, build, fonts and `build .` use it, and the outputs go above it, to the project's out/")
    func insideTheReport() throws {
        let (_, project, report) = try Self.project(git: true)
        let check = try Self.folio(["check"], in: report)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == ".: no errors\n")
        let build = try Self.folio(["build", "--cards", "square"], in: report)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains(" to \(project)/out/r/ in "), "\(build.stdout)")
        #expect(FileManager.default.fileExists(atPath: project + "/out/r/brochure.pdf"))
        #expect(!FileManager.default.fileExists(atPath: report + "/out"), "nothing is written inside the report folder")
        let dot = try Self.folio(["build", ".", "--cards", "square"], in: report)
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.hasPrefix("\(project)/out/r: up to date"), "\(dot.stdout)")
        let fonts = try Self.folio(["fonts"], in: report)
        #expect(fonts.status == 0, "\(fonts.stderr)")
        #expect(fonts.stdout.hasPrefix("characters of .: "))
        // watch, too, takes the current folder.
        let watch = try RunningProcess(RunningProcess.folio, ["watch", "--cards", "square"],
                                       environment: ["FOLIO_HOME": TestSupport.root, "NO_COLOR": "1"], cwd: report)
        defer { watch.terminate() }
        #expect(watch.wait(timeout: 120) { watch.text.contains("— watching .") }, "\(watch.text)")
        kill(watch.process.processIdentifier, SIGINT)
        watch.process.waitUntilExit()
        #expect(watch.process.terminationStatus == 0)
        // From a folder inside the report folder, the same.
        try FileManager.default.createDirectory(atPath: report + "/images/sub", withIntermediateDirectories: true)
        let deeper = try Self.folio(["build", "../..", "--cards", "square"], in: report + "/images/sub")
        #expect(deeper.stdout.hasPrefix("\(project)/out/r: up to date"), "\(deeper.stdout)")
    }

    @Test("without a project root above it, the outputs go next to the report folder")
    func nextToTheReport() throws {
        let (_, project, report) = try Self.project(git: false)
        let build = try Self.folio(["build", "--cards", "square", "-q"], in: report)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: project + "/Reports/out/r/brochure.pdf"))
    }

    @Test("a path to report.yaml is the report folder; from outside, the outputs go to out/<name> where you stand")
    func reportYAMLPath() throws {
        let (work, _, _) = try Self.project(git: true)
        let check = try Self.folio(["check", "proj/Reports/r/report.yaml"], in: work)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "proj/Reports/r: no errors\n")
        let build = try Self.folio(["build", "proj/Reports/r/report.yaml", "--no-cards"], in: work)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains(" to out/r/ in "))
    }

    @Test("with no folder given and no report.yaml here, a usage error (exit 2) says what to do")
    func noReportHere() throws {
        let work = TestSupport.temporaryDirectory("folders")
        for command in ["build", "check", "watch"] {
            let r = try Self.folio([command], in: work)
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("no report folder given, and there is no report.yaml in the current folder"), "\(command): \(r.stderr)")
        }
        // fonts needs no report: it shows the fonts alone.
        let fonts = try Self.folio(["fonts"], in: work)
        #expect(fonts.status == 0)
        #expect(!fonts.stdout.contains("characters of"))
    }

    @Test("the default output folder: out/<name> here, else above the report folder, never inside it")
    func defaultRule() throws {
        let (work, project, report) = try Self.project(git: true)
        #expect(Builder.defaultOutputDirectory(report: report, cwd: work) == work + "/out/r")
        #expect(Builder.defaultOutputDirectory(report: report, cwd: report) == project + "/out/r")
        #expect(Builder.defaultOutputDirectory(report: report, cwd: report + "/images") == project + "/out/r")
        let bare = TestSupport.temporaryDirectory("bare")
        try FileManager.default.createDirectory(atPath: bare + "/a/r", withIntermediateDirectories: true)
        #expect(Builder.defaultOutputDirectory(report: bare + "/a/r", cwd: bare + "/a/r").hasSuffix("/a/out/r"))
        // An explicit --out inside the report folder is refused, with a hint that is not inside it.
        let builder = Builder(resources: Resources(root: TestSupport.root))
        let (_, problems) = builder.outputDirectory(BuildOptions(reportDirectory: report, outputDirectory: report + "/keep"))
        #expect(problems.first?.message.hasSuffix("is inside the report folder") == true)
        let suggested = try #require(problems.first?.hint?.components(separatedBy: "--out ").last)
        let absolute = suggested.hasPrefix("/") ? suggested : FileManager.default.currentDirectoryPath + "/" + suggested
        #expect(absolute.hasSuffix("/out/r") && !absolute.hasPrefix(report + "/"), "the hint's folder is not inside the report: \(suggested)")
    }
}
