import Foundation

/// Formats diagnostics for a terminal, a pipe or a program.
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour severities (ANSI); false under `NO_COLOR` or a pipe.
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// Colour when standard error is a terminal and `NO_COLOR` is unset.
    public static func forStandardError() -> DiagnosticRenderer {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticRenderer(color: !noColor && isatty(2) != 0)
    }

    /// One diagnostic: the head line, the source line with a caret, and the hint.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        if let location = d.location { out += bold("\(location): ") }
        let severity = d.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;35")
        out += "\(severity) \(bold(d.message))\n"
        if let line = d.sourceLine, let column = d.location?.column {
            let shown = line.replacingOccurrences(of: "\t", with: " ")
            out += "    \(shown)\n"
            out += "    \(caretPadding(shown, column: column))\(paint("^", "1;32"))\n"
        }
        if let hint = d.hint {
            out += "    \(paint("hint:", "1;36")) \(hint)\n"
        }
        return out
    }

    /// All diagnostics, sorted, followed by a summary line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sortedForDisplay()
        var out = sorted.map(render).joined()
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.count - errors
        if !sorted.isEmpty {
            out += summary(errors: errors, warnings: warnings) + "\n"
        }
        return out
    }

    /// "2 errors, 1 warning".
    public func summary(errors: Int, warnings: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// The diagnostics as a JSON array for editors and scripts.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.sortedForDisplay().map { d -> [String: Any] in
            var item: [String: Any] = ["severity": d.severity.rawValue, "code": d.code, "message": d.message]
            if let l = d.location {
                item["file"] = l.file
                item["line"] = l.line
                item["column"] = l.column
            }
            if let hint = d.hint { item["hint"] = hint }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Spaces up to `column`, counting East Asian wide characters as two cells.
    private func caretPadding(_ line: String, column: Int) -> String {
        var cells = 0
        for (i, ch) in line.enumerated() where i < column - 1 {
            cells += ch.unicodeScalars.first.map { DiagnosticRenderer.isWide($0) ? 2 : 1 } ?? 1
        }
        return String(repeating: " ", count: cells)
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
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
