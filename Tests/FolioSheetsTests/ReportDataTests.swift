import FolioModel
import FolioSheets
import FolioTestSupport
import Foundation
import Testing

/// A report folder with a data/ folder holding the test spreadsheets.
struct DataReport {
    let dir: String

    init(charts: String, figures: String = "", files: [String] = ["stats.xlsx", "rank.csv", "bad.csv", "rank.xlsx"]) throws {
        dir = TestSupport.temporaryDirectory("data-report")
        let data = (dir as NSString).appendingPathComponent("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for f in files {
            try FileManager.default.copyItem(atPath: try SheetFixtures.path(f), toPath: (data as NSString).appendingPathComponent(f))
        }
        let yaml = """
            title: 数据测试
            publisher: 测试局
            edition: 2022
            published: 2023-02-01
            events:
              - id: one
                title: 一
                body: ["正文。"]
                charts: [c]

            """ + (figures.isEmpty ? "" : "    figures:\n" + figures + "\n") + "charts:\n" + charts + "\n"
        try yaml.write(toFile: (dir as NSString).appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
    }

    func load() -> ReportLoader.Result { ReportLoader().load(directory: dir) }

    /// The diagnostics as the CLI prints them, without colour, paths relative to the report folder.
    func rendered() -> String {
        let text = DiagnosticRenderer(color: false).render(load().diagnostics)
        let base = URL(fileURLWithPath: dir).standardizedFileURL.path + "/"
        return text.replacingOccurrences(of: base, with: "")
    }
}

@Suite("Charts and figures from data files")
struct ReportDataTests {
    @Test("a chart's categories and series from a sheet and range; derived and highlight check against them")
    func chartFromRange() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 高企
                kind: bar
                data: {file: data/stats.xlsx, sheet: 高企, range: A1:C3}
                derived: ["2021"]
                highlight: "2022"
            """)
        let result = r.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let chart = try #require(result.report?.chart("c"))
        #expect(chart.categories == ["2021", "2022"])
        #expect(chart.series == [Series(name: "高新技术企业", values: [3886, 5300]), Series(name: "新认定", values: [893, 1500])])
        #expect(chart.isDerived(0) && !chart.isDerived(1))
        let real = URL(fileURLWithPath: r.dir).resolvingSymlinksInPath().path + "/data/stats.xlsx"
        #expect(result.report?.dataFiles == [real])
    }

    @Test("`data: file.csv` and `data: file.xlsx` alone: the first sheet, the used range")
    func plainPaths() throws {
        for file in ["data/rank.csv", "data/rank.xlsx"] {
            let r = try DataReport(charts: """
                  - id: c
                    title: 排名
                    kind: line
                    data: \(file)
                """)
            let result = r.load()
            #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics)")
            let chart = try #require(result.report?.chart("c"))
            #expect(chart.categories == ["2020", "2021"])
            #expect(chart.series.first == Series(name: "综合排名", values: [15, 13]))
        }
    }

    @Test("a figure's value is its cell as shown; its own text may wrap the cell with {}")
    func figureValues() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 高企
                kind: bar
                data: {file: data/stats.xlsx, sheet: 高企, range: A1:C3}
            """, figures: """
                  - value: {file: data/stats.xlsx, sheet: 高企, cell: B4}
                    label: 增幅
                  - value: {file: data/stats.xlsx, sheet: 高企, cell: B3, text: "{}+"}
                    unit: 家
                    label: 总数
                  - value: {file: data/stats.xlsx, sheet: formats, cell: B13}
                    label: 日期
                  - value: {file: data/stats.xlsx, sheet: formats, cell: B5}
                    label: 千位
                  - value: {file: data/stats.xlsx, sheet: formulas, cell: B3}
                    label: 公式
            """)
        let result = r.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.report?.events.first?.figures.map(\.value) == ["36.4%", "5300+", "2022年12月29日", "5,300", "5300"])
    }

    @Test("a bad cell: located in the spreadsheet, with its content, a hint, and a note at the report.yaml line")
    func locatedCell() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 高企
                kind: bar
                data: {file: data/stats.xlsx, sheet: bad, range: A1:C3}
            """)
        #expect(r.load().report == nil)
        #expect(r.rendered() == """
            data/stats.xlsx:bad!C3: error: '893家' is not a number
                893家
                hint: write the number alone (893) and put the unit in the chart's `unit:`; leave the cell empty for a gap
            report.yaml:14:11: note: chart 1 (c) takes its numbers from here
                    data: {file: data/stats.xlsx, sheet: bad, range: A1:C3}
                          ^
            1 error

            """)
        let json = DiagnosticRenderer.json(r.load().diagnostics)
        #expect(json.contains("\"cell\" : \"bad!C3\"") && json.contains("\"notes\""))
    }

    @Test("a CSV problem is at file:line:column with the line and a caret")
    func csvLocated() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 新认定
                kind: bar
                data: data/bad.csv
            """)
        #expect(r.rendered() == """
            data/bad.csv:3:6: error: '1500家' is not a number
                2022,1500家
                     ^
                hint: write the number alone (1500) and put the unit in the chart's `unit:`; leave the cell empty for a gap
            report.yaml:14:11: note: chart 1 (c) takes its numbers from here
                    data: data/bad.csv
                          ^
            1 error

            """)
    }

    @Test("a missing sheet lists the sheets; an empty range says where the cells are; both at report.yaml")
    func missingSheetAndEmptyRange() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 高企
                kind: bar
                data: {file: data/stats.xlsx, sheet: 高新}
              - id: d
                title: 空
                kind: bar
                data: {file: data/stats.xlsx, sheet: 高企, range: F10:H12}
            """)
        let d = r.load().diagnostics.map(\.description)
        #expect(d.contains { $0.hasSuffix("report.yaml:14:42: error: data/stats.xlsx has no sheet '高新'") })
        #expect(r.load().diagnostics.first { $0.code == "no-sheet" }?.hint == "the sheets are '高企', 'formats', 'formulas', 'inline', 'bad', '空表'")
        let empty = try #require(r.load().diagnostics.first { $0.code == "empty-range" })
        #expect(empty.description.hasSuffix("report.yaml:18:53: error: the range F10:H12 of '高企' in data/stats.xlsx is empty"))
        #expect(empty.hint == "the sheet's cells are in A1:C4")
    }

    @Test("paths stay inside the report folder: no absolute path, no `..`, no link leading out; a missing file suggests one")
    func paths() throws {
        let outside = TestSupport.temporaryDirectory("outside")
        try FileManager.default.copyItem(atPath: try SheetFixtures.path("rank.csv"), toPath: outside + "/rank.csv")
        let r = try DataReport(charts: """
              - id: c
                title: a
                kind: bar
                data: /etc/passwd.csv
              - id: d
                title: b
                kind: bar
                data: ../x/rank.csv
              - id: e
                title: c
                kind: bar
                data: data/link.csv
              - id: f
                title: d
                kind: bar
                data: data/rnak.csv
              - id: g
                title: e
                kind: bar
                data: data/stats.xls
            """)
        try FileManager.default.createSymbolicLink(atPath: r.dir + "/data/link.csv", withDestinationPath: outside + "/rank.csv")
        let d = r.load().diagnostics
        #expect(d.map(\.code) == ["path-outside", "path-outside", "path-outside", "missing-file", "bad-data-file"])
        #expect(d[2].message.contains("a link that points outside the report folder"))
        #expect(d[3].hint == "did you mean `data/rank.csv`?")
    }

    @Test("data: with categories or series is a conflict; a bad range and a bad cell address are errors")
    func conflicts() throws {
        let r = try DataReport(charts: """
              - id: c
                title: a
                kind: bar
                categories: ["2021"]
                data: data/rank.csv
              - id: d
                title: b
                kind: bar
                data: {file: data/stats.xlsx, range: A1-C4}
            """, figures: """
                  - value: {file: data/stats.xlsx, cell: 4B}
                    label: x
            """)
        #expect(r.load().diagnostics.map(\.code).sorted() == ["bad-value", "bad-value", "data-conflict"])
    }

    @Test("a donut's empty or negative cell is an error at the cell")
    func donut() throws {
        let r = try DataReport(charts: """
              - id: c
                title: a
                kind: donut
                data: {file: data/stats.xlsx, sheet: inline, range: A1:A3}
              - id: d
                title: b
                kind: donut
                data: {file: data/stats.xlsx, sheet: inline, range: B1:C3}
            """)
        let d = r.load().diagnostics
        #expect(d.contains { $0.code == "empty-range" && $0.message.contains("has 3 rows and 1 column") }) // no values
        #expect(d.contains { $0.location?.cell == "inline!C2" && $0.message == "the cell is empty, but a donut slice cannot be a gap" })
        #expect(r.load().report == nil)
    }

    @Test("a figure's empty cell or unsaved formula is reported at the cell, with a note at the figure's value")
    func figureProblems() throws {
        let r = try DataReport(charts: """
              - id: c
                title: 排名
                kind: line
                data: data/rank.csv
            """, figures: """
                  - value: {file: data/stats.xlsx, sheet: inline, cell: C2}
                    label: 空
                  - value: {file: data/stats.xlsx, sheet: formulas, cell: C3}
                    label: 公式
            """)
        let d = r.load().diagnostics
        #expect(d.map { $0.location?.cell ?? "-" } == ["inline!C2", "formulas!C3"])
        #expect(d.map(\.code) == ["empty-value", "cell-no-value"])
        #expect(d.allSatisfy { $0.notes.first?.message.hasSuffix("takes its value from here") == true })
        #expect(d.first { $0.code == "empty-value" }?.hint == "the sheet's cells are in A1:C3")
        #expect(d.first { $0.code == "cell-no-value" }?.sourceLine == "=B3*2 → (no saved value)")
    }
}
