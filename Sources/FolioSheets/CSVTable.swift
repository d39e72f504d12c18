import Foundation
import SwiftCSV

/// A CSV file (UTF-8, comma-separated, a header row first) read as a sheet whose cells
/// know their line and column, so a problem is reported at `file:line:column`.
public enum CSVTable {
    /// Reads the CSV file at `path`.
    /// - Throws: `SheetProblem` when the file is too large, not UTF-8 or not valid CSV.
    public static func read(path: String, file: String, limits: SheetLimits = .default) throws -> Sheet {
        var data = try DataFile.read(path: path, file: file, limits: limits)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) } // Excel's "CSV UTF-8" mark
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidLine(data)
            throw SheetProblem(code: "bad-csv", at: .text(line: line, column: 1, lineText: ""),
                               "\(file) is not UTF-8 text (line \(line))",
                               hint: "save it as \"CSV UTF-8\" (Excel) or with the character set UTF-8 (LibreOffice)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        let positions = try locate(text, lines: lines, file: file, limits: limits)
        let rows: [[String]]
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
            rows = [csv.header] + csv.rows
        } catch {
            throw SheetProblem(code: "bad-csv", at: .text(line: 1, column: 1, lineText: lines.first ?? ""),
                               "\(file) is not valid CSV: \(error)", hint: "a field that holds a quote is written in quotes with the quote doubled: \"say \"\"hi\"\"\"")
        }
        var cells: [CellAddress: SheetCell] = [:]
        // Rows as SwiftCSV gives them, placed where the scan found them (they agree unless
        // the file is unusual; then the row's line is still right).
        for (r, row) in rows.enumerated() where !(row.count == 1 && row[0].isEmpty) {
            for (c, field) in row.enumerated() {
                let a = CellAddress(row: r + 1, column: c + 1)
                let at = positions.indices.contains(r) && positions[r].indices.contains(c) ? positions[r][c] : (line: r + 1, column: 1)
                cells[a] = SheetCell(place: .text(line: at.line, column: at.column, lineText: lines.indices.contains(at.line - 1) ? lines[at.line - 1] : ""),
                                     value: field.isEmpty ? .empty : .text(field))
            }
        }
        let rowLines = positions.map { $0.first?.line ?? 1 }
        return Sheet(name: (file as NSString).lastPathComponent, cells: cells) { a in
            let line = rowLines.indices.contains(a.row - 1) ? rowLines[a.row - 1] : max(1, lines.count)
            let text = lines.indices.contains(line - 1) ? lines[line - 1] : ""
            return .text(line: line, column: text.unicodeScalars.count + 1, lineText: text)
        }
    }

    /// Where each field of each record starts (1-based line and column in Unicode
    /// scalars), and the check that quotes are closed. Parsing is SwiftCSV's; this scan
    /// only places what it parsed.
    static func locate(_ text: String, lines: [String], file: String, limits: SheetLimits) throws -> [[(line: Int, column: Int)]] {
        var records: [[(line: Int, column: Int)]] = []
        var current: [(line: Int, column: Int)] = [(1, 1)]
        var line = 1, column = 1
        var quoted = false, fieldStart = true
        var opened = (line: 1, column: 1)
        var fields = 1
        var previousQuote = false
        for ch in text {
            if ch == "\"" {
                if fieldStart { quoted = true; opened = (line, column) } else if quoted { previousQuote.toggle() }
                if !quoted && !fieldStart {
                    throw SheetProblem(code: "bad-csv", at: .text(line: line, column: column, lineText: lines[line - 1]),
                                       "a quote inside a field that does not start with a quote",
                                       hint: "put the whole field in quotes and double the quote inside: \"say \"\"hi\"\"\"")
                }
                fieldStart = false
            } else {
                if quoted && previousQuote { quoted = false }
                previousQuote = false
                fieldStart = false
                if !quoted && ch == "," {
                    fields += 1
                    if fields > limits.maxCells {
                        throw SheetProblem(code: "data-too-large", at: .text(line: line, column: column, lineText: lines[line - 1]),
                                           "\(file) has more than \(limits.maxCells) fields",
                                           hint: "keep the report's numbers in a small file of their own")
                    }
                    current.append((line, column + 1))
                    fieldStart = true
                } else if !quoted && ch.isNewline {
                    records.append(current)
                    current = [(line + 1, 1)]
                    fieldStart = true
                }
            }
            if ch.isNewline { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        if quoted && !previousQuote {
            throw SheetProblem(code: "bad-csv", at: .text(line: opened.line, column: opened.column, lineText: lines[opened.line - 1]),
                               "this quote is never closed", hint: "end the field with a quote; a quote inside it is written twice (\"\")")
        }
        if !(current.count == 1 && column == 1) { records.append(current) }
        return records
    }

    private static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (i, b) in data.enumerated() where b == 0x0A {
            if String(data: data[start..<(data.startIndex + i)], encoding: .utf8) == nil { return line }
            line += 1
            start = data.startIndex + i + 1
        }
        return line
    }
}
