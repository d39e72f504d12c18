/// A place in a source file: path as the user gave it, 1-based line and column
/// (columns count Unicode characters). In a spreadsheet, a cell (`高企!C3`): `line` and
/// `column` are then its row and column number, for sorting.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The cell of a spreadsheet, `高企!C3`, shown instead of the line and column.
    public var cell: String?

    public init(file: String, line: Int, column: Int, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    /// `file:line:col`, or `file:sheet!cell` in a spreadsheet.
    public var description: String { cell.map { "\(file):\($0)" } ?? "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
