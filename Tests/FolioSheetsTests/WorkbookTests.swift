import FolioSheets
import FolioTestSupport
import Foundation
import Testing

/// XLSX files as openpyxl writes them (inline strings, formulas without results) and as
/// Excel does (shared strings, saved results): every kind of cell a statistics sheet holds.
@Suite("Reading XLSX workbooks")
struct WorkbookTests {
    func book() throws -> Workbook {
        try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx")
    }

    @Test("sheet names in workbook order, Chinese names included; the first sheet is the default")
    func sheetNames() throws {
        let b = try book()
        #expect(b.sheetNames == ["高企", "formats", "formulas", "inline", "bad", "空表"])
        #expect(try b.sheet(nil).name == "高企")
    }

    @Test("shared strings (headers, categories) and numbers, read into a chart table")
    func sharedStrings() throws {
        let sheet = try book().sheet("高企")
        let (table, problems) = ChartTable.read(sheet, range: CellRange("A1:C3"), file: "stats.xlsx")
        #expect(problems.isEmpty)
        #expect(table?.categories == ["2021", "2022"])
        #expect(table?.series.map(\.name) == ["高新技术企业", "新认定"])
        #expect(table?.series.map(\.values) == [[3886, 5300], [893, 1500]])
    }

    @Test("the used range is the default: with the growth row, percentages become their percent figure")
    func usedRange() throws {
        let sheet = try book().sheet("高企")
        #expect(sheet.usedRange?.description == "A1:C4")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "stats.xlsx")
        #expect(problems.isEmpty)
        #expect(table?.categories == ["2021", "2022", "增幅"])
        #expect(table?.series.map(\.values) == [[3886, 5300, 36.4], [893, 1500, 68]])
    }

    @Test("inline strings, and an empty cell as a gap (null)")
    func inlineStringsAndGaps() throws {
        let sheet = try book().sheet("inline")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "stats.xlsx")
        #expect(problems.isEmpty)
        #expect(table?.categories == ["宁波", "杭州"])
        #expect(table?.series.map(\.name) == ["甲", "乙"])
        #expect(table?.series.map(\.values) == [[1, 2], [nil, 4]])
    }

    @Test("a formula gives its saved result; a formula never saved by a spreadsheet program is a located problem")
    func formulas() throws {
        let sheet = try book().sheet("formulas")
        let b3 = sheet[CellAddress("B3")!]
        #expect(b3.formula == "B2+1414")
        #expect(b3.value == .number(5300))
        #expect(b3.content == "=B2+1414 → 5300")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "stats.xlsx")
        #expect(table == nil)
        #expect(problems.map(\.code) == ["cell-no-value"])
        #expect(problems.first?.place.cellName == "formulas!C3")
        #expect(problems.first?.message == "the formula =B3*2 has no saved result")
        #expect(problems.first?.hint?.contains("save it") == true)
    }

    @Test("every bad cell of a range is reported at its cell, with its content")
    func badCells() throws {
        let sheet = try book().sheet("bad")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "stats.xlsx")
        #expect(table == nil)
        let found = problems.map { "\($0.place.cellName ?? "?") \($0.code) \($0.message)" }
        #expect(found == [
            "bad!C3 cell-not-number '893家' is not a number",
            "bad!B4 cell-not-number TRUE is not a number",
            "bad!C4 cell-error the cell shows the error #DIV/0!",
            "bad!B5 cell-not-number '2024-01-01' is a date, not a number",
        ])
        #expect(problems.first?.hint == "write the number alone (893) and put the unit in the chart's `unit:`; leave the cell empty for a gap")
        #expect(problems.first?.content == "893家")
    }

    @Test("a missing sheet lists the sheets there are")
    func missingSheet() throws {
        #expect {
            try book().sheet("高新")
        } throws: { error in
            let p = error as? SheetProblem
            return p?.code == "no-sheet" && p?.message == "stats.xlsx has no sheet '高新'"
                && p?.hint == "the sheets are '高企', 'formats', 'formulas', 'inline', 'bad', '空表'"
        }
    }

    @Test("an empty sheet, and an empty range, say where the cells are")
    func emptyRanges() throws {
        let b = try book()
        let (_, empty) = ChartTable.read(try b.sheet("空表"), range: nil, file: "stats.xlsx")
        #expect(empty.map(\.code) == ["empty-range"])
        #expect(empty.first?.message == "the sheet '空表' of stats.xlsx is empty")
        let (_, outside) = ChartTable.read(try b.sheet("高企"), range: CellRange("F10:H12"), file: "stats.xlsx")
        #expect(outside.first?.message == "the range F10:H12 of '高企' in stats.xlsx is empty")
        #expect(outside.first?.hint == "the sheet's cells are in A1:C4")
    }

    @Test("a workbook with only shared strings and no styles: its first sheet and used range")
    func defaults() throws {
        let b = try Workbook(path: try SheetFixtures.path("rank.xlsx"), file: "rank.xlsx")
        let (table, problems) = ChartTable.read(try b.sheet(nil), range: nil, file: "rank.xlsx")
        #expect(problems.isEmpty)
        #expect(table?.categories == ["2020", "2021"])
        #expect(table?.series.first?.name == "综合排名")
        #expect(table?.series.first?.values == [15, 13])
    }

    @Test("a file that is not a workbook")
    func notAWorkbook() throws {
        #expect {
            try Workbook(path: try SheetFixtures.path("rank.csv"), file: "rank.csv")
        } throws: { ($0 as? SheetProblem)?.code == "bad-xlsx" }
    }

    @Test("the committed workbooks (Tests/Fixtures/sheets, the example report's) hold what the script writes today")
    func committedCopies() throws {
        let example = TestSupport.temporaryDirectory("example") + "/stats.xlsx"
        try SheetFixtures.writeExample(to: example)
        let pairs = [(try SheetFixtures.path("stats.xlsx"), TestSupport.path("Tests/Fixtures/sheets/stats.xlsx")),
                     (example, TestSupport.path("Reports/ningbo-2022-sheets/data/stats.xlsx"))]
        for (fresh, committed) in pairs {
            let a = try Workbook(path: fresh, file: "fresh"), b = try Workbook(path: committed, file: "committed")
            #expect(a.sheetNames == b.sheetNames, "\(committed)")
            for name in a.sheetNames {
                #expect(try a.sheet(name).cells == b.sheet(name).cells, "\(committed) \(name)")
            }
        }
        let liar = try #require(FileManager.default.contents(atPath: TestSupport.path("Tests/Fixtures/sheets/liar.xlsx")))
        #expect(liar.count == (try FileManager.default.attributesOfItem(atPath: try SheetFixtures.path("liar.xlsx"))[.size] as? Int))
    }
}
