import FolioSheets
import Foundation
import Yams

/// Reads chart tables (`data:`) and figure values (`value: {file, sheet, cell}`) from
/// spreadsheets and CSV files inside the report folder. Each file is opened once per
/// load; a problem in a cell is reported at the cell (`stats.xlsx:高企!C3`) with a note
/// at the report.yaml line that refers to it.
final class DataSources {
    let context: YAMLContext
    let directory: String
    let limits: SheetLimits
    static let chartKeys = ["file", "sheet", "range"]
    static let cellKeys = ["file", "sheet", "cell", "text"]
    static let extensions = ["xlsx", "xlsm", "csv"]

    private var workbooks: [String: Workbook] = [:]
    private var csvSheets: [String: Sheet] = [:]
    /// Files whose opening failed (reported once).
    private var broken: Set<String> = []
    /// The data files read, absolute with links resolved.
    private(set) var files: Set<String> = []

    init(context: YAMLContext, directory: String, limits: SheetLimits) {
        self.context = context
        self.directory = directory
        self.limits = limits
    }

    /// A reference to a data file as written in report.yaml.
    private struct Reference {
        var path: String
        var pathNode: Node
        var sheet: String?
        var sheetNode: Node?
        var map: YAMLMapping?
    }

    // MARK: - Charts

    /// The categories and series of a chart from its `data:` value, or nil after reporting
    /// why not.
    func chartTable(_ node: Node, what: String, kind: Chart.Kind?) -> (categories: [String], series: [Series])? {
        guard var ref = reference(node, what: "the data of \(what)", keys: Self.chartKeys, pathAlone: true,
                                  example: "data: {file: data/stats.xlsx, sheet: 高企, range: A1:C4}") else { return nil }
        var range: CellRange?
        var rangeNode: Node?
        if var m = ref.map, let text = m.string("range") {
            rangeNode = m.value("range")
            range = CellRange(text.trimmingCharacters(in: .whitespaces))
            if range == nil {
                context.error("bad-value", rangeNode, "the range \(Quoting.code(text)) of \(what) is not a cell range",
                              hint: "write the corners with a colon, e.g. range: A1:C4")
                return nil
            }
            ref.map = m
        }
        guard let (sheet, file) = sheet(ref, what: what) else { return nil }
        let (table, problems) = ChartTable.read(sheet, range: range, file: ref.path)
        let note = Diagnostic.Note(at: context.location(of: node), "\(what) takes its numbers from here")
        for p in problems {
            // An empty range or sheet is a problem of what report.yaml asks for.
            if p.code == "empty-range" {
                context.add(.error("empty-range", at: context.location(of: rangeNode ?? ref.sheetNode ?? ref.pathNode), p.message, hint: p.hint))
            } else {
                add(p, file: file, note: note)
            }
        }
        guard var table else { return nil }
        var bad = false
        if kind == .donut {
            for (i, values) in table.series.prefix(1).map(\.values).enumerated() {
                for (j, v) in values.enumerated() {
                    let place = table.places[i][j]
                    if v == nil {
                        add(SheetProblem(code: "bad-value", at: place, "the cell is empty, but a donut slice cannot be a gap",
                                         hint: "write 0, or leave the category out of the range"), file: file, note: note)
                        bad = true
                    } else if let v, v < 0 {
                        add(SheetProblem(code: "bad-value", at: place, "\(ChartReader.plain(v)) is negative, but a donut cannot show a negative part",
                                         hint: "a donut shows parts of a whole; use a bar chart for values below zero",
                                         content: ChartReader.plain(v)), file: file, note: note)
                        bad = true
                    }
                }
            }
        }
        for (i, s) in table.series.enumerated() {
            for (j, v) in s.values.enumerated() where abs(v ?? 0) > YAMLMapping.maxNumber {
                add(SheetProblem(code: "bad-value", at: table.places[i][j], "\(ChartReader.plain(v ?? 0)) is beyond ±10^15",
                                 hint: "count in a larger unit (万, 亿) and say so in `unit`"), file: file, note: note)
                bad = true
            }
        }
        table.categories = table.categories.map(TextNormalizer.normalize)
        return bad ? nil : (table.categories, table.series.map { Series(name: TextNormalizer.normalize($0.name), values: $0.values) })
    }

