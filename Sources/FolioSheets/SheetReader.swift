import Foundation
import SWXMLHash

/// Reads the cells of a worksheet part: shared and inline strings, numbers, booleans,
/// errors, formulas with their saved results, and each cell's number format.
struct SheetReader {
    let name: String
    let file: String
    let limits: SheetLimits
    let strings: [String]
    let formats: [String]
    let date1904: Bool

    func read(_ doc: XMLIndexer) throws -> Sheet {
        var cells: [CellAddress: SheetCell] = [:]
        let sheetName = name
        var count = 0
        var rowNumber = 0
        for row in doc["worksheet"]["sheetData"]["row"].all {
            rowNumber = Int(row.element?.attribute(by: "r")?.text ?? "") ?? rowNumber + 1
            var column = 0
            for c in row["c"].all {
                guard let e = c.element else { continue }
                count += 1
                if count > limits.maxCells {
                    throw SheetProblem(code: "data-too-large", "\(file): the sheet '\(name)' has more than \(limits.maxCells) cells",
                                       hint: "keep the report's numbers in a small sheet of their own")
                }
                let address: CellAddress
                if let r = e.attribute(by: "r")?.text, let a = CellAddress(r) {
                    address = a
                } else {
                    address = CellAddress(row: rowNumber, column: column + 1)
                }
                column = address.column
                let style = Int(e.attribute(by: "s")?.text ?? "0") ?? 0
                var format = formats.indices.contains(style) ? formats[style] : "General"
                let type = e.attribute(by: "t")?.text ?? "n"
                let formula = c["f"].element?.text
                let raw = c["v"].element?.text
                let place = SheetPlace.cell(sheet: name, address: address)
                var value: CellValue
                switch type {
                case "s":
                    if let raw, let i = Int(raw), strings.indices.contains(i) {
                        value = .text(strings[i])
                    } else {
                        throw SheetProblem(code: "bad-xlsx", at: place, "the cell refers to shared string \(raw ?? "(none)"), which the file does not have",
                                           hint: "the file is damaged; save it again from a spreadsheet program")
                    }
                case "inlineStr":
                    value = .text(Workbook.text(of: c["is"]))
                case "str":
                    value = raw.map(CellValue.text) ?? .unsavedFormula(formula ?? "")
                case "b":
                    value = .bool(raw == "1" || raw == "true")
                case "e":
                    value = .error(raw ?? "#VALUE!")
                case "d":
                    // An ISO 8601 date stored as text: shown as its date part unless formatted.
                    value = .text(raw ?? "")
                    if let serial = raw.flatMap(SheetReader.serial(iso:)) {
                        value = .number(serial)
                        if !CellFormat(format).isDate { format = "yyyy-mm-dd" }
                    }
                default:
                    if let raw, !raw.isEmpty {
                        guard let n = Double(raw), n.isFinite else {
                            throw SheetProblem(code: "bad-xlsx", at: place, "the cell holds '\(raw)', which is not a number",
                                               hint: "the file is damaged; save it again from a spreadsheet program")
                        }
                        value = .number(date1904 && CellFormat(format).isDate ? n + 1462 : n)
                    } else if let formula, !formula.isEmpty {
                        value = .unsavedFormula(formula)
                    } else {
                        value = .empty
                    }
                }
                let cell = SheetCell(place: place, value: value, format: format, formula: formula.flatMap { $0.isEmpty ? nil : $0 })
                cells[address] = cell
            }
        }
        return Sheet(name: name, cells: cells, place: { .cell(sheet: sheetName, address: $0) })
    }

    /// The serial day number of `2022-12-29` or `2022-12-29T08:00:00`.
    static func serial(iso: String) -> Double? {
        let parts = iso.split(separator: "T")
        let d = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        guard d.count == 3 else { return nil }
        let (y, m, day) = (d[0], d[1], d[2])
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let unixDays = era * 146_097 + doe - 719_468
        var serial = Double(unixDays + 25569)
        if parts.count > 1 {
            let t = parts[1].split(separator: ":").compactMap { Double($0.prefix { $0 != "Z" && $0 != "+" }) }
            if t.count >= 2 { serial += (t[0] * 3600 + t[1] * 60 + (t.count > 2 ? t[2] : 0)) / 86_400 }
        }
        return serial
    }
}
