import FolioSheets
import FolioTestSupport
import Foundation
import Testing

@Suite("Reading CSV files")
struct CSVTests {
    @Test("a header row, quoted fields with commas, CRLF lines, an empty field as a gap")
    func table() throws {
        let sheet = try CSVTable.read(path: try SheetFixtures.path("rank.csv"), file: "rank.csv")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "rank.csv")
        #expect(problems.isEmpty)
        #expect(table?.categories == ["2020", "2021"])
        #expect(table?.series.map(\.name) == ["综合排名", "备注, 引号"])
        #expect(table?.series.map(\.values) == [[15, 13], [nil, 7]])
    }

    @Test("a field that is not a number is reported at its line and column, with the line")
    func badField() throws {
        let sheet = try CSVTable.read(path: try SheetFixtures.path("bad.csv"), file: "bad.csv")
        let (_, problems) = ChartTable.read(sheet, range: nil, file: "bad.csv")
        #expect(problems.count == 1)
        #expect(problems.first?.place == .text(line: 3, column: 6, lineText: "2022,1500家"))
        #expect(problems.first?.message == "'1500家' is not a number")
    }

    @Test("a quote never closed is reported where it opens")
    func unclosedQuote() throws {
        #expect {
            try CSVTable.read(path: try SheetFixtures.path("unclosed.csv"), file: "unclosed.csv")
        } throws: { error in
            let p = error as? SheetProblem
            return p?.code == "bad-csv" && p?.place == .text(line: 2, column: 6, lineText: "2021,\"893")
        }
    }

    @Test("a file that is not UTF-8 names the line and how to save it")
    func notUTF8() throws {
        #expect {
            try CSVTable.read(path: try SheetFixtures.path("latin1.csv"), file: "latin1.csv")
        } throws: { error in
            let p = error as? SheetProblem
            return p?.code == "bad-csv" && p?.message == "latin1.csv is not UTF-8 text (line 3)" && p?.hint?.contains("CSV UTF-8") == true
        }
    }

    @Test("Excel's UTF-8 mark is skipped; a blank line between rows is not a category")
    func bomAndBlankLines() throws {
        let path = TestSupport.temporaryDirectory("csv") + "/a.csv"
        try Data([0xEF, 0xBB, 0xBF] + Array("年份,值\r\n2020,1\r\n\r\n2021,\"2\"\r\n\r\n".utf8)).write(to: URL(fileURLWithPath: path))
        let sheet = try CSVTable.read(path: path, file: "a.csv")
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "a.csv")
        #expect(problems.isEmpty, "\(problems)")
        #expect(table?.categories == ["2020", "2021"])
        #expect(table?.series.first?.name == "值")
        #expect(table?.series.first?.values == [1, 2])
        #expect(sheet[CellAddress("B4")!].place == .text(line: 4, column: 6, lineText: "2021,\"2\""))
    }
}
