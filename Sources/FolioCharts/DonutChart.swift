import Foundation
import FolioCore
import FolioModel
import FolioText

/// A donut with the total in the centre and a legend.
struct DonutChart {
    let composer: Composer
    let theme: ChartTheme

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        var items: [Item] = []
        let values = (chart.series.first?.values ?? []).map { max(0, $0 ?? 0) }
        let total = values.reduce(0, +)
        let r = min(rect.height, rect.width * 0.5) / 2 - 2
        let c = Point(x: rect.minX + r + 2, y: rect.midY)
        let inner = r * 0.6
        var a = -Double.pi / 2
        for (i, v) in values.enumerated() where total > 0 && v > 0 {
            let sweep = 2 * Double.pi * v / total
            var p = Path.arc(center: c, radius: r, from: a, to: a + sweep)
            p.elements.append(.line(Point(x: c.x + inner * cos(a + sweep), y: c.y + inner * sin(a + sweep))))
            p.appendArc(center: c, radius: inner, from: a + sweep, to: a)
            p.elements.append(.close)
            items.append(.shape(Shape(path: p, fill: theme.palette[i % max(1, theme.palette.count)], stroke: Stroke(color: .white, width: 1))))
            a += sweep
        }
        let totalLine = SetLine.make(ChineseNumber.format(total), style: theme.value, composer: composer, settings: theme.settings)
        items += totalLine.runs(x: c.x - totalLine.width / 2, baseline: c.y + totalLine.ascent / 2)
        var y = rect.midY - Double(values.count) * 9
        for (i, category) in chart.categories.enumerated() {
            let color = theme.palette[i % max(1, theme.palette.count)]
            items.append(.shape(Shape(path: .rect(Rect(x: c.x + r + 12, y: y - 7, width: 8, height: 8)), fill: color)))
            let text = "\(category) \(ChineseNumber.format(values[safe: i] ?? 0))\(chart.unit ?? "")"
            let l = SetLine.make(text, style: theme.label, composer: composer, settings: theme.settings)
            items += l.runs(x: c.x + r + 24, baseline: y)
            y += 18
        }
        return items
    }
}
