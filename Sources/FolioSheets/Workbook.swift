import Foundation
import SWXMLHash

/// An XLSX workbook opened for reading: its sheet names, shared strings and number
/// formats; each sheet is read when first asked for.
public final class Workbook {
    /// The file as shown in messages.
    public let file: String
    /// Sheet names in workbook order.
    public private(set) var sheetNames: [String] = []
    private var sheetParts: [String: String] = [:]
    private let parts: PackageParts
    private let limits: SheetLimits
    private var sharedStrings: [String]?
    private var formats: [String]?
    private var date1904 = false
    private var sheets: [String: Sheet] = [:]

    /// Opens the workbook at `path` (already checked to be inside the report folder).
    /// - Throws: `SheetProblem` when the file is too large, not a workbook or damaged.
    public init(path: String, file: String, limits: SheetLimits = .default) throws {
        self.file = file
        self.limits = limits
        let data = try DataFile.read(path: path, file: file, limits: limits)
        parts = try PackageParts(url: URL(fileURLWithPath: path), data: data, file: file, limits: limits)
        try readWorkbook()
    }

    private func xml(_ path: String) throws -> XMLIndexer? {
        guard let data = try parts.read(path) else { return nil }
        let doc = XMLHash.config { $0.shouldProcessNamespaces = true; $0.detectParsingErrors = true }.parse(data)
        if case .parsingError(let e) = doc {
            throw SheetProblem(code: "bad-xlsx", "\(file): the part \(path) is not well-formed XML (line \(e.line), column \(e.column))",
                               hint: "the file is damaged; save it again from a spreadsheet program")
        }
        return doc
    }

    private func readWorkbook() throws {
        guard let doc = try xml("xl/workbook.xml") else { return }
        let book = doc["workbook"]
        date1904 = ["1", "true"].contains(book["workbookPr"].element?.attribute(by: "date1904")?.text ?? "")
        var targets: [String: String] = [:]
        if let rels = try xml("xl/_rels/workbook.xml.rels") {
            for r in rels["Relationships"]["Relationship"].all {
                guard let id = r.element?.attribute(by: "Id")?.text, let target = r.element?.attribute(by: "Target")?.text else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        for s in book["sheets"]["sheet"].all {
            guard let e = s.element, let name = e.attribute(by: "name")?.text else { continue }
            let rid = e.attribute(by: "r:id")?.text ?? e.attribute(by: "id")?.text ?? ""
            sheetNames.append(name)
            sheetParts[name] = targets[rid] ?? "xl/worksheets/sheet\(sheetNames.count).xml"
        }
        if sheetNames.isEmpty {
            throw SheetProblem(code: "bad-xlsx", "\(file) has no sheets", hint: "save it again from a spreadsheet program")
        }
    }

    /// The sheet named `name`, or the first sheet for nil.
    /// - Throws: `SheetProblem` `no-sheet` listing the sheets when there is none of that name.
    public func sheet(_ name: String?) throws -> Sheet {
        let wanted = name ?? sheetNames[0]
        if let cached = sheets[wanted] { return cached }
        guard let part = sheetParts[wanted] else {
            let close = sheetNames.first { $0.lowercased() == wanted.lowercased() || $0.trimmingCharacters(in: .whitespaces) == wanted }
            throw SheetProblem(code: "no-sheet", "\(file) has no sheet '\(wanted)'",
                               hint: (close.map { "did you mean '\($0)'? " } ?? "") + "the sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))")
        }
        guard let doc = try xml(part) else {
            throw SheetProblem(code: "bad-xlsx", "\(file): the sheet '\(wanted)' has no part \(part)",
                               hint: "chart sheets and dialog sheets hold no cells; name a worksheet")
        }
        let sheet = try SheetReader(name: wanted, file: file, limits: limits, strings: try strings(), formats: try numberFormats(),
                                    date1904: date1904).read(doc)
        sheets[wanted] = sheet
        return sheet
    }

    /// The shared strings table: each entry's text (rich runs joined, phonetic runs left out).
    private func strings() throws -> [String] {
        if let sharedStrings { return sharedStrings }
        var out: [String] = []
        if let doc = try xml("xl/sharedStrings.xml") {
            for si in doc["sst"]["si"].all {
                out.append(Workbook.text(of: si))
            }
        }
        sharedStrings = out
        return out
    }

    /// The text of an `<si>` or `<is>` element: its `<t>`, or its runs' `<t>`s.
    static func text(of node: XMLIndexer) -> String {
        if let t = node["t"].element { return t.text }
        return node["r"].all.compactMap { $0["t"].element?.text }.joined()
    }

    /// The number format code of each cell style (`cellXfs`), by index.
    private func numberFormats() throws -> [String] {
        if let formats { return formats }
        var custom: [Int: String] = [:]
        var out: [String] = []
        if let doc = try xml("xl/styles.xml") {
            let sheet = doc["styleSheet"]
            for f in sheet["numFmts"]["numFmt"].all {
                if let id = f.element?.attribute(by: "numFmtId")?.text, let n = Int(id), let code = f.element?.attribute(by: "formatCode")?.text {
                    custom[n] = code
                }
            }
            for xf in sheet["cellXfs"]["xf"].all {
                let id = Int(xf.element?.attribute(by: "numFmtId")?.text ?? "0") ?? 0
                out.append(custom[id] ?? CellFormat.builtIn(id) ?? "General")
            }
        }
        formats = out
        return out
    }
}

/// Reading a data file from disk within the size limit.
enum DataFile {
    static func read(path: String, file: String, limits: SheetLimits) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        if size > limits.maxFileBytes {
            throw SheetProblem(code: "data-too-large",
                               "\(file) is \(PackageParts.megabytes(UInt64(size))); the limit is \(PackageParts.megabytes(UInt64(limits.maxFileBytes)))",
                               hint: "keep the report's numbers in a small file of their own")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SheetProblem(code: "missing-file", "\(file) cannot be read", hint: "check the file's permissions")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxFileBytes + 1)) ?? Data()
        if data.count > limits.maxFileBytes {
            throw SheetProblem(code: "data-too-large", "\(file) is larger than \(PackageParts.megabytes(UInt64(limits.maxFileBytes)))",
                               hint: "keep the report's numbers in a small file of their own")
        }
        return data
    }
}
