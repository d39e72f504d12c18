@testable import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// docs/data-format.md documents exactly the keys the report reader accepts, table by
/// table (mirrors LayoutDocumentationTests for docs/layouts.md).
@Suite("Data format documentation")
struct DataFormatDocumentationTests {
    static let doc = (try? String(contentsOfFile: TestSupport.path("docs/data-format.md"), encoding: .utf8)) ?? ""

    /// The keys in the first column of each table of the doc, table by table, in order.
    static var tables: [[String]] {
        var tables: [[String]] = []
        var current: [String]?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                if let c = current { tables.append(c) }
                current = nil
                continue
            }
            if current == nil { current = [] }
            guard line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for part in cell.split(separator: "`") where !part.contains(" ") && !part.isEmpty {
                current?.append(String(part))
            }
        }
        if let c = current { tables.append(c) }
        return tables
    }

    /// What the reader accepts, in the doc's table order: report, event, figure, image,
    /// chart, series, target, a chart's data file, a figure's cell.
    static let accepted: [(String, [String])] = [
        ("report", ReportLoader.knownKeys),
        ("event", ReportReader.eventKeys),
        ("figure", ReportReader.figureKeys),
        ("image", ImagePolicy.keys),
        ("chart", ChartReader.keys),
        ("series", ["name", "values"]),
        ("target", ["value", "label"]),
        ("data", DataSources.chartKeys),
        ("cell", DataSources.cellKeys),
    ]

    @Test("each table of docs/data-format.md lists exactly the keys the reader accepts there")
    func tablesMatchReader() {
        let tables = Self.tables
        #expect(tables.count == Self.accepted.count, "the doc has \(tables.count) key tables")
        for (table, (what, keys)) in zip(tables, Self.accepted) {
            let missing = Set(keys).subtracting(table)
            let extra = Set(table).subtracting(keys)
            #expect(missing.isEmpty, "\(what) keys the reader accepts but the doc does not list: \(missing.sorted())")
            #expect(extra.isEmpty, "\(what) keys the doc lists but the reader refuses: \(extra.sorted())")
        }
    }

    @Test("the series and target keys the test assumes are the ones the chart reader accepts")
    func nestedChartKeys() {
        let yaml = """
            title: 年度报告
            publisher: 科技局
            edition: 2022
            published: 2023-02-01
            events:
              - {id: a, title: 标题, body: [正文], charts: [c]}
            charts:
              - id: c
                title: 图
                kind: bar
                categories: ["2021", "2022"]
                series:
                  - {name: 企业, values: [1, 2], colour: red}
                target: {value: 3, label: 目标, colour: red}
            """
        let result = TestSupport.loadReport(yaml: yaml)
        let unknown = result.diagnostics.filter { $0.message.contains("colour") }
        // Exactly the two unknown keys are reported, one in the series and one in the target.
        #expect(unknown.count == 2, "\(result.diagnostics.map(\.message))")
        for key in ["name", "values", "value", "label"] {
            #expect(!result.diagnostics.contains { $0.message.contains("`\(key)`") }, "\(key) was refused")
        }
    }
}
