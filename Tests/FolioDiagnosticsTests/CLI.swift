import FolioTestSupport
import Foundation

/// Runs the real `folio` binary (built next to the test bundle by `swift build --build-tests`).
enum CLI {
    /// The folio executable of this build.
    static let executable: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("folio").path,
            Bundle.main.bundleURL.appendingPathComponent("folio").path,
            TestSupport.path(".build/debug/folio"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs folio with `arguments` in `cwd`, colour off unless asked for.
    static func run(_ arguments: [String], cwd: String, environment: [String: String] = ["NO_COLOR": "1"]) throws
        -> (status: Int32, stdout: String, stderr: String) {
        var env = environment
        if env["FOLIO_HOME"] == nil { env["FOLIO_HOME"] = TestSupport.root }
        return try TestSupport.run(executable, arguments, cwd: cwd, environment: env)
    }

    /// A copy of Folio's files in `work/folio` with just the built-in layout and card
    /// preset (so outputs do not change when other layouts are added) and the fonts;
    /// returns its path, for FOLIO_HOME.
    @discardableResult
    static func home(in work: String, linkFonts: Bool = true) throws -> String {
        let fm = FileManager.default
        let home = (work as NSString).appendingPathComponent("folio")
        try fm.createDirectory(atPath: (home as NSString).appendingPathComponent("Layouts/cards"), withIntermediateDirectories: true)
        for file in ["Layouts/brochure.yaml", "Layouts/cards/square.yaml"] {
            try fm.copyItem(atPath: TestSupport.path(file), toPath: (home as NSString).appendingPathComponent(file))
        }
        if linkFonts {
            try fm.createSymbolicLink(atPath: (home as NSString).appendingPathComponent("Fonts"), withDestinationPath: TestSupport.path("Fonts"))
        }
        return home
    }

    /// A working folder holding `report/report.yaml` with `yaml`.
    static func workspace(_ yaml: String) -> String {
        let dir = TestSupport.temporaryDirectory("cli")
        let report = (dir as NSString).appendingPathComponent("report")
        try? FileManager.default.createDirectory(atPath: report, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: (report as NSString).appendingPathComponent("report.yaml"), contents: Data(yaml.utf8))
        return dir
    }
}

/// A valid head of a report, for small test inputs.
enum Checking {
    static let minimalHead = "title: 年度报告\npublisher: 科技局\nedition: 2022\npublished: 2023-02-01\n"
}
