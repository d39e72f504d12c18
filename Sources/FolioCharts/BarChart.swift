import FolioCore
import FolioModel
import FolioText

/// Vertical bars from zero, value labels above, category labels below.
struct BarChart {
    let composer: Composer
    let theme: ChartTheme

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        var items: [Item] = []
        let values = chart.series.first?.values ?? []
        let maxValue = max(chart.target?.value ?? 0, values.compactMap { $0 }.max() ?? 1)
        let labelH = theme.label.font.size * 1.6
        let valueH = theme.value.font.size * 1.6
        let plot = Rect(x: rect.minX, y: rect.minY + valueH, width: rect.width, height: rect.height - labelH - valueH)
        let n = max(1, chart.categories.count)
        let slot = plot.width / Double(n)
        let barW = min(slot * 0.55, 60)
        for (i, category) in chart.categories.enumerated() {
            let cx = plot.minX + slot * (Double(i) + 0.5)
            if let v = values[safe: i] ?? nil {
                let h = plot.height * v / maxValue
                let bar = Rect(x: cx - barW / 2, y: plot.maxY - h, width: barW, height: h)
                let color = chart.highlight == category ? theme.accent : theme.palette.first ?? theme.axis
                items.append(.shape(Shape(path: .rect(bar), fill: color)))
                let label = SetLine.make(ChineseNumber.format(v, thousands: theme.thousands), style: theme.value,
                                         composer: composer, settings: theme.settings)
                items += label.runs(x: cx - label.width / 2, baseline: bar.minY - 4)
            }
            let cat = SetLine.make(category, style: theme.label, composer: composer, settings: theme.settings)
            items += cat.runs(x: cx - cat.width / 2, baseline: plot.maxY + cat.ascent + 4)
        }
        items.append(.shape(Shape(path: .line(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY)),
                                  stroke: Stroke(color: theme.axis, width: 0.75))))
        if let target = chart.target {
            let y = plot.maxY - plot.height * target.value / maxValue
            items.append(.shape(Shape(path: .line(from: Point(x: plot.minX, y: y), to: Point(x: plot.maxX, y: y)),
                                      stroke: Stroke(color: theme.accent, width: 0.75, dash: [3, 2]))))
            let label = SetLine.make(target.label, style: theme.label, composer: composer, settings: theme.settings)
            items += label.runs(x: plot.maxX - label.width, baseline: y - 3)
        }
        return items
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
