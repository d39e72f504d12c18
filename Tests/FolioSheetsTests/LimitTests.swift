import FolioSheets
import Foundation
import Testing

/// Data files are held to bounds like report.yaml: their size on disk, the cells read,
/// and what an XLSX (a zip) inflates to, declared and actual.
@Suite("Limits on data files")
struct LimitTests {
    @Test("a file larger than the limit is not read")
    func fileSize() throws {
        let limits = SheetLimits(maxFileBytes: 1000)
        #expect { try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx", limits: limits) }
            throws: { ($0 as? SheetProblem)?.code == "data-too-large" }
        #expect { try CSVTable.read(path: try SheetFixtures.path("rank.csv"), file: "rank.csv", limits: SheetLimits(maxFileBytes: 10)) }
            throws: { ($0 as? SheetProblem)?.code == "data-too-large" }
    }

    @Test("the sizes the zip declares are bounded before anything is inflated")
    func declaredSize() throws {
        #expect { try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx", limits: SheetLimits(maxUnpackedBytes: 5000)) }
            throws: { error in
                let p = error as? SheetProblem
                return p?.code == "data-too-large" && p?.message.contains("would unpack to") == true
            }
        let book = try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx", limits: SheetLimits(maxPartBytes: 1500))
        #expect { try book.sheet("formats") } throws: { error in
            let p = error as? SheetProblem
            return p?.code == "data-too-large" && p?.message.contains("the limit is 1500 bytes") == true
        }
    }

    @Test("a part that inflates to more than its zip entry declares is stopped while inflating")
    func lyingZip() throws {
        let path = try SheetFixtures.path("liar.xlsx")
        #expect { try Workbook(path: path, file: "liar.xlsx").sheet("高企") } throws: { error in
            let p = error as? SheetProblem
            return p?.code == "data-too-large" && p?.message.contains("inflates to more than its declared") == true
        }
    }

    @Test("the number of cells of a sheet and of fields of a CSV file")
    func cells() throws {
        let book = try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx", limits: SheetLimits(maxCells: 12))
        #expect { try book.sheet("formats") } throws: { ($0 as? SheetProblem)?.code == "data-too-large" }
        #expect(try book.sheet("高企").cells.count == 12) // exactly the limit: read
        #expect { try CSVTable.read(path: try SheetFixtures.path("rank.csv"), file: "rank.csv", limits: SheetLimits(maxCells: 5)) }
            throws: { ($0 as? SheetProblem)?.code == "data-too-large" }
    }

    @Test("a chart's range is at most 1000 categories and 100 series: a whole big sheet by mistake is an error")
    func chartSize() throws {
        var cells: [CellAddress: SheetCell] = [:]
        for r in 1...1_002 {
            for c in 1...2 {
                let a = CellAddress(row: r, column: c)
                cells[a] = SheetCell(place: .cell(sheet: "大表", address: a), value: r == 1 || c == 1 ? .text("x\(r)") : .number(Double(r)))
            }
        }
        let sheet = Sheet(name: "大表", cells: cells) { .cell(sheet: "大表", address: $0) }
        let (table, problems) = ChartTable.read(sheet, range: nil, file: "big.xlsx")
        #expect(table == nil && problems.map(\.code) == ["data-too-large"])
        #expect(problems.first?.message == "the range A1:B1002 of '大表' holds 1001 rows and 1 columns of values; a chart draws at most 1000 categories and 100 series")
        let (fits, none) = ChartTable.read(sheet, range: CellRange("A1:B1001"), file: "big.xlsx")
        #expect(none.isEmpty && fits?.categories.count == 1_000)
    }
}
