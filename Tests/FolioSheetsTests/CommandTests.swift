import FolioModel
import FolioSheets
import FolioTestSupport
import Foundation
import Testing

/// The `folio` binary with data files: `init --with-data`, and a bad cell as `check` prints it.
@Suite("Data files on the command line", .serialized)
struct CommandTests {
    @Test("`folio init --with-data` makes data/stats.xlsx (openpyxl opens it) and a chart that reads it; the report builds")
    func initWithData() throws {
        let dir = TestSupport.temporaryDirectory("init-data") + "/r"
        let made = try TestSupport.run(RunningProcess.folio, ["init", dir, "--edition", "2023", "--with-data"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("data/stats.xlsx"))
        let result = ReportLoader().load(directory: dir)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let chart = try #require(result.report?.chart("new-hitech"))
        #expect(chart.categories == ["2022", "2023"])
        #expect(chart.series == [Series(name: "新认定高新技术企业", values: [1200, 1500])])
        #expect(result.report?.events.first?.charts == ["hitech-total", "new-hitech"])
        let py = try TestSupport.run("python3", ["-W", "error", "-c", """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1])["统计"]
            print([[c.value for c in r] for r in ws.iter_rows()], ws["B4"].number_format)
            """, dir + "/data/stats.xlsx"])
        #expect(py.stdout == "[['年份', '新认定高新技术企业'], ['2022', 1200], ['2023', 1500], ['增幅', 0.25]] 0%\n", "\(py.stderr)")
        let cell = try Workbook(path: dir + "/data/stats.xlsx", file: "stats.xlsx").sheet("统计")[CellAddress("B4")!]
        #expect(cell.display == "25%")
        // Without the flag: no data/ folder.
        let plain = TestSupport.temporaryDirectory("init-plain") + "/r"
        _ = try TestSupport.run(RunningProcess.folio, ["init", plain])
        #expect(!FileManager.default.fileExists(atPath: plain + "/data"))
    }

    @Test("`folio check` prints a bad cell at file:sheet!cell with its content, hint and note, and exits 1")
    func locatedCellOnTheCommandLine() throws {
        let w = try SheetsWorkspace()
        try w.setCells("高企!E2=893家")
        let r = try TestSupport.run(RunningProcess.folio, ["check", "ningbo-2022-sheets"], cwd: w.root,
                                    environment: ["NO_COLOR": "1", "FOLIO_HOME": w.resources.root])
        #expect(r.status == 1)
        #expect(r.stderr == """
            ningbo-2022-sheets/data/stats.xlsx:高企!E2: error: '893家' is not a number
                893家
                hint: write the number alone (893) and put the unit in the chart's `unit:`; leave the cell empty for a gap
            ningbo-2022-sheets/report.yaml:195:11: note: chart 2 (hitech-new) takes its numbers from here
                    data: {file: data/stats.xlsx, sheet: 高企, range: D1:E3}   # 2021 893 (derived), 2022 1500
                          ^
            1 error

            """)
    }
}
