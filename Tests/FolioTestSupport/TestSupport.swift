import FolioGraphics
import FolioModel
import Foundation

/// Shared helpers for Folio's tests: the repository's folders, one font set for the
/// whole test run, and the default report.
public enum TestSupport {
    /// The repository root (the folder holding Package.swift). Finding it first gives
    /// the test process (and so every program it starts) a home of its own.
    public static let root: String = {
        _ = isolatedHome
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("cannot find the repository root from \(#filePath)")
    }()

    /// A temporary `HOME` and `XDG_CACHE_HOME` for this test process and every program it
    /// starts (they inherit its environment), so that tests never read or write the
    /// user's own `~/.cache/folio` or anything else in the user's home. Set once, before
    /// any test reads the environment through `root`. The user's real home is kept in
    /// `FOLIO_TEST_REAL_HOME` (for the test that checks it is left alone).
    public static let isolatedHome: String = {
        let env = ProcessInfo.processInfo.environment
        if let home = env["FOLIO_TEST_HOME"], !home.isEmpty { return home } // set by a parent test process
        let home = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-test-home-\(getpid())-\(UUID().uuidString.prefix(8))")
        let cache = (home as NSString).appendingPathComponent(".cache")
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        setenv("FOLIO_TEST_REAL_HOME", env["HOME"] ?? "", 0)
        setenv("FOLIO_TEST_HOME", home, 1)
        setenv("HOME", home, 1)
        setenv("XDG_CACHE_HOME", cache, 1)
        return home
    }()

    public static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// Folio's font set, loaded once (fontconfig set-up is the slow part).
    public static let fonts: FontSet = {
        do {
            return try FontSet(configFile: path("Fonts/fonts.conf"))
        } catch {
            fatalError("cannot load Folio's font set: \(error)")
        }
    }()

    /// The built-in default report, loaded (it must load without errors).
    public static let defaultReport: Report = {
        let result = ReportLoader().load(directory: path("Reports/ningbo-2022"))
        guard let report = result.report else {
            fatalError("the default report does not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return report
    }()

    /// A report by folder name: `ningbo-2022` (the default) or one of the corpus of test
    /// reports in Tests/Corpus (it must load without errors).
    public static func corpusReport(_ name: String) -> Report {
        if name == "ningbo-2022" { return defaultReport }
        let result = ReportLoader().load(directory: path("Tests/Corpus/\(name)"))
        guard let report = result.report else {
            fatalError("\(name) does not load:\n\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return report
    }

    /// A fresh temporary folder, removed at process exit by the OS's tmp cleaning.
    public static func temporaryDirectory(_ name: String = "folio-test") -> String {
        _ = isolatedHome
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Loads a report from YAML text written to a temporary folder.
    public static func loadReport(yaml: String, file: String = "report.yaml") -> ReportLoader.Result {
        let dir = temporaryDirectory("report")
        let path = (dir as NSString).appendingPathComponent(file)
        FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        return ReportLoader().load(directory: dir)
    }

    /// Runs a program and returns its exit status, standard output and standard error.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                           environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        _ = isolatedHome
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment ?? [:]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Generates a report of `count` events (for pagination and scale tests).
    public static func generatedReportYAML(events count: Int, longTitles: Bool = false, paragraphs: Int = 2) -> String {
        var y = """
        title: 测试年度报告\(count)件大事
        publisher: 测试科学技术局
        edition: 2023
        published: 2024-01-15
        intro:
          - 这是一份由测试生成的报告，用来检验分页、目录页码和卡片在任意数量的事件下都能正确排版。
        events:

        """
        let base = TestSupport.defaultReport
        for i in 0..<count {
            let e = base.events[i % base.events.count]
            let title = longTitles
                ? "第\(i + 1)项：关于推进GPU与5G融合的AI算力平台建设取得36.4%增长的2022—2025年行动计划全面实施"
                : e.title
            y += "  - id: event-\(i + 1)\n    title: \"\(title)\"\n    category: \(e.category ?? "其他")\n"
            y += "    summary: \"\(e.summary ?? e.title)\"\n    body:\n"
            for p in 0..<paragraphs {
                y += "      - \"\(e.body[p % e.body.count])\"\n"
            }
            if !e.figures.isEmpty {
                y += "    figures:\n"
                for f in e.figures {
                    y += "      - {value: \"\(f.value)\", \(f.unit.map { "unit: \"\($0)\", " } ?? "")label: \"\(f.label)\"}\n"
                }
            }
        }
        return y
    }
}

/// A program running in the background whose output a test can wait for. Its output
/// goes to a file, which the test reads as it grows.
public final class RunningProcess: @unchecked Sendable {
    public let process = Process()
    private let log: String

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], cwd: String? = nil) throws {
        _ = TestSupport.isolatedHome
        log = TestSupport.temporaryDirectory("process") + "/output.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)!
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        try process.run()
    }

    /// Everything printed so far.
    public var text: String {
        (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }

    /// Waits until `condition` holds or `timeout` seconds pass; returns whether it held.
    @discardableResult
    public func wait(timeout: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Stops the process if it still runs (a failed test must not leave it behind).
    public func terminate() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The binary built next to the tests.
    public static var folio: String { TestSupport.path(".build/debug/folio") }
}
