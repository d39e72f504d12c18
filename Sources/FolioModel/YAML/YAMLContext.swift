import Foundation
import Yams

/// Reading state for one YAML file: its source, the diagnostics found so far, and the
/// budget of values that may still be visited (so aliases cannot blow up).
public final class YAMLContext {
    public let source: SourceFile
    public let limits: InputLimits
    private var kept: [Diagnostic] = []
    private var dropped = 0
    private var droppedErrors = 0
    private var budget: Int
    private let maxNodes: Int
    /// Whether the value budget ran out (readers then stop instead of reporting gaps).
    public private(set) var exhausted = false
    /// Diagnostics kept before the rest are summarised.
    public static let maxDiagnostics = 200

    public init(source: SourceFile, limits: InputLimits) {
        self.source = source
        self.limits = limits
        self.budget = limits.maxNodes
        self.maxNodes = limits.maxNodes
    }

    /// Parses the file into a YAML node tree. YAML syntax errors become diagnostics.
    public func parse() -> Node? {
        if let finding = KeyScan(text: source.yamlText).firstComplexKey() {
            let at = source.location(line: finding.line, column: finding.column)
            switch finding.kind {
            case .aliasKey:
                add(.error("yaml-alias-key", at: at, "an alias (`*name`) may not be used as a key",
                           hint: "write the key out as a plain word"))
            case .collectionKey:
                add(.error("yaml-complex-key", at: at, "a list or mapping may not be used as a key",
                           hint: "keys are plain words such as `title:`; quote text that starts with [ or {"))
            case .explicitKey:
                add(.error("yaml-complex-key", at: at, "explicit keys (`? `) are not supported",
                           hint: "write the key as a plain word followed by ': '"))
            }
            return nil
        }
        do {
            // The basic resolver tags every scalar as a string: Folio reads values as written,
            // and the parser's duplicate-key check then needs no pattern matching.
            guard let node = try Yams.compose(yaml: source.yamlText, .basic) else {
                let example = source.path.hasSuffix("report.yaml") ? "Reports/ningbo-2022/report.yaml" : "Layouts/brochure.yaml"
                let blank = source.text.allSatisfy(\.isWhitespace)
                add(.error("empty-file", at: source.location(line: 1, column: 1), blank ? "the file is empty" : "the file has only comments",
                           hint: "start from a copy of \(example)"))
                return nil
            }
            return node
        } catch let error as YamlError {
            add(diagnostic(for: error))
            return nil
        } catch {
            add(.error("yaml-syntax", at: source.location(line: 1, column: 1), "cannot parse YAML: \(error)"))
            return nil
        }
    }

    /// Everything found so far; past `maxDiagnostics`, one more error says how many
    /// were left out.
    public var diagnostics: [Diagnostic] {
        guard dropped > 0 else { return kept }
        // An error only if an error was left out: warnings alone do not fail a run.
        return kept + [Diagnostic(droppedErrors > 0 ? .error : .warning, code: "too-many-diagnostics", at: nil,
                                  "\(source.path) has \(dropped) more problems than the \(YAMLContext.maxDiagnostics) shown"
                                    + (droppedErrors > 0 ? " (\(droppedErrors) of them errors)" : " (all warnings)"),
                                  hint: "fix these and run again")]
    }

    /// Records a diagnostic, filling in its source line (past the cap, only counts it).
    public func add(_ diagnostic: Diagnostic) {
        guard kept.count < YAMLContext.maxDiagnostics else {
            dropped += 1
            if diagnostic.severity == .error { droppedErrors += 1 }
            return
        }
        var d = diagnostic
        if d.sourceLine == nil, let location = d.location, location.file == source.path {
            d.sourceLine = source.line(location.line)
        }
        for i in d.notes.indices where d.notes[i].sourceLine == nil && d.notes[i].location.file == source.path {
            d.notes[i].sourceLine = source.line(d.notes[i].location.line)
        }
        kept.append(d)
    }

    /// An error at a node.
    public func error(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
        add(.error(code, at: location(of: node), message, hint: hint))
    }

    /// A warning at a node.
    public func warning(_ code: String, _ node: Node?, _ message: String, hint: String? = nil) {
        add(.warning(code, at: location(of: node), message, hint: hint))
    }

