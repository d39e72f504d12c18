import FolioModel
import FolioTestSupport
import Foundation

/// Loads YAML the way `folio check` does and renders the diagnostics as plain text, with
/// the file shown as `report.yaml`, so tests can compare whole outputs exactly.
enum Checking {
    /// A report folder with `report.yaml` holding `bytes`, plus `files` beside it.
    static func folder(_ bytes: Data, files: [String: Data] = [:]) -> String {
        let dir = TestSupport.temporaryDirectory("diag")
        FileManager.default.createFile(atPath: (dir as NSString).appendingPathComponent("report.yaml"), contents: bytes)
        for (name, data) in files {
            let path = (dir as NSString).appendingPathComponent(name)
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: data)
        }
        return dir
    }

    /// Decodes and loads `bytes` as report.yaml in `directory` (a fresh folder if nil).
    static func load(_ bytes: Data, directory: String? = nil, limits: InputLimits = .default) -> ReportLoader.Result {
        let dir = directory ?? folder(bytes)
        var diagnostics: [Diagnostic] = []
        guard let source = SourceFile.decode(data: bytes, displayPath: "report.yaml", diagnostics: &diagnostics) else {
            return ReportLoader.Result(report: nil, diagnostics: diagnostics)
        }
        return ReportLoader(limits: limits).load(source: source, directory: dir, initial: diagnostics)
    }

    static func load(_ yaml: String, directory: String? = nil, limits: InputLimits = .default) -> ReportLoader.Result {
        load(Data(yaml.utf8), directory: directory, limits: limits)
    }

    /// The plain-text output for `yaml` ("" when there is nothing to say).
    static func output(_ yaml: String, directory: String? = nil, limits: InputLimits = .default) -> String {
        DiagnosticRenderer(color: false).render(load(yaml, directory: directory, limits: limits).diagnostics)
    }

    static func output(_ bytes: Data, limits: InputLimits = .default) -> String {
        DiagnosticRenderer(color: false).render(load(bytes, limits: limits).diagnostics)
    }

    /// A valid minimal report; `events` replaces the events part.
    static func report(head: String = minimalHead, events: String = minimalEvents) -> String {
        head + events
    }

    static let minimalHead = """
    title: 年度报告
    publisher: 科技局
    edition: 2022
    published: 2023-02-01

    """

    static let minimalEvents = """
    events:
      - id: first
        title: 第一件大事
        body:
          - 正文第一段。

    """
}
