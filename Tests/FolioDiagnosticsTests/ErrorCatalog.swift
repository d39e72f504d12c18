import Foundation
import FolioTestSupport

/// Every diagnostic code Folio can emit, with what it means and an example that
/// produces it. docs/errors.md is generated from this list by running each example
/// through the real `folio` binary (see `ErrorDocsTests`).
struct ErrorExample: Sendable {
    enum Setup: Sendable {
        /// `report/report.yaml` holds this text.
        case report(String)
        /// `report/report.yaml` holds these bytes; `shown` is how the doc shows them.
        case bytes([UInt8], shown: String)
        /// Files written under the workspace (`report/…`, `folio/Layouts/…`), links made,
        /// and how the doc shows the input.
        case files([String: String], links: [String: String] = [:], shown: String)
        /// A report.yaml made by a generator, and how the doc describes it.
        case generated(shown: String, make: @Sendable () -> String)
    }

    var code: String
    var severity: String
    /// When Folio says it, in one sentence.
    var meaning: String
    /// nil: no example can be run (e.g. Folio's own bug).
    var setup: Setup?
    var command: [String] = ["check", "report"]
    /// Whether the binary runs from a folder with no Layouts/ in reach.
    var homeless = false
    /// Show only the first lines and the last of a long output.
    var abbreviate = false
}

enum ErrorCatalog {
    static let head = """
    title: 年度报告
    publisher: 科技局
    edition: 2022
    published: 2023-02-01

    """

    static let event = """
    events:
      - id: first
        title: 第一件大事
        body:
          - 正文。

    """

    static let layoutHead = """
    name: brochure
    page: {size: A4, margins: 20mm}
    fonts: {serif: Noto Serif CJK SC}
    colors: {ink: "#222222"}

    """

    /// The built-in square preset with its accent mark moved out of the safe area.
    static var unsafeSquare: String {
        let text = (try? String(contentsOfFile: TestSupport.path("Layouts/cards/square.yaml"), encoding: .utf8)) ?? ""
        return text.replacingOccurrences(of: "{type: rect, box: [0, 8px, 8px, 24px], fill: accent}",
                                         with: "{type: rect, box: [-60px, 8px, 8px, 24px], fill: accent}")
    }

    /// A bar chart `c` whose numbers come from `data`.
    static func dataChart(_ data: String) -> String {
        "charts:\n  - id: c\n    title: 高新技术企业\n    kind: bar\n    data: \(data)\n"
    }