    /// The source location of a node (line 1 when Yams gave none).
    public func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return source.location(line: 1, column: 1) }
        return source.location(line: mark.line, column: mark.column)
    }

    /// Whether the node is written in flow style (`[a, b]` or `{a: b}`), judged from the
    /// source text (the parser does not keep the style).
    public func isFlow(_ node: Node) -> Bool {
        guard let mark = node.mark, let line = source.line(mark.line) else { return false }
        let scalars = Array(line.unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return false }
        return scalars[mark.column - 1] == "[" || scalars[mark.column - 1] == "{"
    }

    /// Takes one value from the budget; false (and one error) once it is spent.
    func spend(_ node: Node) -> Bool {
        if budget > 0 {
            budget -= 1
            return true
        }
        if !exhausted {
            exhausted = true
            error("too-many-values", node, "the file expands to more than \(maxNodes) values",
                  hint: "YAML aliases (*name) repeat what they name; a report needs few or none")
        }
        return false
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            let line = min(max(1, mark.line), max(1, source.lines.count))
            return source.location(line: line, column: max(1, mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let found = character(at: mark)
            let explained = YAMLContext.explain(problem, found: found, context: context?.text, contextLine: context?.mark.line)
            // Something left open is best shown where it was opened.
            let place = explained.atContext ? (context?.mark).map(at) ?? at(mark) : at(mark)
            return .error("yaml-syntax", at: place, explained.message, hint: explained.hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = at(context.mark)
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: first)
            return .error("duplicate-key", at: second ?? first,
                          "the key \(Quoting.code(key)) appears twice in the same mapping"
                            + (second != nil ? " (first at line \(first.line))" : ""),
                          hint: "keep one of them; to write another entry, start a new item with '- '")
        case .reader(let problem, _, _, _):
            return .error("yaml-syntax", at: source.location(line: 1, column: 1), "cannot read the file: \(problem)")
        default:
            return .error("yaml-syntax", at: source.location(line: 1, column: 1), "cannot parse YAML: \(error)")
        }
    }

    /// The next line after `first` that starts the same key at the same indentation.
    private func secondOccurrence(of key: String, after first: SourceLocation) -> SourceLocation? {
        guard let line = source.line(first.line) else { return nil }
        let indent = line.prefix { $0 == " " || $0 == "-" }.count
        var number = first.line
        while number < source.lines.count {
            number += 1
            let text = source.lines[number - 1]
            let lead = text.prefix { $0 == " " || $0 == "-" }.count
            let rest = text.dropFirst(lead)
            if lead < indent && !rest.isEmpty && !rest.hasPrefix("#") { return nil }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where lead == indent && rest.hasPrefix(candidate + ":") {
                return source.location(line: number, column: lead + 1)
            }
        }
        return nil
    }

    /// The character at a parser mark, if any.
    private func character(at mark: Mark) -> Unicode.Scalar? {
        guard let line = source.line(mark.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        return mark.column >= 1 && mark.column <= scalars.count ? scalars[mark.column - 1] : nil
    }

    /// The parser's complaint reworded for people who edit YAML by hand, what to do, and
    /// whether to point at the place the parser was in (`context`) rather than where it stopped.
    static func explain(_ problem: String, found: Unicode.Scalar?, context: String?, contextLine: Int?)
        -> (message: String, hint: String?, atContext: Bool) {
        let p = problem.lowercased()
        let c = (context ?? "").lowercased()
        if p.contains("maximum nesting level") {
            return ("lists and mappings are nested more than 1000 levels deep",
                    "a report needs a handful of levels; look for a long run of [ or {", false)
        }
        if p.contains("tab") || (found == "\t" && p.contains("cannot start any token")) {
            return ("YAML syntax: a tab is used for indentation", "indent with spaces, not tabs", false)
        }
        if p.contains("mapping values are not allowed") {
            return ("YAML syntax: a ': ' inside a value",
                    "a value containing ': ' must be quoted, e.g. title: \"A: B\"", false)
        }
        if p.contains("found unexpected end of stream") && c.contains("quoted scalar") {
            return ("YAML syntax: this quote is never closed", "end the value with the same quote mark it starts with", true)
        }
        if p.contains("did not find expected ',' or ']'") || p.contains("did not find expected ',' or '}'")
            || (p.contains("unexpected end") && c.contains("flow")) {
            return ("YAML syntax: this [ ] or { } group is not closed",
                    "close the bracket, or quote text that starts with [ or {", true)
        }
        if p.contains("did not find expected key") || p.contains("expected <block end>") || p.contains("did not find expected '-'") {
            return ("YAML syntax: this line is not indented like the lines around it",
                    "line up keys of the same mapping, and '- ' items of the same list, in the same column", false)
        }
        if p.contains("could not find expected ':'") {
            return ("YAML syntax: a key without ': '",
                    "write `key: value`; a value that runs over several lines needs quotes or a '|'", false)
        }
        if p.contains("found undefined alias") {
            return ("YAML syntax: the alias is not defined", "an alias (*name) needs an anchor (&name) above it", false)
        }
        if p.contains("unexpected end") {
            return ("YAML syntax: the file ends too early", "check the last lines of the file", false)
        }
        if p.contains("found character that cannot start any token") {
            let what = found.map { "`\(DiagnosticRenderer.visible($0))`" } ?? "this character"
            return ("YAML syntax: a value may not start with \(what)",
                    "quote the value, e.g. title: \"@name\"", false)
        }
        if p.contains("but found another document") {
            return ("YAML syntax: the file holds more than one document (a second '---')",
                    "remove the '---' line, or move the second part into its own file", false)
        }
        let where_ = context.map { c in " (\(c)\(contextLine.map { " at line \($0)" } ?? ""))" } ?? ""
        return ("YAML syntax: \(problem)\(where_)", nil, false)
    }
}
