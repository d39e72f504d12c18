import FolioCharts
import FolioCore
import FolioModel
import Testing

/// A chart is one figure whose alternate text carries its words; the words drawn inside
/// it are artifacts (checkers take a chart's axis or legend near a page edge for a running
/// head), except in a chart of words alone, which keeps them so the figure has content.
@Suite("Charts as figures")
struct ChartFigureTests {
    typealias F = ChartFixture

    /// The text runs under `item`, each with whether it is drawn as an artifact.
    static func texts(_ item: Item, inArtifact: Bool = false) -> [(text: String, artifact: Bool)] {
        switch item {
        case .text(let run): return [(run.text, inArtifact)]
        case .tagged(let tag, let children):
            return children.flatMap { texts($0, inArtifact: inArtifact || tag.isArtifact) }
        case .group(let group): return group.items.flatMap { texts($0, inArtifact: inArtifact) }
        default: return []
        }
    }

    @Test("a plotted chart's words are artifacts inside its figure, whose alternate text has them all")
    func plotted() throws {
        let chart = Chart(id: "b", title: "平台数量", kind: .bar, unit: "家", categories: ["2021", "2022"],
                          series: [Series(name: "国家级", values: [3, 90])])
        let figure = ChartFigure.tagged(chart, F.render(chart))
        guard case .tagged(let tag, let children) = figure else { Issue.record("not tagged"); return }
        #expect(tag.role == "Figure")
        let alt = try #require(tag.alt)
        let runs = Self.texts(figure)
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.artifact }, "tagged words: \(runs.filter { !$0.artifact }.map(\.text))")
        // The shapes stay the figure's content: the element is not empty.
        #expect(children.flatMap(\.flattened).contains { if case .shape = $0 { return true } else { return false } })
        for word in ["平台数量", "2021", "2022"] { #expect(alt.contains(word), "alt text lacks \(word): \(alt)") }
    }

    @Test("a key figure, all words, keeps them as the figure's content")
    func kpi() {
        let chart = Chart(id: "k", title: "产业规模", kind: .kpi, unit: "亿元", series: [Series(name: "规模", values: [320])])
        let runs = Self.texts(ChartFigure.tagged(chart, F.render(chart, width: 200, height: 120)))
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { !$0.artifact })
    }
}
