/// A cell of a sheet, `B4`: 1-based row and column.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    /// The cell at a 1-based row and column.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B4` (letters then digits, `$` allowed as in `$B$4`); nil otherwise.
    public init?(_ text: String) {
        var letters = 0, digits = 0, column = 0, row = 0
        for s in text.unicodeScalars where s != "$" {
            switch s.value {
            case 0x41...0x5A, 0x61...0x7A:
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((s.value | 0x20) - 0x61) + 1
                letters += 1
            case 0x30...0x39:
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(s.value - 0x30)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellAddress.maxRow, column <= CellAddress.maxColumn else { return nil }
        self.row = row
        self.column = column
    }

    /// The largest row and column of a worksheet (Excel's: 1,048,576 and XFD).
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    /// `A`, `B`, …, `Z`, `AA`, … for a 1-based column.
    public static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    public var description: String { "\(CellAddress.columnName(column))\(row)" }

    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells, `A1:C4` (a single cell `B4` is a range of one).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var start: CellAddress
    public var end: CellAddress

    /// The range between two corners, in any order.
    public init(start: CellAddress, end: CellAddress) {
        self.start = CellAddress(row: min(start.row, end.row), column: min(start.column, end.column))
        self.end = CellAddress(row: max(start.row, end.row), column: max(start.column, end.column))
    }

    /// Parses `A1:C4` or `B4`; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellAddress(String(parts[0])),
              let b = parts.count == 2 ? CellAddress(String(parts[1])) : a else { return nil }
        self.init(start: a, end: b)
    }

    /// How many rows and columns the range spans.
    public var rows: Int { end.row - start.row + 1 }
    public var columns: Int { end.column - start.column + 1 }

    /// Whether the cell lies inside the range.
    public func contains(_ a: CellAddress) -> Bool {
        (start.row...end.row).contains(a.row) && (start.column...end.column).contains(a.column)
    }

    public var description: String { start == end ? start.description : "\(start):\(end)" }
}
