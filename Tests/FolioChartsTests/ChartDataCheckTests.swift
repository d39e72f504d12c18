import FolioModel
import FolioTestSupport
import Testing

/// Bad chart data is an error at the value's line and column, naming the chart and series.
@Suite("Chart data checks")
struct ChartDataCheckTests {
    /// A report whose only chart is `chart` (indented as a list item under `charts:`, from line 6).
    func load(_ chart: String) -> ReportLoader.Result {
        let yaml = """
        title: 测试
        publisher: 局
        edition: 2022
        published: 2023-02-01
        charts:
        \(chart)
        events:
          - id: e
            title: 事件
            body: [正文]
        """
        return TestSupport.loadReport(yaml: yaml)
    }

    func errors(_ result: ReportLoader.Result) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    @Test("values that do not match the categories: the series' values, with both counts")
    func lengths() throws {
        let result = load("""
          - id: total
            title: 高新技术企业总数
            kind: bar
            categories: ["2021", "2022", "2025"]
            series:
              - name: 企业
                values: [3886, 5300]
        """)
        #expect(result.report == nil)
        let e = try #require(errors(result).first { $0.code == "chart-mismatch" })
        #expect(e.location?.line == 12)
        #expect(e.location?.column == 17)
        #expect(e.message.contains("chart 1 (total)") && e.message.contains("'企业'"))
        #expect(e.message.contains("2 values") && e.message.contains("3 categories"))
        #expect(e.description.hasPrefix("\(e.location!.file):12:17: error"))
    }

    @Test("a negative donut slice: at the value itself")
    func negativeDonut() throws {
        let result = load("""
          - id: share
            title: 构成
            kind: donut
            categories: [甲, 乙, 丙]
            series:
              - name: 数量
                values: [10, -3, 5]
        """)
        let e = try #require(errors(result).first { $0.message.contains("negative") })
        #expect(e.location?.line == 12)
        #expect(e.location?.column == 22)
        #expect(e.message.contains("value 2") && e.message.contains("-3"))
        #expect(e.hint?.contains("bar chart") == true)
    }

    @Test("an empty series: no values, or only nulls, or no series at all")
    func empty() throws {
        let noValues = load("""
          - id: a
            title: 甲
            kind: line
            categories: ["2021"]
            series:
              - name: 空
                values: []
        """)
        #expect(errors(noValues).contains { $0.code == "empty-list" && $0.location?.line == 12 && $0.message.contains("has no values") })
        let nulls = load("""
          - id: a
            title: 甲
            kind: bar
            categories: ["2021", "2022"]
            series:
              - name: 空
                values: [null, ~]
        """)
        #expect(errors(nulls).contains { $0.code == "empty-list" && $0.location?.line == 12 && $0.message.contains("every value is null") })
        let none = load("""
          - id: a
            title: 甲
            kind: bar
            categories: ["2021"]
            series: []
        """)
        #expect(errors(none).contains { $0.code == "empty-list" && $0.location?.line == 10 && $0.message.contains("has no series") })
    }

    @Test("an unknown kind, with the closest kind suggested")
    func unknownKind() throws {
        let result = load("""
          - id: a
            title: 甲
            kind: pie-chart
            series:
              - name: s
                values: [1]
        """)
        let e = try #require(errors(result).first { $0.message.contains("kind 'pie-chart'") })
        #expect(e.location?.line == 8)
        #expect(e.location?.column == 11)
        #expect(e.message.contains("bar, line, donut, kpi"))
        let close = load("""
          - id: a
            title: 甲
            kind: dount
            categories: [a]
            series:
              - name: s
                values: [1]
        """)
        #expect(errors(close).contains { $0.hint == "did you mean 'donut'?" })
    }

    @Test("NaN and infinity are not numbers a chart can draw: at the value", arguments: [".nan", "NaN", ".inf", "-.Inf"])
    func notANumber(_ spelling: String) throws {
        let result = load("""
          - id: a
            title: 甲
            kind: line
            categories: ["2020", "2021"]
            series:
              - name: 排名
                values: [15, \(spelling)]
        """)
        let e = try #require(errors(result).first { $0.message.contains("'\(spelling)'") })
        #expect(e.location?.line == 12)
        #expect(e.location?.column == 22)
        #expect(e.message.contains("value 2 of series 1 ('排名') of chart 1 (a)"))
        #expect(e.hint?.contains("null") == true)
    }

    @Test("highlight and derived must name categories; a donut slice cannot be null")
    func namedCategories() throws {
        let result = load("""
          - id: a
            title: 甲
            kind: bar
            categories: ["2021", "2022"]
            highlight: "2023"
            derived: ["2020"]
            series:
              - name: s
                values: [1, 2]
        """)
        #expect(errors(result).contains { $0.message.contains("highlight '2023'") && $0.location?.line == 10 })
        #expect(errors(result).contains { $0.message.contains("derived category '2020'") && $0.location?.line == 11 })
        let donut = load("""
          - id: d
            title: 乙
            kind: donut
            categories: [a, b]
            series:
              - name: s
                values: [1, null]
        """)
        #expect(errors(donut).contains { $0.message.contains("cannot be a gap") })
    }

    @Test("options a kind does not draw are warnings, and the report still loads")
    func ignoredOptions() throws {
        let result = load("""
          - id: a
            title: 甲
            kind: donut
            categories: [a, b]
            target: {value: 1, label: 目标}
            stacked: true
            series:
              - name: s
                values: [1, 2]
        """)
        #expect(result.report != nil, "\(result.diagnostics)")
        let warnings = result.diagnostics.filter { $0.severity == .warning && $0.code == "ignored" }
        // (`invert` on a donut cannot mean anything: an error, see CorpusChartTests.)
        #expect(warnings.contains { $0.message.contains("'target'") && $0.location?.line == 10 })
        #expect(warnings.contains { $0.message.contains("'stacked'") && $0.location?.line == 11 })
    }

    @Test("every problem of a chart is reported in one pass")
    func allAtOnce() {
        let result = load("""
          - id: a
            title: 甲
            kind: donut
            categories: [a, b, c]
            series:
              - name: s
                values: [1, -2]
          - id: b
            title: 乙
            kind: lines
            series: []
        """)
        #expect(errors(result).count >= 3)
    }

    @Test("the default report's charts load with their new options")
    func defaultReport() throws {
        let report = TestSupport.defaultReport
        let total = try #require(report.chart("hitech-total"))
        #expect(total.derived == ["2021"])
        #expect(total.target?.value == 10_000)
        let rank = try #require(report.chart("zone-rank"))
        #expect(rank.invert && rank.prefix == "第" && rank.series[0].values == [15, 13])
        for id in ["hitech-new", "helium-reserve", "helium-years", "bus-range", "co2-saving"] {
            #expect(report.chart(id) != nil, "\(id)")
        }
        // Every derived number says so in its note.
        for chart in report.charts where !chart.derived.isEmpty {
            #expect(chart.note?.contains("推算") == true, "\(chart.id)")
        }
    }
}
