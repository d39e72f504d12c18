/// A chart's numbers read from a range of a sheet: the first row names the series (its
/// first cell is ignored), the first column holds the categories, the rest are values
/// (an empty cell is a gap; a wholly empty row is skipped).
public struct ChartTable: Hashable, Sendable {
    public var categories: [String]
    public var series: [(name: String, values: [Double?])]
    /// The range read, as `A1:C4`.
    public var range: CellRange
    /// Where each value of each series is, for problems found later (a negative donut slice).
    public var places: [[SheetPlace]] = []

    public static func == (a: ChartTable, b: ChartTable) -> Bool {
        a.categories == b.categories && a.range == b.range && a.series.map(\.name) == b.series.map(\.name)
            && a.series.map(\.values) == b.series.map(\.values)
    }

    public func hash(into h: inout Hasher) { h.combine(categories); h.combine(range) }

    /// The most categories (rows) and series (columns) a chart is read with: far more
    /// than a page can show, and few enough that a range that takes in a whole sheet by
    /// mistake is an error, not minutes of layout.
    public static let maxCategories = 1_000
    public static let maxSeries = 100

    /// Reads `range` of `sheet` (its used range when nil). Every problem of every cell is
    /// returned, not just the first.
    public static func read(_ sheet: Sheet, range wanted: CellRange?, file: String) -> (ChartTable?, [SheetProblem]) {
        guard let used = sheet.usedRange else {
            return (nil, [SheetProblem(code: "empty-range", at: sheet.place(CellAddress(row: 1, column: 1)),
                                       "the sheet '\(sheet.name)' of \(file) is empty", hint: "the chart's numbers start in its first cell, A1")])
        }
        let range = wanted ?? used
        if wanted != nil, !sheet.cells.contains(where: { range.contains($0.key) && !$0.value.isEmpty }) {
            return (nil, [SheetProblem(code: "empty-range", at: sheet.place(range.start),
                                       "the range \(range) of '\(sheet.name)' in \(file) is empty",
                                       hint: "the sheet's cells are in \(used)")])
        }
        guard range.rows >= 2, range.columns >= 2 else {
            return (nil, [SheetProblem(code: "empty-range", at: sheet.place(range.start),
                                       "the range \(range) of '\(sheet.name)' has \(range.rows) row\(range.rows == 1 ? "" : "s") and \(range.columns) column\(range.columns == 1 ? "" : "s"); a chart needs a header row and a column of categories",
                                       hint: "the first row names the series, the first column holds the categories; the sheet's cells are in \(used)")])
        }
        if range.rows - 1 > maxCategories || range.columns - 1 > maxSeries {
            return (nil, [SheetProblem(code: "data-too-large", at: sheet.place(range.start),
                                       "the range \(range) of '\(sheet.name)' holds \(range.rows - 1) rows and \(range.columns - 1) columns of values; a chart draws at most \(maxCategories) categories and \(maxSeries) series",
                                       hint: "give the chart's `range:`, e.g. range: A1:C4")])
        }
        let grid = sheet.grid(range)
        var problems: [SheetProblem] = []
        var names: [String] = []
        for cell in grid[0].dropFirst() {
            if cell.isEmpty {
                problems.append(SheetProblem(code: "empty-value", at: cell.place, "the series name is empty",
                                             hint: "the first row names each column's series"))
            }
            names.append(cell.display)
        }
        var categories: [String] = []
        var values = Array(repeating: [Double?](), count: names.count)
        var places = Array(repeating: [SheetPlace](), count: names.count)
        for row in grid.dropFirst() where !row.allSatisfy(\.isEmpty) { // a blank row is a spacer, not a category
            let label = row[0]
            if label.isEmpty {
                problems.append(SheetProblem(code: "empty-value", at: label.place, "the category is empty",
                                             hint: "the first column holds the categories (years, places)"))
            } else if categories.contains(label.display) {
                problems.append(SheetProblem(code: "duplicate-id", at: label.place, "the category '\(label.display)' appears twice",
                                             hint: "each row is one category"))
            }
            categories.append(label.display)
            for (i, cell) in row.dropFirst().enumerated() {
                places[i].append(cell.place)
                switch cell.chartNumber() {
                case .success(let n): values[i].append(n)
                case .failure(let p): problems.append(p)
                }
            }
        }
        for (i, name) in names.enumerated() where !name.isEmpty && values[i].count == categories.count && values[i].allSatisfy({ $0 == nil }) {
            problems.append(SheetProblem(code: "empty-list", at: grid[0][i + 1].place, "the series '\(name)' has no values: every cell is empty",
                                         hint: "give at least one value, or leave the column out of the range"))
        }
        var table = ChartTable(categories: categories, series: zip(names, values).map { ($0, $1) }, range: range)
        table.places = places
        return (problems.isEmpty ? table : nil, problems)
    }

    public init(categories: [String], series: [(name: String, values: [Double?])], range: CellRange) {
        self.categories = categories
        self.series = series
        self.range = range
    }
}
