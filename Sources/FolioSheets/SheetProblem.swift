/// Where in a data file a problem is.
public enum SheetPlace: Hashable, Sendable {
    /// The file as a whole.
    case file
    /// A cell of a worksheet: `高企!C3`.
    case cell(sheet: String, address: CellAddress)
    /// A place in a text file (CSV): 1-based line and column, and that line's text.
    case text(line: Int, column: Int, lineText: String)

    /// `高企!C3` for a cell; nil otherwise.
    public var cellName: String? {
        if case .cell(let sheet, let address) = self { return "\(SheetPlace.quotedSheet(sheet))!\(address)" }
        return nil
    }

    /// A sheet name as a formula writes it: quoted when it has spaces or punctuation.
    static func quotedSheet(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'\(name.replacingOccurrences(of: "'", with: "''"))'"
    }
}

/// A problem found in a data file: a stable code (documented in docs/errors.md), where,
/// what, what to do, and the cell's content as written.
public struct SheetProblem: Error, Hashable, Sendable {
    public var code: String
    public var place: SheetPlace
    public var message: String
    public var hint: String?
    /// The offending cell's content as the file holds it (a formula is shown with `=`).
    public var content: String?

    public init(code: String, at place: SheetPlace = .file, _ message: String, hint: String? = nil, content: String? = nil) {
        self.code = code
        self.place = place
        self.message = message
        self.hint = hint
        self.content = content
    }
}
