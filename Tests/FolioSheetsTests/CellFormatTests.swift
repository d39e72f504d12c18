import FolioSheets
import Foundation
import Testing

/// Number formats as the cells of a real file carry them (sheet `formats`: the code in
/// column A, a value formatted with it in column B), shown as a spreadsheet shows them.
@Suite("Number formats")
struct CellFormatTests {
    @Test("each format of the file shows its value as Excel does")
    func formatsSheet() throws {
        let sheet = try Workbook(path: try SheetFixtures.path("stats.xlsx"), file: "stats.xlsx").sheet("formats")
        let expected: [String: String] = [
            "A1": "5300", "A2": "36.4", "A3": "5300", "A4": "36.4", "A5": "5,300", "A6": "1,234,567.89",
            "A7": "68%", "A8": "36.4%", "A9": "2.60E+05", "A10": "5300家", "A11": "26万",
            "A12": "2022-12-29", "A13": "2022年12月29日", "A14": "2022-10", "A15": "-2.3",
        ]
        for (codeCell, shown) in expected.sorted(by: { $0.key < $1.key }) {
            let row = CellAddress(codeCell)!.row
            let cell = sheet[CellAddress(row: row, column: 2)]
            let code = sheet[CellAddress(row: row, column: 1)].display
            #expect(cell.format == code, "row \(row)")
            #expect(cell.display == shown, "row \(row): \(code)")
        }
    }

    @Test("General: integers without a point, fractions to ten digits, no float noise")
    func general() {
        #expect(CellFormat.general(5300) == "5300")
        #expect(CellFormat.general(36.4) == "36.4")
        #expect(CellFormat.general(0.1 + 0.2) == "0.3")
        #expect(CellFormat.general(-12.5) == "-12.5")
        #expect(CellFormat("General").display(1500) == "1500")
    }

    @Test("rounding is half away from zero on the decimal value, as Excel's")
    func rounding() {
        #expect(CellFormat("0.0").display(36.45) == "36.5")
        #expect(CellFormat("0").display(2.5) == "3")
        #expect(CellFormat("0").display(-2.5) == "-3")
        #expect(CellFormat("0.0%").display(0.3645) == "36.5%")
    }

    @Test("text that holds a number: plain, grouped, percent; anything else is not a number")
    func textNumbers() {
        #expect(CellFormat.parseNumber("5300") == 5300)
        #expect(CellFormat.parseNumber("5,300") == 5300)
        #expect(CellFormat.parseNumber("36.4%") == 36.4)
        #expect(CellFormat.parseNumber(" -1.5 ") == -1.5)
        #expect(CellFormat.parseNumber("893家") == nil)
        #expect(CellFormat.parseNumber("5,30") == nil)
        #expect(CellFormat.parseNumber("nan") == nil)
    }

    @Test("cell addresses and ranges")
    func addresses() {
        #expect(CellAddress("B4") == CellAddress(row: 4, column: 2))
        #expect(CellAddress("$AA$10") == CellAddress(row: 10, column: 27))
        #expect(CellAddress("4B") == nil && CellAddress("B0") == nil && CellAddress("高企") == nil)
        #expect(CellRange("C4:A1")?.description == "A1:C4")
        #expect(CellRange("A1-C4") == nil)
        #expect(CellAddress.columnName(16_384) == "XFD")
    }
}
