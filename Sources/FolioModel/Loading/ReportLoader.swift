import Foundation
import Yams

/// Reads `report.yaml` from a report folder into a `Report`, collecting every problem
/// in one pass.
public struct ReportLoader {
    public static let fileName = "report.yaml"
    static let knownKeys = ["title", "subtitle", "publisher", "edition", "published", "layout", "intro",
                            "events", "charts", "cards", "cover", "source", "short-title", "short-publisher"]

    public var limits: InputLimits

    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// The layout and card presets a report names, with where it names them. They are
    /// known even when the report has errors, so a wrong name is reported in the same run.
    public struct Requests: Sendable {
        public var layout: (name: String, location: SourceLocation?)?
        public var cards: [(name: String, location: SourceLocation?)] = []
        /// The report's own layout file (`layout: ./brand.yaml`), absolute.
        public var layoutFile: (path: String, location: SourceLocation?)?

        public init() {}
    }

    /// The outcome of loading: a report when there were no errors, and every diagnostic.
    public struct Result: Sendable {
        public var report: Report?
        public var diagnostics: [Diagnostic]
        /// What the report asks for, read even when it has errors.
        public var requests = Requests()

        public init(report: Report?, diagnostics: [Diagnostic], requests: Requests = Requests()) {
            self.report = report
            self.diagnostics = diagnostics
            self.requests = requests
        }
    }

    /// Loads `directory/report.yaml`. Paths in diagnostics are shown relative to the
    /// current directory when the report lies below it.
    public func load(directory: String) -> Result {
        let dirURL = URL(fileURLWithPath: directory).standardizedFileURL
        let path = dirURL.appendingPathComponent(ReportLoader.fileName).path
        let display = DisplayPath.relative(path)
        var diagnostics: [Diagnostic] = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dirURL.path, isDirectory: &isDir), isDir.boolValue else {
            let exists = FileManager.default.fileExists(atPath: dirURL.path)
            diagnostics.append(.error("no-report", at: nil,
                                      "\(DisplayPath.relative(dirURL.path)) \(exists ? "is a file, not a folder" : "does not exist")",
                                      hint: "give the report folder (the one holding report.yaml), e.g. folio check Reports/ningbo-2022"))
            return Result(report: nil, diagnostics: diagnostics)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(.error("no-report", at: nil, "there is no \(ReportLoader.fileName) in \(DisplayPath.relative(dirURL.path))",
                                      hint: "a report folder holds a report.yaml; `folio init \(DisplayPath.relative(dirURL.path))` makes one to start from"))
            return Result(report: nil, diagnostics: diagnostics)
        }
        guard let source = SourceFile.read(path: path, displayPath: display, limits: limits, diagnostics: &diagnostics) else {
            return Result(report: nil, diagnostics: diagnostics)
        }
        return load(source: source, directory: dirURL.path, initial: diagnostics)
    }

    /// Loads a report from an already-read source (tests, fuzzing).
    public func load(source: SourceFile, directory: String, initial: [Diagnostic] = []) -> Result {
        let context = YAMLContext(source: source, limits: limits)
        for d in initial { context.add(d) }
        guard let root = context.parse(), var map = YAMLMapping(root, context: context, what: "the report") else {
            return Result(report: nil, diagnostics: context.diagnostics)
        }
        map.known = ReportLoader.knownKeys
        let reader = ReportReader(context: context, directory: directory, limits: limits)
        var requests = Requests()
        let report = reader.read(&map, requests: &requests)
        map.reportUnknownKeys(known: ReportLoader.knownKeys)
        let diagnostics = context.diagnostics
        return Result(report: diagnostics.hasErrors ? nil : report, diagnostics: diagnostics, requests: requests)
    }
}

/// Paths as the user should see them.
public enum DisplayPath {
    /// `path` relative to the current directory when it lies below it, else as given.
    public static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        if standardized == cwd { return "." }
        if standardized.hasPrefix(cwd + "/") {
            return String(standardized.dropFirst(cwd.count + 1))
        }
        return standardized
    }
}