    // MARK: - Figures

    /// A figure's value from one cell, as the cell shows it (its number format applied),
    /// or the figure's own `text` with `{}` standing for the cell.
    func cellText(_ node: Node, what: String) -> String? {
        guard var ref = reference(node, what: "the value of \(what)", keys: Self.cellKeys, pathAlone: false,
                                  example: "value: {file: data/stats.xlsx, sheet: 高企, cell: B4}"), var m = ref.map else { return nil }
        let cellText = m.string("cell", required: true)
        let cellNode = m.value("cell")
        let text = m.text("text")
        ref.map = m
        var address: CellAddress?
        if let cellText {
            address = CellAddress(cellText.trimmingCharacters(in: .whitespaces))
            if address == nil {
                context.error("bad-value", cellNode, "the cell \(Quoting.code(cellText)) of \(what) is not a cell address",
                              hint: "write a column letter and a row number, e.g. cell: B4")
            }
        }
        guard let address, let (sheet, file) = sheet(ref, what: what) else { return nil }
        let cell = sheet[address]
        let note = Diagnostic.Note(at: context.location(of: node), "\(what) takes its value from here")
        switch cell.value {
        case .empty:
            add(SheetProblem(code: "empty-value", at: cell.place, "the cell is empty",
                             hint: "the sheet's cells are in \(sheet.usedRange?.description ?? "no range: it is empty")"), file: file, note: note)
            return nil
        case .error:
            if case .failure(let p) = cell.chartNumber() { add(p, file: file, note: note) }
            return nil
        case .unsavedFormula:
            if case .failure(let p) = cell.chartNumber() { add(p, file: file, note: note) }
            return nil
        default:
            break
        }
        let shown = TextNormalizer.normalize(cell.display)
        guard let text else { return shown }
        return text.contains("{}") ? text.replacingOccurrences(of: "{}", with: shown) : text
    }

    // MARK: - Files and sheets

    /// The file reference of a `data:` or `value:` node: a mapping with `file`, or (where
    /// `pathAlone`) just the path.
    private func reference(_ node: Node, what: String, keys: [String], pathAlone: Bool, example: String) -> Reference? {
        if case .scalar = node {
            guard pathAlone, let path = YAMLMapping.scalarString(node, context: context, what: what) else {
                context.error("wrong-type", node, "\(what) must be a mapping", hint: example)
                return nil
            }
            return Reference(path: path, pathNode: node, sheet: nil, sheetNode: nil, map: nil)
        }
        guard var m = YAMLMapping(node, context: context, what: what, hint: example) else { return nil }
        let path = m.text("file", required: true)
        let sheet = m.text("sheet")
        let sheetNode = m.value("sheet")
        m.reportUnknownKeys(known: keys)
        guard let path, let pathNode = m.value("file") else { return nil }
        return Reference(path: path, pathNode: pathNode, sheet: sheet, sheetNode: sheetNode, map: m)
    }

    /// The sheet a reference names (a CSV file is its own sheet) and the file as shown in
    /// diagnostics; nil after reporting why not.
    private func sheet(_ ref: Reference, what: String) -> (Sheet, String)? {
        guard let real = resolve(ref.path, node: ref.pathNode, label: "the data file of \(what)") else { return nil }
        let shown = DisplayPath.relative(URL(fileURLWithPath: directory).appendingPathComponent(ref.path).standardizedFileURL.path)
        files.insert(real)
        if broken.contains(real) { return nil }
        do {
            if (real as NSString).pathExtension.lowercased() == "csv" {
                if let sheetNode = ref.sheetNode {
                    context.warning("ignored", sheetNode, "`sheet` does nothing for a CSV file (\(what))", hint: "a CSV file has one table")
                }
                if let cached = csvSheets[real] { return (cached, shown) }
                let sheet = try CSVTable.read(path: real, file: ref.path, limits: limits)
                csvSheets[real] = sheet
                return (sheet, shown)
            }
            let book: Workbook
            if let cached = workbooks[real] {
                book = cached
            } else {
                book = try Workbook(path: real, file: ref.path, limits: limits)
                workbooks[real] = book
            }
            do {
                return (try book.sheet(ref.sheet), shown)
            } catch let p as SheetProblem where p.code == "no-sheet" {
                context.add(.error("no-sheet", at: context.location(of: ref.sheetNode ?? ref.pathNode), p.message, hint: p.hint))
                return nil
            }
        } catch let p as SheetProblem {
            broken.insert(real)
            if case .file = p.place {
                context.add(.error(p.code, at: context.location(of: ref.pathNode), p.message, hint: p.hint))
            } else {
                add(p, file: shown, note: Diagnostic.Note(at: context.location(of: ref.pathNode), "\(what) reads this file here"))
            }
            return nil
        } catch {
            broken.insert(real)
            context.error("bad-data-file", ref.pathNode, "\(Quoting.code(ref.path)) cannot be read: \(error)")
            return nil
        }
    }

