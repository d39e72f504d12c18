import FolioCharts
import FolioCore
import FolioExport
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Every chart kind at print size (PDF) and at card size (PNG), read back as a reader
/// would: vectors, searchable text, nothing outside its box. Set FOLIO_CHART_PREVIEW to a
/// folder to keep the files for looking at.
@Suite("Chart output")
struct ChartOutputTests {
    typealias F = ChartFixture

    /// One chart of every kind and option, from the default report plus made-up ones.
    static let gallery: [Chart] = {
        let report = TestSupport.defaultReport
        var charts = ["hitech-total", "hitech-new", "zone-rank", "selection", "helium-reserve", "bus-range"]
            .compactMap { report.chart($0) }
        charts.append(Chart(id: "grouped", title: "各区县高新技术企业（分组）", kind: .bar, unit: "家",
                            categories: ["海曙", "江北", "鄞州", "北仑", "镇海"],
                            series: [Series(name: "2021", values: [420, 380, 910, 760, 530]),
                                     Series(name: "2022", values: [560, 510, 1240, 1020, 700])],
                            target: Target(value: 1000, label: "千家线"), highlight: "鄞州"))
        charts.append(Chart(id: "stacked", title: "研发投入构成（堆叠）", kind: .bar, unit: "元",
                            categories: ["2020", "2021", "2022"],
                            series: [Series(name: "企业", values: [2.1e9, 2.6e9, 3.2e9]),
                                     Series(name: "政府", values: [6e8, 7e8, 9e8]),
                                     Series(name: "高校", values: [2e8, 3e8, 3.5e8])], stacked: true))
        charts.append(Chart(id: "horizontal", title: "新认定高新技术企业（横向）", kind: .bar, unit: "家",
                            categories: ["宁波", "杭州", "温州", "绍兴"],
                            series: [Series(name: "新认定", values: [1500, 3900, 1100, nil])],
                            orientation: .horizontal, highlight: "宁波"))
        charts.append(Chart(id: "lines", title: "季度专利授权（多条折线）", kind: .line, unit: "件",
                            categories: ["一季度", "二季度", "三季度", "四季度"],
                            series: [Series(name: "发明", values: [820, 910, nil, 1200]),
                                     Series(name: "实用新型", values: [2100, 1980, 2300, 2450])]))
        charts.append(Chart(id: "kpi-change", title: "高新技术企业", kind: .kpi, unit: "家", note: "2021年为推算值",
                            categories: ["2019", "2020", "2021", "2022"],
                            series: [Series(name: "总数", values: [2400, 3100, 3886, 5300])]))
        charts.append(Chart(id: "kpi-rank", title: "国家高新区综合排名", kind: .kpi, unit: "位", categories: ["2020", "2021"],
                            series: [Series(name: "排名", values: [15, 13])], invert: true, prefix: "第"))
        return charts
    }()

    static var outputDirectory: String {
        ProcessInfo.processInfo.environment["FOLIO_CHART_PREVIEW"] ?? TestSupport.temporaryDirectory("charts")
    }

    /// An A4 page of charts in two columns of print size (229 × 200 pt, the brochure's).
    static func printPages(theme: ChartTheme) -> [Page] {
        var pages: [Page] = []
        var items: [Item] = []
        for (i, chart) in gallery.enumerated() {
            let slot = i % 6
            let height = chart.kind == .kpi ? F.renderer.naturalHeight(chart, width: 229, theme: theme)! : 200
            let rect = Rect(x: 60 + Double(slot % 2) * 243, y: 60 + Double(slot / 2) * 240, width: 229, height: height)
            items += F.renderer.render(chart, in: rect, theme: theme)
            if slot == 5 || i == gallery.count - 1 {
                pages.append(Page(size: Size(width: 595.28, height: 841.89), items: items))
                items = []
            }
        }
        return pages
    }

    @Test("print size: charts are vector paths (pdfimages lists none) and pdftotext finds titles, labels and values")
    func pdf() throws {
        let theme = F.brochure.chartTheme()
        let document = Document(info: DocumentInfo(title: "charts", author: "Folio", creationDate: "2023-02-01"),
                                pages: Self.printPages(theme: theme))
        let data = try PDFExporter().export(document)
        let path = (Self.outputDirectory as NSString).appendingPathComponent("charts-print.pdf")
        try data.write(to: URL(fileURLWithPath: path))
        let images = try TestSupport.run("pdfimages", ["-list", path])
        #expect(images.status == 0)
        let rows = images.stdout.split(separator: "\n").dropFirst(2) // header and rule
        #expect(rows.isEmpty, "images in the chart PDF: \(rows)")
        let text = try TestSupport.run("pdftotext", ["-layout", path, "-"]).stdout
        for part in ["高新技术企业总数", "单位：家", "2025年目标", "10000家", "3886", "5300", "推算值", "第13位", "第15位",
                     "10件大事推选", "20.4%", "合计", "万吨", "26", "450", "公里", "千家线", "单位：亿元", "36.4%", "较2021"] {
            #expect(text.contains(part), "pdftotext does not find '\(part)'")
        }
    }

    @Test("card size: every kind drawn at 2.4× into a 1080 px card, PNG of the right size, labels still apart")
    func cards() throws {
        let theme = F.brochure.chartTheme().scaled(2.4)
        let exporter = PNGExporter()
        for chart in Self.gallery {
            let width = 920.0
            let height = F.renderer.naturalHeight(chart, width: 560, theme: theme) ?? 640
            let rect = Rect(x: 80, y: 220, width: chart.kind == .kpi ? 560 : width, height: height)
            let items = F.renderer.render(chart, in: rect, theme: theme)
            #expect(F.overlappingRuns(items).isEmpty, "\(chart.id): \(F.overlappingRuns(items))")
            for item in F.flat(items) {
                if let b = F.inkBounds(item) { #expect(rect.contains(b, tolerance: 1), "\(chart.id): \(item) leaves its box") }
            }
            let page = Page(size: Size(width: 1080, height: 1080), items: items)
            let png = try exporter.export(page)
            // IHDR: width and height, big-endian, at bytes 16…23.
            let bytes = [UInt8](png.prefix(24))
            #expect(bytes.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
            let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(w == 1080 && h == 1080)
            try png.write(to: URL(fileURLWithPath: (Self.outputDirectory as NSString).appendingPathComponent("card-\(chart.id).png")))
        }
    }

    @Test("at the brochure's size every value of the default report's charts is labelled", arguments: ["hitech-total", "hitech-new", "zone-rank", "selection"])
    func everyValueLabelled(_ id: String) throws {
        let chart = try #require(TestSupport.defaultReport.chart(id))
        let items = F.renderer.render(chart, in: Rect(x: 0, y: 0, width: 229, height: 215), theme: F.brochure.chartTheme())
        let text = F.text(items)
        for v in chart.series.flatMap({ $0.values.compactMap { $0 } }) {
            #expect(text.contains(ChineseNumber.format(v)), "\(id): \(v)")
        }
        #expect(F.overlappingRuns(items).isEmpty)
    }

    @Test("the brochure's statistics page shows every chart of the report, searchable")
    func statistics() throws {
        let theme = F.brochure.chartTheme()
        let text = Self.printPages(theme: theme).flatMap(\.items).flatMap(\.flattened).compactMap { item -> String? in
            if case .text(let run) = item { return run.text } else { return nil }
        }.joined()
        for chart in TestSupport.defaultReport.charts where Self.gallery.contains(where: { $0.id == chart.id }) {
            #expect(text.contains(chart.title), "\(chart.id)")
        }
    }
}
