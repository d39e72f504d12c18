import FolioCore
import FolioModel
import FolioText

/// Lines with markers; null values leave gaps; `invert` puts small values on top.
struct LineChart {
    let composer: Composer
    let theme: ChartTheme

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        var items: [Item] = []
        let all = chart.series.flatMap { $0.values.compactMap { $0 } }
        let lo = all.min() ?? 0, hi = all.max() ?? 1
        let span = max(hi - lo, 1)
        let labelH = theme.label.font.size * 1.6
        let plot = Rect(x: rect.minX + 10, y: rect.minY + 14, width: rect.width - 20, height: rect.height - labelH - 20)
        let n = max(1, chart.categories.count)
        func x(_ i: Int) -> Double { n == 1 ? plot.midX : plot.minX + plot.width * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double {
            let t = (v - lo) / span
            return chart.invert ? plot.minY + plot.height * t : plot.maxY - plot.height * t
        }
        for (s, series) in chart.series.enumerated() {
            let color = theme.palette[s % max(1, theme.palette.count)]
            var path = Path()
            var penDown = false
            for (i, v) in series.values.enumerated() {
                guard let v else { penDown = false; continue }
                let p = Point(x: x(i), y: y(v))
                path.elements.append(penDown ? .line(p) : .move(p))
                penDown = true
            }
            items.append(.shape(Shape(path: path, stroke: Stroke(color: color, width: 1.5, roundCaps: true))))
            for (i, v) in series.values.enumerated() {
                guard let v else { continue }
                let p = Point(x: x(i), y: y(v))
                items.append(.shape(Shape(path: .circle(center: p, radius: 3), fill: .white, stroke: Stroke(color: color, width: 1.5))))
                let label = SetLine.make(ChineseNumber.format(v) + (chart.unit ?? ""), style: theme.value,
                                         composer: composer, settings: theme.settings)
                items += label.runs(x: p.x - label.width / 2, baseline: p.y - 7)
            }
        }
        for (i, category) in chart.categories.enumerated() {
            let cat = SetLine.make(category, style: theme.label, composer: composer, settings: theme.settings)
            items += cat.runs(x: x(i) - cat.width / 2, baseline: plot.maxY + cat.ascent + 8)
        }
        return items
    }
}