    static let examples: [ErrorExample] = [
        // MARK: Files and encodings
        ErrorExample(code: "no-report", severity: "error", meaning: "The report folder does not exist, is a file, or holds no report.yaml.",
                     setup: .files([:], shown: "(no folder named `report`)")),
        ErrorExample(code: "file-unreadable", severity: "error",
                     meaning: "report.yaml (or a layout) is a folder, a device or cannot be read.",
                     setup: .files(["report/report.yaml/.keep": ""], shown: "(report/report.yaml is a folder)")),
        ErrorExample(code: "file-too-large", severity: "error",
                     meaning: "The file is larger than the limit (8 MiB; a 1,000-event report is about 2 MB).",
                     setup: .generated(shown: "a report.yaml of 9,000,000 bytes") { String(repeating: "# padding line\n", count: 600_000) }),
        ErrorExample(code: "not-utf8", severity: "error",
                     meaning: "The file is not UTF-8 (GBK, GB 18030, UTF-16…): the first bad byte is shown.",
                     setup: .bytes(Array("title: ".utf8) + [196, 234, 182, 200, 177, 168, 184, 230] + Array("\n".utf8),
                                   shown: "title: 年度报告      # saved as GBK")),
        ErrorExample(code: "control-character", severity: "error",
                     meaning: "An invisible control character (often pasted from a web page or word processor).",
                     setup: .report(head.replacingOccurrences(of: "科技局", with: "科技\u{8}局") + event)),
        ErrorExample(code: "empty-file", severity: "error", meaning: "The file is empty or has only comments.",
                     setup: .report("# 年度报告\n")),

        // MARK: YAML
        ErrorExample(code: "yaml-syntax", severity: "error",
                     meaning: "The YAML cannot be parsed; the message says what is wrong in plain words.",
                     setup: .report(head + "events:\n  - id: first\n    title: 标题: 冒号\n    body: [正文]\n")),
        ErrorExample(code: "duplicate-key", severity: "error", meaning: "The same key twice in one mapping.",
                     setup: .report(head + "events:\n  - id: first\n    title: 一\n    body: [正文]\n    title: 二\n")),
        ErrorExample(code: "yaml-alias-key", severity: "error",
                     meaning: "An alias (`*name`) used as a key: refused before parsing (it could expand without end).",
                     setup: .report(head + "x: &x [a, b]\n*x : 1\n" + event)),
        ErrorExample(code: "yaml-complex-key", severity: "error",
                     meaning: "A list, a mapping or an explicit `? ` key used as a key: refused before parsing.",
                     setup: .report(head + "[a, b]: 1\n" + event)),
        ErrorExample(code: "too-many-values", severity: "error",
                     meaning: "The file expands to more than 1,000,000 values (aliases repeat what they name).",
                     setup: .generated(shown: "x: &x 段落\nintro: [*x, *x, *x, …]   # 1,000,001 aliases") {
                         head + "x: &x 段落\nintro: [" + String(repeating: "*x, ", count: 1_000_000) + "*x]\n" + event
                     }, abbreviate: true),

        // MARK: Schema
        ErrorExample(code: "missing-key", severity: "error",
                     meaning: "A required key is not there. When a key close to it is there (`publsher:`), the error points at that key.",
                     setup: .report("publisher: 科技局\nedition: 2022\npublished: 2023-02-01\n" + event)),
        ErrorExample(code: "empty-value", severity: "error", meaning: "A key is written with no value, or an empty one.",
                     setup: .report(head + "events:\n  - id: first\n    title:\n    body: [正文]\n")),
        ErrorExample(code: "wrong-type", severity: "error",
                     meaning: "A value of the wrong kind: a list where one value belongs, a word where a number belongs…",
                     setup: .report(head.replacingOccurrences(of: "edition: 2022", with: "edition: 二〇二二") + event)),
        ErrorExample(code: "unknown-key", severity: "warning",
                     meaning: "A key Folio does not know, and not close to one it knows; it is ignored.",
                     setup: .report(head + event + "    remark: 内部备注\n")),
        ErrorExample(code: "misspelt-key", severity: "error",
                     meaning: "A key Folio does not know but within two edits of one valid at that place (one for keys of up to four letters): its value would be lost, so it is an error.",
                     setup: .report(head + event + "    figurs:\n      - {value: \"9\", label: 项目}\n")),
        ErrorExample(code: "bad-value", severity: "error",
                     meaning: "A value of the right kind that is not allowed: an implausible year, an unknown chart kind, a bad colour…",
                     setup: .report(head.replacingOccurrences(of: "edition: 2022", with: "edition: 20222") + event)),
        ErrorExample(code: "empty-list", severity: "error", meaning: "A list that must have items is empty.",
                     setup: .report(head + "events: []\n")),
        ErrorExample(code: "bad-id", severity: "error", meaning: "An id uses characters other than a-z, 0-9 and '-'.",
                     setup: .report(head + event.replacingOccurrences(of: "id: first", with: "id: First Event"))),
        ErrorExample(code: "duplicate-id", severity: "error", meaning: "Two events (or two charts) share an id.",
                     setup: .report(head + event + "  - id: first\n    title: 第二件\n    body: [正文]\n")),
        ErrorExample(code: "bad-date", severity: "error", meaning: "A date that is not YYYY, YYYY-MM or YYYY-MM-DD, or a day that does not exist.",
                     setup: .report(head + event.replacingOccurrences(of: "    body:", with: "    date: 2022-02-30\n    body:"))),
        ErrorExample(code: "unknown-chart", severity: "error", meaning: "An event names a chart id the report does not define.",
                     setup: .report(head + event + "    charts: [zone-rank]\n")),
        ErrorExample(code: "chart-mismatch", severity: "error", meaning: "A chart series has more or fewer values than the chart has categories.",
                     setup: .report(head + """
                     charts:
                       - id: total
                         title: 企业数
                         kind: bar
                         categories: ["2021", "2022"]
                         series:
                           - name: 企业
                             values: [3886, 5300, 6000]

                     """ + event)),
        ErrorExample(code: "ignored", severity: "warning",
                     meaning: "A chart option or series the chart's kind does not draw; the report still builds.",
                     setup: .report(head + """
                     charts:
                       - id: share
                         title: 构成
                         kind: donut
                         stacked: true
                         categories: [甲, 乙]
                         series:
                           - name: 数
                             values: [3, 5]

                     """ + event)),
        ErrorExample(code: "derived-without-note", severity: "warning",
                     meaning: "A figure marked `derived: true` does not say how it was derived.",
                     setup: .report(head + event + "    figures:\n      - {value: \"3886\", label: 2021年企业数, derived: true}\n")),
        ErrorExample(code: "too-many-events", severity: "error", meaning: "More events than the limit (5,000).",
                     setup: .generated(shown: "events:\n  - {id: e1, title: 标题, body: [正文]}\n  … 5,001 events") {
                         head + "events:\n" + (1...5_001).map { "  - {id: e\($0), title: 标题, body: [正文]}\n" }.joined()
                     }),
        ErrorExample(code: "paragraph-too-long", severity: "error", meaning: "A paragraph longer than the limit (20,000 characters).",
                     setup: .generated(shown: "body:\n  - 创新创新…   # 20,002 characters") {
                         head + "events:\n  - id: first\n    title: 标题\n    body:\n      - " + String(repeating: "创新", count: 10_001) + "\n"
                     }),
        ErrorExample(code: "text-too-long", severity: "error",
                     meaning: "A title, summary, label or caption longer than the limit (1,000 characters).",
                     setup: .generated(shown: "title: 很长很长…   # 1,200 characters") {
                         head.replacingOccurrences(of: "title: 年度报告", with: "title: " + String(repeating: "很长", count: 600)) + event
                     }),
        ErrorExample(code: "too-many-diagnostics", severity: "warning",
                     meaning: "More than 200 problems in one file: the first 200 are shown, and a count of the rest (an error if any of them is one).",
                     setup: .generated(shown: "210 unknown keys: k1: x, k2: x, …") {
                         head + (1...210).map { "k\($0): x\n" }.joined() + event
                     }, abbreviate: true),

        // MARK: Paths and images
        ErrorExample(code: "path-outside", severity: "error",
                     meaning: "An image path is absolute, uses `..`, or is a link that leads out of the report folder.",
                     setup: .report(head + event + "    image: ../photos/zone.jpg\n")),
        ErrorExample(code: "missing-file", severity: "error", meaning: "An image file does not exist (a close name is suggested).",
                     setup: .files(["report/report.yaml": head + event + "    image: images/zone.jpeg\n", "report/images/zone.jpg": "\u{FF}"],
                                   shown: "report/report.yaml:\n" + head + event + "    image: images/zone.jpeg     # the file is images/zone.jpg")),
        ErrorExample(code: "bad-image", severity: "error",
                     meaning: "An image is not a JPEG or PNG, is a folder, cannot be decoded, is too large to draw, or has more than 100 megapixels (refused from its header, before decoding).",
                     setup: .files(["report/report.yaml": head + event + "    image: images/zone.gif\n", "report/images/zone.gif": "GIF89a"],
                                   shown: "report/report.yaml:\n" + head + event + "    image: images/zone.gif    # a GIF")),

        // MARK: Data files (spreadsheets and CSV); "@copy PATH" copies a file of the repository
        ErrorExample(code: "cell-not-number", severity: "error",
                     meaning: "A chart's cell holds text that is not a number (a unit typed into it, a note); reported at the cell, with a note at the line that reads the file.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: bad, range: A1:C3}"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/stats.xlsx"],
                                   shown: "report/data/stats.xlsx, sheet bad: C3 holds 893家\nreport/report.yaml:\n" + head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: bad, range: A1:C3}"))),
        ErrorExample(code: "cell-error", severity: "error", meaning: "A chart's cell shows an error value (#DIV/0!, #REF!…) of its formula.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: bad, range: A3:C4}"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/stats.xlsx"],
                                   shown: "report/data/stats.xlsx, sheet bad: C4 shows #DIV/0!\n" + dataChart("{file: data/stats.xlsx, sheet: bad, range: A3:C4}"))),
        ErrorExample(code: "cell-no-value", severity: "error",
                     meaning: "A formula whose result was never saved (a file written by a script and never opened in a spreadsheet program).",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: formulas}"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/stats.xlsx"],
                                   shown: "report/data/stats.xlsx, sheet formulas: C3 holds =B3*2 with no saved result\n" + dataChart("{file: data/stats.xlsx, sheet: formulas}"))),
        ErrorExample(code: "no-sheet", severity: "error", meaning: "A workbook has no sheet of the name given; the sheets it has are listed.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: 高新}"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/stats.xlsx"],
                                   shown: dataChart("{file: data/stats.xlsx, sheet: 高新}"))),
        ErrorExample(code: "empty-range", severity: "error",
                     meaning: "A chart's range (or sheet) holds nothing, or too little for a header row and a column of categories; where the sheet's cells are is said.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("{file: data/stats.xlsx, sheet: 高企, range: F10:H12}"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/stats.xlsx"],
                                   shown: dataChart("{file: data/stats.xlsx, sheet: 高企, range: F10:H12}"))),
        ErrorExample(code: "bad-xlsx", severity: "error", meaning: "A .xlsx file that is not an Excel workbook, or is damaged.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("data/stats.xlsx"),
                                    "report/data/stats.xlsx": "年份,数值\n"],
                                   shown: "report/data/stats.xlsx: a CSV file renamed\n" + dataChart("data/stats.xlsx"))),
        ErrorExample(code: "bad-csv", severity: "error", meaning: "A CSV file that is not UTF-8, or whose quotes do not pair up; the place is line:column.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("data/rank.csv"),
                                    "report/data/rank.csv": "年份,新认定\n2021,\"893\n2022,1500\n"],
                                   shown: "report/data/rank.csv:\n年份,新认定\n2021,\"893\n2022,1500")),
        ErrorExample(code: "data-too-large", severity: "error",
                     meaning: "A data file beyond the limits: 16 MiB on disk, 200,000 cells, or parts inflating to more than 16 MiB (64 MiB in all) or to more than the zip declares.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("data/stats.xlsx"),
                                    "report/data/stats.xlsx": "@copy Tests/Fixtures/sheets/liar.xlsx"],
                                   shown: "report/data/stats.xlsx: a sheet of 4 MB whose zip entry says 1000 bytes\n" + dataChart("data/stats.xlsx"))),
        ErrorExample(code: "bad-data-file", severity: "error", meaning: "`data:` names a file that is not .xlsx or .csv (an old .xls, an .ods), or a folder.",
                     setup: .files(["report/report.yaml": head + event + "    charts: [c]\n" + dataChart("data/stats.xls"),
                                    "report/data/stats.xls": "x"],
                                   shown: dataChart("data/stats.xls"))),
        ErrorExample(code: "data-conflict", severity: "error", meaning: "A chart gives both `data:` and `categories` or `series`.",
                     setup: .report(head + event + "    charts: [c]\n" + dataChart("data/rank.csv") + "    categories: [\"2021\"]\n")),

        // MARK: Layouts and fonts
        ErrorExample(code: "unknown-layout", severity: "error",
                     meaning: "The report (or --layout, --cards) names a layout or card preset that does not exist; those that do are listed.",
                     setup: .report(head + "layout: brochur\n" + event)),
        ErrorExample(code: "unknown-style", severity: "error", meaning: "A layout uses a text style it does not define.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead + "styles:\n  body: {font: serif, size: 10pt}\n  caption: {based-on: small, size: 8pt}\ntemplates:\n  cover: {}\nsequence: [cover]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead + "styles:\n  body: {font: serif, size: 10pt}\n  caption: {based-on: small, size: 8pt}\ntemplates:\n  cover: {}\nsequence: [cover]")),
        ErrorExample(code: "unknown-template", severity: "error", meaning: "A layout's sequence names a page template it does not define.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead + "templates:\n  cover: {}\nsequence: [cover, events]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead + "templates:\n  cover: {}\nsequence: [cover, events]")),
        ErrorExample(code: "unknown-color", severity: "error", meaning: "A layout uses a colour name its `colors` do not define.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead + "styles:\n  body: {font: serif, color: accent}\ntemplates:\n  cover: {}\nsequence: [cover]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead + "styles:\n  body: {font: serif, color: accent}\ntemplates:\n  cover: {}\nsequence: [cover]")),
        ErrorExample(code: "unknown-font-role", severity: "error", meaning: "A style uses a font role the layout's `fonts` do not define.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead + "styles:\n  body: {font: sans}\ntemplates:\n  cover: {}\nsequence: [cover]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead + "styles:\n  body: {font: sans}\ntemplates:\n  cover: {}\nsequence: [cover]")),
        ErrorExample(code: "unknown-master", severity: "error", meaning: "A page template uses a master page that does not exist.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead + "templates:\n  cover: {master: plain}\nsequence: [cover]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead + "templates:\n  cover: {master: plain}\nsequence: [cover]")),
        ErrorExample(code: "missing-font", severity: "error", meaning: "A layout names a font family that is not in Folio's font set.",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/brochure.yaml": layoutHead.replacingOccurrences(of: "Noto Serif CJK SC", with: "SimSun")
                                        + "templates:\n  cover: {}\nsequence: [cover]\n"],
                                   shown: "folio/Layouts/brochure.yaml:\n" + layoutHead.replacingOccurrences(of: "Noto Serif CJK SC", with: "SimSun") + "templates:\n  cover: {}\nsequence: [cover]")),
        ErrorExample(code: "missing-glyph", severity: "error",
                     meaning: "A character no font of the set can draw; the event, field, character and code point are named.",
                     setup: .report(head + "events:\n  - id: first\n    title: 第一件大事😀\n    body: [正文]\n")),
        ErrorExample(code: "overflow", severity: "error", meaning: "Text that does not fit its frame on a page of the brochure or a card.",
                     setup: .report(head.replacingOccurrences(of: "publisher: 科技局", with: "publisher: " + String(repeating: "青澜市科学技术局（青澜市外国专家局）", count: 4)) + event)),
        ErrorExample(code: "card-unsafe", severity: "error",
                     meaning: "A card preset places a frame outside the safe area platforms may cover or crop (a fault of the preset, named with the event).",
                     setup: .files(["report/report.yaml": head + event,
                                    "folio/Layouts/cards/square.yaml": unsafeSquare],
                                   shown: "folio/Layouts/cards/square.yaml (the built-in preset, the accent mark moved to x = -60px):\n"
                                       + "      - {type: rect, box: [-60px, 8px, 8px, 24px], fill: accent}"),
                     command: ["check", "report", "--cards", "square"]),
        ErrorExample(code: "card", severity: "error",
                     meaning: "A card could not be laid out for a reason Folio did not foresee: a bug. Please report it with the input.", setup: nil),
        ErrorExample(code: "card-overflow", severity: "error",
                     meaning: "An event that does not fit a card even with the title at its smallest size.",
                     setup: .report(head + "events:\n  - id: first\n    title: " + String(repeating: "甬江科创区启动", count: 40) + "\n    body: [正文]\n")),

        // MARK: Building
        ErrorExample(code: "bad-output", severity: "error",
                     meaning: "The output folder is the report folder, inside it, one of Folio's own folders, or a file.",
                     setup: .report(head + event), command: ["build", "report", "--out", "report/out"]),
        ErrorExample(code: "usage", severity: "error",
                     meaning: "Wrong use of the command line: an unknown command, option, layout or card preset (with a did-you-mean), a bad --scale. Exit status 2; under --diagnostics json, one JSON item.",
                     setup: .report(head + event), command: ["check", "report", "--cards", "sqare"]),
        ErrorExample(code: "report-exists", severity: "error",
                     meaning: "`folio init` was asked to make a report where a report.yaml already is; nothing is written unless --force is given.",
                     setup: .report(head + event), command: ["init", "report"]),
        ErrorExample(code: "cannot-write", severity: "error", meaning: "An output file or folder cannot be written (permissions, full disk, read-only file system).",
                     setup: .report(head + event), command: ["build", "report", "--out", "/proc/folio-out"]),
        ErrorExample(code: "environment", severity: "error",
                     meaning: "Something Folio needs around it is broken: the font configuration, qpdf or Ghostscript.",
                     setup: .files(["report/report.yaml": head + event, "folio/Fonts/fonts.conf": "<fontconfig><broken"],
                                   shown: "folio/Fonts/fonts.conf:\n<fontconfig><broken")),
        ErrorExample(code: "no-resources", severity: "error", meaning: "Folio cannot find its Layouts/ and Fonts/ folders.",
                     setup: .report(head + event), homeless: true),
        ErrorExample(code: "internal", severity: "error",
                     meaning: "An error Folio did not expect: a bug. Please report it with the input that caused it.", setup: nil),
    ]
}
