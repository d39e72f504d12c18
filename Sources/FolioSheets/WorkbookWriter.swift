import Foundation
import ZIPFoundation

/// Writes a small XLSX workbook (one or more sheets of text and numbers, inline strings,
/// number formats): what `folio init --with-data` starts a report's data/ folder with.
/// Excel, LibreOffice and openpyxl open it; Folio's reader reads it back.
public struct WorkbookWriter {
    /// A cell to write: text, or a number with a format code (`General`, `0%`).
    public enum Cell: Hashable, Sendable {
        case text(String)
        case number(Double, format: String = "General")
    }

    public var sheets: [(name: String, rows: [[Cell?]])] = []

    public init() {}

    /// Adds a sheet whose rows start at A1 (nil is an empty cell).
    public mutating func addSheet(_ name: String, rows: [[Cell?]]) {
        sheets.append((name, rows))
    }

    /// The bytes of the .xlsx file.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var formats = ["General"]
        for (_, rows) in sheets {
            for case .number(_, let f)? in rows.joined() where !formats.contains(f) { formats.append(f) }
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()),
            ("_rels/.rels", rels([("officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", rels(sheets.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") } + [("styles", "styles.xml")])),
            ("xl/styles.xml", styles(formats)),
        ]
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet.rows, formats: formats)))
        }
        let date = Date(timeIntervalSince1970: 1_675_209_600) // 2023-02-01: the same bytes every time
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    private static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func contentTypes() -> String {
        var s = Self.head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            s += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    private func rels(_ targets: [(String, String)]) -> String {
        var s = Self.head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, (type, target)) in targets.enumerated() {
            s += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relNS)/\(type)\" Target=\"\(target)\"/>"
        }
        return s + "</Relationships>"
    }

    private func workbook() -> String {
        var s = Self.head + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relNS)\"><sheets>"
        for (i, sheet) in sheets.enumerated() {
            s += "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return s + "</sheets></workbook>"
    }

    private func styles(_ formats: [String]) -> String {
        var s = Self.head + "<styleSheet xmlns=\"\(Self.main)\"><numFmts count=\"\(formats.count - 1)\">"
        for (i, f) in formats.enumerated().dropFirst() { s += "<numFmt numFmtId=\"\(163 + i)\" formatCode=\"\(Self.escape(f))\"/>" }
        s += "</numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        s += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        s += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"\(formats.count)\">"
        for i in formats.indices {
            s += "<xf numFmtId=\"\(i == 0 ? 0 : 163 + i)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"\(i == 0 ? "" : " applyNumberFormat=\"1\"")/>"
        }
        return s + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    private func worksheet(_ rows: [[Cell?]], formats: [String]) -> String {
        var s = Self.head + "<worksheet xmlns=\"\(Self.main)\"><sheetData>"
        for (r, row) in rows.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = "\(CellAddress.columnName(c + 1))\(r + 1)"
                switch cell {
                case .text(let t)?:
                    s += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(Self.escape(t))</t></is></c>"
                case .number(let n, let f)?:
                    let style = formats.firstIndex(of: f) ?? 0
                    s += "<c r=\"\(ref)\"\(style == 0 ? "" : " s=\"\(style)\"")><v>\(n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))</v></c>"
                case nil:
                    break
                }
            }
            s += "</row>"
        }
        return s + "</sheetData></worksheet>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
