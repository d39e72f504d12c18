import FolioCharts
import FolioModel
import FolioTestSupport
import Testing

/// A chart's alternate text carries its data in words: every value with its category and
/// unit, derived values saying so, the target line, and reads as language.
@Suite("Chart alternate text")
struct ChartAltTextTests {
    @Test("every chart of the default report: title, each value with its category and unit, derived values say so")
    func defaultReport() throws {
        let report = TestSupport.defaultReport
        #expect(!report.charts.isEmpty)
        for chart in report.charts {
            let alt = ChartAltText.describe(chart)
            #expect(alt.contains(chart.title), "\(alt)")
            for s in chart.series {
                for (i, value) in s.values.enumerated() {
                    guard let value else { continue }
                    let number = ChineseNumber.format(value, maxFractionDigits: 2)
                    #expect(alt.contains(number + (chart.unit ?? "")), "\(chart.id): \(number) missing from \(alt)")
                    if chart.kind != .kpi, i < chart.categories.count {
                        #expect(alt.contains(chart.categories[i]), "\(chart.id): category \(chart.categories[i]) missing")
                    }
                }
            }
            // As many "推算值" as derived categories (with values).
            let derived = chart.categories.indices.filter { chart.isDerived($0) }.count
            #expect(alt.components(separatedBy: "这是推算值").count - 1 == derived, "\(chart.id): \(alt)")
            if let target = chart.target { #expect(alt.contains(target.label)) }
            // Reads as language: at least half of it letters (outloud's FIG-012 test).
            let letters = alt.unicodeScalars.filter { $0.properties.isAlphabetic && !("0"..."9").contains($0) }.count
            #expect(Double(letters) >= Double(alt.unicodeScalars.count) / 2, "\(chart.id): \(alt)")
        }
    }

    @Test("the worked example: 高新技术企业总数 with a derived 2021 and the 2025 target")
    func example() throws {
        let chart = try #require(TestSupport.defaultReport.chart("hitech-total"))
        #expect(ChartAltText.describe(chart).hasPrefix(
            "柱状图，标题为「高新技术企业总数」，数值的单位是家。2021年的数值为3886家，这是推算值；2022年的数值为5300家。图中的目标线表示2025年目标 10000家。"))
    }

    @Test("several series: each named; a donut: shares and total; no data: said")
    func shapes() {
        let grouped = Chart(id: "g", title: "研发投入", kind: .bar, unit: "亿元", categories: ["2021", "2022"],
                            series: [Series(name: "企业", values: [10, 12]), Series(name: "高校", values: [3, nil])])
        let alt = ChartAltText.describe(grouped)
        #expect(alt.contains("企业：2021年的数值为10亿元；2022年的数值为12亿元"))
        #expect(alt.contains("高校：2021年的数值为3亿元") && !alt.contains("高校：2021年的数值为3亿元；2022"))
        let donut = Chart(id: "d", title: "构成", kind: .donut, unit: "件", categories: ["甲", "乙"],
                          series: [Series(name: "s", values: [1, 3])])
        #expect(ChartAltText.describe(donut).contains("甲的数值为1件，占全部的25%；乙的数值为3件，占全部的75%；合计为4件"))
        let empty = Chart(id: "e", title: "空", kind: .line, categories: ["a"], series: [Series(name: "s", values: [nil])])
        #expect(ChartAltText.describe(empty).contains("图中没有数据"))
    }
}

/// Alternate text that lists many values still reads as language (outloud's FIG-012: at
/// least half its characters letters): the values are said in words.
@Suite("Chart alt text with many values")
struct SpokenAltTextTests {
    @Test("numbers read aloud", arguments: [
        (3886.0, "三千八百八十六"), (10.0, "十"), (15.0, "十五"), (2.45, "二点四五"), (-1.2, "负一点二"),
        (10000.0, "一万"), (100200.0, "十万零二百"), (105.0, "一百零五"), (0.0, "零"), (110.0, "一百一十"),
    ])
    func reading(value: Double, words: String) {
        #expect(SpokenNumber.reading(value) == words)
    }

    @Test("a year digit by digit")
    func year() {
        #expect(SpokenNumber.year("2019") == "二〇一九")
    }

    @Test("a three-series line chart of percentages reads as prose and says every value")
    func manyValues() {
        let years = ["2019", "2020", "2021", "2022", "2023", "2024"]
        let chart = Chart(id: "rd", title: "全社会研发投入强度", kind: .line, unit: "%", categories: years,
                          series: [Series(name: "青澜市", values: [2.45, 2.58, 2.66, 2.81, 2.91, 3.12]),
                                   Series(name: "全省平均", values: [2.61, 2.72, 2.8, 2.91, 2.98, 3.05]),
                                   Series(name: "全国平均", values: [2.24, 2.4, 2.43, 2.54, 2.65, 2.68])])
        let alt = ChartAltText.describe(chart)
        // outloud's FIG-012 rule: letters are at least half the characters.
        #expect(alt.filter(\.isLetter).count * 2 >= alt.count, "\(alt)")
        #expect(alt.contains("青澜市：二〇一九年的数值为百分之二点四五"))
        #expect(alt.contains("全国平均：二〇一九年的数值为百分之二点二四"))
        #expect(alt.contains("二〇二四年的数值为百分之三点一二"))
    }

    @Test("a donut of percentages adding to 100 does not say each share twice")
    func donutShares() {
        let chart = Chart(id: "d", title: "构成", kind: .donut, unit: "%", categories: ["甲", "乙"],
                          series: [Series(name: "构成", values: [60, 40])])
        let alt = ChartAltText.describe(chart)
        #expect(alt.contains("甲的数值为60%；乙的数值为40%"))
        #expect(!alt.contains("占全部"))
    }
}
