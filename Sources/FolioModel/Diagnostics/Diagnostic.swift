/// One problem found in the input, worded like a compiler's: where, what, what to do.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    /// Longest message and hint, in characters (longer ones are cut, quoted values first).
    public static let maxMessage = 500
    public static let maxHint = 600

    public var severity: Severity
    /// A stable identifier for the kind of problem (documented in docs/errors.md).
    public var code: String
    public var location: SourceLocation?
    public var message: String
    /// What to do about it ("did you mean `figures`?").
    public var hint: String?
    /// The offending source line, when the location points into a text file; a cell's
    /// content, when it points into a spreadsheet.
    public var sourceLine: String?
    /// Other places that explain this one (the report.yaml line that names a data file).
    public var notes: [Note] = []

    /// A place related to a diagnostic: `path:line:col: note: message` with its line.
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String
        public var sourceLine: String?

        public init(at location: SourceLocation, _ message: String, sourceLine: String? = nil) {
            self.location = location
            self.message = message
            self.sourceLine = sourceLine
        }
    }

    public init(_ severity: Severity, code: String, at location: SourceLocation?, _ message: String,
                hint: String? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        // One line of sane length, even when a message echoes a huge or multi-line value.
        self.message = Quoting.oneLine(message, max: Diagnostic.maxMessage)
        self.hint = hint.map { Quoting.oneLine($0, max: Diagnostic.maxHint) }
        self.sourceLine = sourceLine
    }

    /// `path:line:col: error: message` (or `error: message` without a location).
    public var description: String {
        let head = location.map { "\($0): " } ?? ""
        return "\(head)\(severity.rawValue): \(message)"
    }

    public static func error(_ code: String, at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, at: location, message, hint: hint)
    }

    public static func warning(_ code: String, at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, at: location, message, hint: hint)
    }
}

/// A set of diagnostics that stopped a step; thrown when at least one is an error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedForDisplay()
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column; diagnostics without a location come first.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Whether any of them is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
