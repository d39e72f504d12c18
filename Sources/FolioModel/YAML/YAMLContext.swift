import Foundation
import Yams

/// Reading state for one YAML file: its source, the diagnostics found so far, and the
/// budget of values that may still be visited (so aliases cannot blow up).
public final class YAMLContext {
    public let source: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []
    private var budget: Int
    private var exhausted = false
    /// Diagnostics kept before the rest are summarised.
    public static let maxDiagnostics = 200

    public init(source: SourceFile, limits: InputLimits) {
        self.source = source
        self.budget = limits.maxNodes
    }

    /// Parses the file into a YAML node tree. YAML syntax errors become diagnostics.
    public func parse() -> Node? {
        if let problem = AliasScan.findAliasKey(in: source) {
            add(Diagnostic(.error, code: "yaml-alias-key", at: problem, "an alias may not be used as a mapping key",
                           hint: "write the key out in full", sourceLine: source.line(problem.line)))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: source.text) else {
                add(.error("empty-file", at: source.location(line: 1, column: 1), "the file is empty",
                           hint: "run `folio init` to start from a commented example"))
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

    /// Records a diagnostic (past the cap, only a count is kept).
    public func add(_ diagnostic: Diagnostic) {
        var d = diagnostic
        if d.sourceLine == nil, let location = d.location, location.file == source.path {
            d.sourceLine = source.line(location.line)
        }
        if diagnostics.count < YAMLContext.maxDiagnostics {
            diagnostics.append(d)
        } else if diagnostics.count == YAMLContext.maxDiagnostics {
            diagnostics.append(.error("too-many-diagnostics", at: nil,
                                      "more than \(YAMLContext.maxDiagnostics) problems; stopping here",
                                      hint: "fix the first ones and run again"))
        }
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

    /// Takes one value from the budget; false (and one error) once it is spent.
    func spend(_ node: Node) -> Bool {
        if budget > 0 {
            budget -= 1
            return true
        }
        if !exhausted {
            exhausted = true
            error("too-many-values", node, "the file expands to too many values (YAML aliases?)",
                  hint: "a report needs no aliases; write the values out")
        }
        return false
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { source.location(line: max(1, mark.line), column: max(1, mark.column)) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error("yaml-syntax", at: at(mark), message, hint: YAMLContext.hint(for: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate-key", at: at(context.mark), "the key \(keys) appears twice in the same mapping",
                          hint: "keep one of them")
        case .reader(let problem, _, _, _):
            return .error("yaml-syntax", at: source.location(line: 1, column: 1), "cannot read the file: \(problem)")
        default:
            return .error("yaml-syntax", at: source.location(line: 1, column: 1), "cannot parse YAML: \(error)")
        }
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return "a value containing ': ' must be quoted, e.g. title: \"A: B\""
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return "check the indentation of this line against the lines above"
        }
        if problem.contains("found undefined alias") { return "an alias (*name) needs an anchor (&name) above it" }
        return nil
    }
}

/// Finds `*alias` used as a mapping key, which Yams would hash in full while parsing
/// (a "billion laughs" file would then hang the parser).
enum AliasScan {
    static func findAliasKey(in source: SourceFile) -> SourceLocation? {
        guard source.text.contains("*") else { return nil }
        for (index, line) in source.lines.enumerated() {
            let chars = Array(line)
            var i = 0
            var quote: Character?
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if c == q { quote = nil }
                    i += 1
                    continue
                }
                if c == "\"" || c == "'" { quote = c; i += 1; continue }
                if c == "#" && (i == 0 || chars[i - 1] == " ") { break }
                let atTokenStart = i == 0 || " \t[{,?-".contains(chars[i - 1])
                if (c == "*" || c == "?") && atTokenStart {
                    if c == "?" {
                        if i + 1 == chars.count || chars[i + 1] == " " {
                            return source.location(line: index + 1, column: i + 1)
                        }
                    } else {
                        var j = i + 1
                        while j < chars.count, !" \t,:]}".contains(chars[j]) { j += 1 }
                        while j < chars.count, chars[j] == " " { j += 1 }
                        if j < chars.count, chars[j] == ":" {
                            return source.location(line: index + 1, column: i + 1)
                        }
                    }
                }
                i += 1
            }
        }
        return nil
    }
}
