/// The cells of one worksheet (or of a CSV file) that hold something.
public struct Sheet: Hashable, Sendable {
    /// The sheet's name (the file name for CSV).
    public var name: String
    public var cells: [CellAddress: SheetCell]
    /// Where a cell the file does not hold is (a worksheet's cell, or a place in a CSV line).
    var place: @Sendable (CellAddress) -> SheetPlace

    public init(name: String, cells: [CellAddress: SheetCell], place: @escaping @Sendable (CellAddress) -> SheetPlace) {
        self.name = name
        self.cells = cells
        self.place = place
    }

    /// Same name and cells (how places are made does not count).
    public static func == (a: Sheet, b: Sheet) -> Bool { a.name == b.name && a.cells == b.cells }
    public func hash(into h: inout Hasher) { h.combine(name); h.combine(cells.count) }

    /// The smallest range holding every cell that is not empty; nil for an empty sheet.
    public var usedRange: CellRange? {
        let filled = cells.filter { !$0.value.isEmpty }.keys
        guard let first = filled.first else { return nil }
        var lo = first, hi = first
        for a in filled {
            lo = CellAddress(row: min(lo.row, a.row), column: min(lo.column, a.column))
            hi = CellAddress(row: max(hi.row, a.row), column: max(hi.column, a.column))
        }
        return CellRange(start: lo, end: hi)
    }

    /// The cell at `a` (an empty one where the file has none).
    public subscript(_ a: CellAddress) -> SheetCell {
        cells[a] ?? SheetCell(place: place(a), value: .empty)
    }

    /// The cells of `range`, row by row.
    public func grid(_ range: CellRange) -> [[SheetCell]] {
        (range.start.row...range.end.row).map { r in
            (range.start.column...range.end.column).map { c in self[CellAddress(row: r, column: c)] }
        }
    }
}
