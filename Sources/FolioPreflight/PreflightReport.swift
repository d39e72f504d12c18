/// The outcome of a preflight: one row per check, each with its findings located by page.
public struct PreflightReport: Sendable {
    public enum Severity: String, Sendable, Comparable {
        case ok, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.ok, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// One problem (or, with `.ok`, a fact worth showing), on a page (nil: the document).
    public struct Finding: Sendable, Hashable {
        public var severity: Severity
        public var page: Int?
        public var message: String
    }

    /// One row of the table.
    public struct Check: Sendable {
        /// A stable id (`pdfx`, `boxes`, `fonts`, `colour`, `black-text`, `ink`, `rules`, `images`, `page-count`).
        public var id: String
        public var title: String
        /// What was found when all is well ("PDF/X-4, FOGRA39").
        public var summary: String
        public var findings: [Finding]

        public var severity: Severity { findings.map(\.severity).max() ?? .ok }

        /// The pages with problems, as "3, 5–7".
        public var pages: String {
            let numbers = Set(findings.filter { $0.severity != .ok }.compactMap(\.page)).sorted()
            var parts: [String] = []
            var i = 0
            while i < numbers.count {
                var j = i
                while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
                parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])–\(numbers[j])")
                i = j + 1
            }
            return parts.joined(separator: ", ")
        }
    }

    public var file: String
    public var pageCount: Int
    public var checks: [Check]

    public var errors: [Finding] { checks.flatMap(\.findings).filter { $0.severity == .error } }
    public var warnings: [Finding] { checks.flatMap(\.findings).filter { $0.severity == .warning } }
    public var passed: Bool { errors.isEmpty }

    /// The check with `id`.
    public func check(_ id: String) -> Check? { checks.first { $0.id == id } }

    /// The table and then every problem, one a line: `file: page N: error: …`.
    public func rendered() -> String {
        let titleWidth = max(5, checks.map(\.title.count).max() ?? 0)
        let pagesWidth = max(5, checks.map(\.pages.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = ["\(pad("check", titleWidth))  \(pad("result", 7))  \(pad("pages", pagesWidth))  detail"]
        for c in checks {
            let result = c.severity == .ok ? "ok" : c.severity == .warning ? "warning" : "ERROR"
            let detail = c.severity == .ok ? c.summary
                : (c.findings.first { $0.severity == c.severity }?.message ?? "") + (c.findings.count > 1 ? " (+\(c.findings.count - 1) more)" : "")
            lines.append("\(pad(c.title, titleWidth))  \(pad(result, 7))  \(pad(c.pages, pagesWidth))  \(detail)")
        }
        for c in checks {
            for f in c.findings where f.severity != .ok {
                lines.append("\(file): \(f.page.map { "page \($0): " } ?? "")\(f.severity.rawValue): \(f.message)")
            }
        }
        let e = errors.count, w = warnings.count
        lines.append(e == 0 ? "\(file): fit to print (\(pageCount) pages\(w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : ""))"
                     : "\(file): not fit to print: \(e) error\(e == 1 ? "" : "s")\(w > 0 ? ", \(w) warning\(w == 1 ? "" : "s")" : "")")
        return lines.joined(separator: "\n")
    }
}
