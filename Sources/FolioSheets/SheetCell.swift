/// What a cell holds, as the file stores it.
public enum CellValue: Hashable, Sendable {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
    /// A formula whose result was never saved (files written by a script and never opened
    /// in a spreadsheet program).
    case unsavedFormula(String)
}

/// One cell read from a sheet or a CSV file: where it is, what it holds, how it is shown.
public struct SheetCell: Hashable, Sendable {
    public var place: SheetPlace
    public var value: CellValue
    /// The number format code (`0.0%`, `yyyy-mm-dd`, `General`); `General` for CSV.
    public var format: String
    /// The formula, without `=`, when the cell holds one.
    public var formula: String?

    public init(place: SheetPlace, value: CellValue, format: String = "General", formula: String? = nil) {
        self.place = place
        self.value = value
        self.format = format
        self.formula = formula
    }

    public var isEmpty: Bool {
        if case .empty = value { return true }
        if case .text(let t) = value { return t.allSatisfy(\.isWhitespace) }
        return false
    }

    /// The cell as a spreadsheet program shows it: the number format applied to a number,
    /// text as written, `TRUE`/`FALSE`, the error code; "" for an empty cell.
    public var display: String {
        switch value {
        case .empty: return ""
        case .number(let n): return CellFormat(format).display(n)
        case .text(let t): return t.trimmingCharacters(in: .whitespacesAndNewlines)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .unsavedFormula: return ""
        }
    }

    /// The content as written in the file, for diagnostics: the formula with its saved
    /// value, or the value.
    public var content: String {
        let shown: String
        switch value {
        case .number(let n): shown = CellFormat.general(n)
        case .unsavedFormula: shown = "(no saved value)"
        default: shown = display
        }
        return formula.map { "=\($0) → \(shown)" } ?? shown
    }

    /// The number a chart draws from this cell: a number (a percentage as its percent
    /// figure, as it is shown: 0.364 formatted `0.0%` is 36.4), or a number written as
    /// text (`5300`, `5,300`, `36.4%`); nil for an empty cell; a problem otherwise.
    public func chartNumber() -> Result<Double?, SheetProblem> {
        switch value {
        case .empty:
            return .success(nil)
        case .number(let n):
            let format = CellFormat(self.format)
            if format.isDate {
                return .failure(SheetProblem(code: "cell-not-number", at: place, "\(quoted(display)) is a date, not a number",
                                             hint: "a chart draws numbers; put dates in the first column, as categories",
                                             content: content))
            }
            return .success(format.isPercent ? (n * 100 * 1e12).rounded() / 1e12 : n)
        case .text(let t):
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .success(nil) }
            if let n = CellFormat.parseNumber(trimmed) { return .success(n) }
            return .failure(SheetProblem(code: "cell-not-number", at: place, "\(quoted(trimmed)) is not a number",
                                         hint: CellFormat.numberHint(trimmed), content: content))
        case .bool(let b):
            return .failure(SheetProblem(code: "cell-not-number", at: place, "\(b ? "TRUE" : "FALSE") is not a number",
                                         hint: "write the number, or leave the cell empty for a gap", content: content))
        case .error(let e):
            return .failure(SheetProblem(code: "cell-error", at: place, "the cell shows the error \(e)",
                                         hint: "fix the formula in the spreadsheet and save it again", content: content))
        case .unsavedFormula(let f):
            return .failure(unsavedFormula(f))
        }
    }

    /// The problem of a formula without a saved result.
    func unsavedFormula(_ f: String) -> SheetProblem {
        SheetProblem(code: "cell-no-value", at: place, "the formula =\(f) has no saved result",
                     hint: "open the file in Excel or LibreOffice and save it, so its results are stored", content: content)
    }

    private func quoted(_ s: String) -> String { "'\(s.count > 60 ? String(s.prefix(60)) + "…" : s)'" }
}