    /// A problem in a data file, located in it, with a note at report.yaml.
    private func add(_ p: SheetProblem, file: String, note: Diagnostic.Note) {
        var d: Diagnostic
        switch p.place {
        case .file:
            d = .error(p.code, at: note.location, p.message, hint: p.hint)
            context.add(d)
            return
        case .cell(_, let address):
            d = .error(p.code, at: SourceLocation(file: file, line: address.row, column: address.column, cell: p.place.cellName),
                       p.message, hint: p.hint)
            d.sourceLine = p.content
        case .text(let line, let column, let text):
            d = .error(p.code, at: SourceLocation(file: file, line: line, column: column), p.message, hint: p.hint)
            d.sourceLine = text
        }
        d.notes = [note]
        context.add(d)
    }

    /// The real path of `path` if it is a readable .xlsx or .csv file inside the report
    /// folder (no absolute paths, no `..`, no link leading out).
    private func resolve(_ path: String, node: Node, label: String) -> String? {
        let shown = Quoting.code(path, limit: 80)
        let copyHint = "copy the file into the report folder (e.g. data/) and give the path relative to it"
        if path.trimmingCharacters(in: .whitespaces).isEmpty {
            context.error("empty-value", node, "\(label) has an empty path", hint: "give the file, e.g. data/stats.xlsx")
            return nil
        }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains(":\\") || path.hasPrefix("\\") {
            context.error("path-outside", node, "\(label) \(shown) is an absolute path", hint: copyHint)
            return nil
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            context.error("path-outside", node, "\(label) \(shown) leaves the report folder with `..`", hint: copyHint)
            return nil
        }
        let ext = (path as NSString).pathExtension.lowercased()
        guard Self.extensions.contains(ext) else {
            context.error("bad-data-file", node, "\(label) \(shown) is not an .xlsx or .csv file",
                          hint: ext == "xls" || ext == "ods" || ext == "numbers"
                            ? "save it as \"Excel Workbook (.xlsx)\" or export \"CSV UTF-8\"" : "charts read .xlsx workbooks and .csv files")
            return nil
        }
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let joined = URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL
        let fm = FileManager.default
        guard fm.fileExists(atPath: joined.path) else {
            let folder = (joined.path as NSString).deletingLastPathComponent
            let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            let dir = (path as NSString).deletingLastPathComponent
            let hint = Suggestions.closest(to: (path as NSString).lastPathComponent, in: names)
                .map { "did you mean \(Quoting.code((dir as NSString).appendingPathComponent($0)))?" }
                ?? "paths are relative to the report folder \(DisplayPath.relative(directory))"
            context.error("missing-file", node, "\(label) \(shown) does not exist", hint: hint)
            return nil
        }
        let real = joined.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(base + "/") else {
            context.error("path-outside", node, "\(label) \(shown) is a link that points outside the report folder",
                          hint: "copy the file itself into the report folder")
            return nil
        }
        let type = (try? fm.attributesOfItem(atPath: real))?[.type] as? FileAttributeType
        guard type == .typeRegular else {
            context.error("bad-data-file", node, "\(label) \(shown) is \(type == .typeDirectory ? "a folder" : "not a regular file")",
                          hint: "name the file itself, e.g. data/stats.xlsx")
            return nil
        }
        return real
    }
}
