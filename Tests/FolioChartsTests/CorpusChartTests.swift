import FolioCharts
import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Charts of the corpus: eight distinct colours on every layout, inverted bars for ranks,
/// percentages shown once and no meaningless total.
@Suite("Corpus charts")
struct CorpusChartTests {
    static func theme(_ layout: String, card: Bool) throws -> ChartTheme {
        let (spec, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: layout, card: card)
        guard let spec else { throw LayoutError(diagnostics) }
        return try Typesetter(spec: spec, composer: ChartFixture.composer).chartTheme()
    }

    static let layouts: [(String, Bool)] = [("brochure", false), ("brochure-16k", false), ("square", true), ("portrait", true),
                                            ("story", true), ("og", true), ("wechat-cover", true)]

    @Test("every layout gets 8 distinct colours that pass the colour-vision check", arguments: 0..<7)
    func eightColours(layout index: Int) throws {
        let (name, card) = Self.layouts[index]
        let theme = try Self.theme(name, card: card)
        let palette = theme.distinctPalette(count: 8)
        #expect(palette.count >= 8, "\(name): \(palette.map(\.hex))")
        #expect(Set(palette.prefix(8).map(\.hex)).count == 8)
        #expect(ColorVision.check(Array(palette.prefix(8))).isEmpty, "\(name): \(ColorVision.check(Array(palette.prefix(8))))")
        // The layout's own colours come first, unchanged.
        #expect(Array(palette.prefix(theme.palette.count)) == theme.palette)
    }

    @Test("the 8-slice donut and the 8-series line chart draw 8 distinct colours on a page and a card", arguments: 0..<7)
    func drawnColours(layout index: Int) throws {
        let (name, card) = Self.layouts[index]
        let theme = try Self.theme(name, card: card)
        let report = TestSupport.corpusReport("tingzhou-2023")
        for id in ["industry-share", "county-growth"] {
            let chart = try #require(report.chart(id))
            let items = ChartFixture.render(chart, width: card ? 900 : 420, height: card ? 760 : 320, theme: theme)
            let colours = Set(ChartFixture.shapes(items).compactMap { $0.fill ?? $0.stroke?.color }.map(\.hex))
            let series = theme.distinctPalette(count: 8).prefix(8).map(\.hex)
            #expect(Set(series).isSubset(of: colours), "\(name) \(id): \(colours.sorted())")
        }
    }

    @Test("a donut of percentages prints each share once and no 100% total")
    func percentDonut() throws {
        let chart = try #require(TestSupport.corpusReport("qinglan-2024").chart("contract-mix"))
        let text = ChartFixture.text(ChartFixture.render(chart, width: 420, height: 240))
        #expect(!text.contains("合计"))
        #expect(!text.contains("100%"))
        for value in ["53.1%", "28.4%", "9.6%"] {
            #expect(text.components(separatedBy: value).count - 1 == 1, "\(value) in \(text)")
        }
    }

    @Test("a donut of counts keeps its total")
    func countDonut() {
        var chart = ChartFixture.bar([3, 5, 2], categories: ["甲", "乙", "丙"])
        chart.kind = .donut
        chart.unit = "个"
        #expect(ChartFixture.text(ChartFixture.render(chart, width: 420, height: 240)).contains("合计"))
    }

    @Test("an inverted bar chart of ranks draws the best rank as the tallest bar", arguments: [Chart.Orientation.vertical, .horizontal])
    func invertedBars(orientation: Chart.Orientation) throws {
        var chart = try #require(TestSupport.corpusReport("qinglan-2024").chart("zone-rank"))
        chart.orientation = orientation
        chart.highlight = nil
        let items = ChartFixture.render(chart, width: 300, height: 220)
        let bars = ChartFixture.shapes(items).filter { $0.fill == ChartFixture.theme.palette[0] }.compactMap(\.path.bounds)
        #expect(bars.count == 3)
        let lengths = bars.sorted { orientation == .vertical ? $0.minX < $1.minX : $0.minY < $1.minY }
            .map { orientation == .vertical ? $0.height : $0.width }
        // 23 → 21 → 18: each year better, each bar longer.
        #expect(lengths.count == 3 && lengths[0] < lengths[1] && lengths[1] < lengths[2], "\(lengths)")
        #expect(lengths.allSatisfy { $0 > 1 })
        let text = ChartFixture.text(items)
        #expect(text.contains("第18"))
        #expect(!text.contains("第0"))
    }

    @Test("invert on a donut or a stacked bar chart is an error, not ignored")
    func invertMeaningless() {
        let yaml = """
        title: 测试
        publisher: 测试局
        edition: 2024
        published: 2025-01-01
        events:
          - {id: a, title: 甲, body: [正文。], charts: [d, s]}
        charts:
          - {id: d, title: 构成, kind: donut, invert: true, categories: [甲, 乙], series: [{name: 占比, values: [1, 2]}]}
          - {id: s, title: 堆叠, kind: bar, stacked: true, invert: true, categories: [甲, 乙], series: [{name: 一, values: [1, 2]}, {name: 二, values: [1, 2]}]}
          - {id: r, title: 排名, kind: bar, invert: true, categories: [甲, 乙], series: [{name: 排名, values: [5, 3]}]}
        """
        let result = TestSupport.loadReport(yaml: yaml)
        let invert = result.diagnostics.filter { $0.message.contains("'invert'") }
        #expect(invert.count == 2, "\(result.diagnostics.map(\.description))")
        #expect(invert.allSatisfy { $0.severity == .error })
    }
}
