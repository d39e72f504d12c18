import FolioCharts
import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Testing

/// Charts placed by the brochure layout: the statistics section, event pages, the
/// layout's thousands separator.
@Suite("Chart placement in the brochure")
struct ChartPlacementTests {
    typealias F = ChartFixture

    func document(_ typesetter: Typesetter = F.brochure) throws -> Document {
        try BrochureLayout(typesetter: typesetter).document(for: TestSupport.defaultReport)
    }

    func text(_ page: Page) -> String { F.text(page.items) }

    @Test("the statistics section shows every chart on one page: plotted charts in pairs, KPIs as a row of smaller tiles")
    func statistics() throws {
        let pages = try document().pages.filter { $0.role == "statistics" }
        try #require(pages.count == 1)
        let page = pages[0]
        for chart in TestSupport.defaultReport.charts {
            #expect(text(page).contains(chart.title), "\(chart.id) is missing")
        }
        let tile = try #require(F.brochure.spec.colors["chart-tile"])
        let tiles = F.rects(page.items, colors: [tile])
        #expect(tiles.count == 4)
        #expect(Set(tiles.map { ($0.minY * 100).rounded() }).count == 1) // one row
        #expect(tiles.allSatisfy { $0.height < 40 * pointsPerMillimetre && abs($0.height - tiles[0].height) < 1e-9 })
        // Nothing collides on the page's charts.
        let chartRuns = F.runs(page.items).filter { $0.bounds.minY > tiles[0].minY - 600 }
        var overlaps: [(String, String)] = []
        for i in chartRuns.indices {
            for j in chartRuns.indices where j > i && chartRuns[i].bounds.intersects(chartRuns[j].bounds, tolerance: 0.05) {
                overlaps.append((chartRuns[i].text, chartRuns[j].text))
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps)")
    }

    @Test("an event page shows its plotted charts; its KPI charts, which repeat its figure tiles, stay in the statistics")
    func eventPages() throws {
        let pages = try document().pages
        // Events follow one another in one flow: an event's charts are on its page or the next.
        let first = try #require(pages.firstIndex { $0.role == "event" && text($0).contains("我市高新技术企业突破5300家") })
        let enterprises = Array(pages[first...min(first + 1, pages.count - 1)])
        #expect(enterprises.contains { text($0).contains("高新技术企业总数") && text($0).contains("2025年目标") })
        #expect(enterprises.contains { text($0).contains("新认定高新技术企业") })
        let head = try #require(pages.firstIndex { $0.role == "event" && text($0).contains("宁波国家高新区在全国综合排名跃居第13位") })
        let rank = Array(pages[head...min(head + 1, pages.count - 1)])
        #expect(rank.contains { text($0).contains("第15位") })
        // A KPI's note is its own text (the figure tiles have none): it shows only in the statistics.
        for chart in TestSupport.defaultReport.charts where chart.kind == .kpi {
            let note = String(try #require(chart.note).prefix(12))
            #expect(pages.filter { text($0).contains(note) }.map(\.role) == ["statistics"], "\(chart.id)")
        }
    }

    @Test("a charts block's separator groups thousands: 5,300 and 10,000")
    func separator() throws {
        var spec = F.brochure.spec
        var template = try #require(spec.templates["statistics"])
        var flow = try #require(template.flow)
        for i in flow.blocks.indices where flow.blocks[i].kind == .charts { flow.blocks[i].separator = "," }
        template.flow = flow
        spec.templates["statistics"] = template
        let pages = try document(Typesetter(spec: spec, composer: F.composer)).pages
        let statistics = try #require(pages.first { $0.role == "statistics" })
        #expect(F.run("5,300", in: statistics.items) != nil)
        #expect(F.run("10,000", in: statistics.items) != nil)
        #expect(F.run("5300", in: statistics.items) == nil)
    }
}
