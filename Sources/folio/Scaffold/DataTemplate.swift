import FolioSheets
import Foundation

/// What `folio init --with-data` adds: a data/ folder with a small workbook, and a chart
/// of the example report that reads its numbers from it.
enum DataTemplate {
    static let folder = "data"
    static let file = "data/stats.xlsx"

    /// The workbook: a sheet 统计 with two years of a count and its growth rate.
    static func workbook(edition: Int) throws -> Data {
        var w = WorkbookWriter()
        w.addSheet("统计", rows: [
            [.text("年份"), .text("新认定高新技术企业")],
            [.text(String(edition - 1)), .number(1200)],
            [.text(String(edition)), .number(1500)],
            [.text("增幅"), .number(0.25, format: "0%")],
        ])
        return try w.data()
    }

    /// The chart appended to the end of report.yaml (its `charts:` list is last).
    static func chart(edition: Int) -> String {
        """
          - id: new-hitech                      # its numbers are read from data/stats.xlsx
            title: 新认定高新技术企业
            kind: bar
            unit: 家
            note: 示例数据，读自 data/stats.xlsx；改动表格中的数字并保存，重新构建（或 folio watch）即更新此图。
            data: {file: \(file), sheet: 统计, range: A1:B3}   # first row: series; first column: categories
            highlight: "\(edition)"

        """
    }

    /// report.yaml with the data chart appended and the first event showing it.
    static func report(_ yaml: String, edition: Int) -> String {
        let text = yaml.replacingOccurrences(of: #"    charts: \[hitech-total\] *#"#, with: "    charts: [hitech-total, new-hitech]  #",
                                             options: .regularExpression)
        return (text.hasSuffix("\n") ? text : text + "\n") + "\n" + chart(edition: edition)
    }
}
