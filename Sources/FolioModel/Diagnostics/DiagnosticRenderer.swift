import Foundation

/// Formats diagnostics for a terminal, a pipe or a program.
///
/// Text form, one block per diagnostic, then a summary line:
///
///     Reports/x/report.yaml:12:5: warning: unknown key `figurs` in event 1 (first) is ignored
///         figurs:
///         ^
///         hint: did you mean `figures`?
///     1 warning
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour severities (ANSI); false under `NO_COLOR` or a pipe.
    public var color: Bool
    /// Widest source excerpt shown, in terminal cells; longer lines are cut around the caret.
    public var excerptWidth: Int

    public init(color: Bool, excerptWidth: Int = 100) {
        self.color = color
        self.excerptWidth = max(20, excerptWidth)
    }

    /// Colour when standard error is a terminal, `NO_COLOR` is unset or empty and
    /// `TERM` is not `dumb`.
    public static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> DiagnosticRenderer {
        DiagnosticRenderer(color: useColor(isTerminal: isatty(2) != 0, environment: environment))
    }

    /// The colour decision, separated for tests.
    public static func useColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }

    /// One diagnostic: the head line, the source line with a caret, and the hint.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        if let location = d.location { out += bold("\(location): ") }
        let severity = d.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;35")
        out += "\(severity) \(bold(d.message))\n"
        if let line = d.sourceLine, d.location?.cell != nil {
            out += "    \(excerpt(line, column: 1).0)\n" // a cell's content: no caret
        } else if let line = d.sourceLine, let column = d.location?.column {
            let (shown, padding) = excerpt(line, column: column)
            out += "    \(shown)\n"
            out += "    \(String(repeating: " ", count: padding))\(paint("^", "1;32"))\n"
        }
        if let hint = d.hint {
            out += "    \(paint("hint:", "1;36")) \(hint)\n"
        }
        for note in d.notes {
            out += bold("\(note.location): ") + "\(paint("note:", "1;34")) \(note.message)\n"
            if let line = note.sourceLine {
                let (shown, padding) = excerpt(line, column: note.location.column)
                out += "    \(shown)\n"
                out += "    \(String(repeating: " ", count: padding))\(paint("^", "1;32"))\n"
            }
        }
        return out
    }

    /// All diagnostics, sorted by file, line and column, followed by a summary line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sortedForDisplay()
        guard !sorted.isEmpty else { return "" }
        let errors = sorted.filter { $0.severity == .error }.count
        return sorted.map(render).joined() + bold(DiagnosticRenderer.summary(errors: errors, warnings: sorted.count - errors)) + "\n"
    }

    /// "2 errors, 1 warning"; "no problems" for none.
    public static func summary(errors: Int, warnings: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    }

    /// The diagnostics as a JSON array for editors and scripts, sorted like the text form:
    /// `[{"severity", "code", "message", "file", "line", "column", "hint"}]` (place and
    /// hint only when known; `cell` for a spreadsheet cell, `notes` for related places).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.sortedForDisplay().map { d -> [String: Any] in
            var item: [String: Any] = ["severity": d.severity.rawValue, "code": d.code, "message": d.message]
            if let l = d.location {
                item["file"] = l.file
                item["line"] = l.line
                item["column"] = l.column
                if let cell = l.cell { item["cell"] = cell }
            }
            if let hint = d.hint { item["hint"] = hint }
            if !d.notes.isEmpty {
                item["notes"] = d.notes.map { n -> [String: Any] in
                    ["file": n.location.file, "line": n.location.line, "column": n.location.column, "message": n.message]
                }
            }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Excerpt

    /// The line as shown (tabs as spaces, invisible characters made visible, cut to
    /// `excerptWidth` cells around the column) and the cells before the caret.
    /// Columns count Unicode scalars, as the YAML parser does.
    func excerpt(_ line: String, column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        let caret = min(max(0, column - 1), scalars.count)
        let cells = scalars.map(DiagnosticRenderer.cells)
        let total = cells.reduce(0, +)
        var start = 0, end = scalars.count
        if total > excerptWidth {
            // Keep about a third of the width before the caret.
            var before = 0
            start = caret
            while start > 0, before + cells[start - 1] <= excerptWidth / 3 { start -= 1; before += cells[start] }
            var width = before
            end = caret
            while end < scalars.count, width + cells[end] <= excerptWidth - 2 { width += cells[end]; end += 1 }
        }
        var shown = start > 0 ? "…" : ""
        var padding = start > 0 ? 1 : 0
        for i in start..<end {
            shown.unicodeScalars.append(contentsOf: DiagnosticRenderer.visible(scalars[i]).unicodeScalars)
            if i < caret { padding += cells[i] }
        }
        if end < scalars.count { shown += "…" }
        return (shown, padding)
    }

    /// How an invisible or control character is drawn in an excerpt.
    static func visible(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x09: return " "
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + s.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F, 0xFEFF, 0x2028, 0x2029: return "\u{FFFD}"
        default: return String(s)
        }
    }

    /// Terminal cells a character takes: 2 for East Asian wide, 0 for combining marks and joiners.
    static func cells(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x00..<0x20, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: return 1
        case 0x200B...0x200F, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return 0
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: return isWide(s) || (0x1F300...0x1F64F).contains(s.value) || (0x1F900...0x1F9FF).contains(s.value) ? 2 : 1
        }
    }

    /// East Asian wide and full-width characters, which take two cells.
    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    private func bold(_ s: String) -> String { paint(s, "1") }
}
