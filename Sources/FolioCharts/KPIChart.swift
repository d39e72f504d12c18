import FolioCore
import FolioModel
import FolioText

/// A big number with its unit; change against the previous value when there is one.
struct KPIChart {
    let composer: Composer
    let theme: ChartTheme

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        var items: [Item] = []
        let values = (chart.series.first?.values ?? []).compactMap { $0 }
        guard let value = values.last else { return [] }
        let big = SetLine.make(ChineseNumber.format(value), style: theme.big, composer: composer, settings: theme.settings)
        let unit = SetLine.make(chart.unit ?? "", style: theme.title, composer: composer, settings: theme.settings)
        let baseline = rect.minY + big.ascent + 4
        items += big.runs(x: rect.minX, baseline: baseline)
        items += unit.runs(x: rect.minX + big.width + 4, baseline: baseline)
        if values.count >= 2 {
            let previous = values[values.count - 2]
            let better = chart.invert ? value < previous : value > previous
            let change = previous == 0 ? 0 : (value - previous) / abs(previous) * 100
            let arrow = better ? "▲" : "▼"
            let text = "\(arrow) \(ChineseNumber.trimmed(abs(change), 1))%"
            let l = SetLine.make(text, style: CharacterStyle(font: theme.label.font, color: better ? theme.accent : theme.negative),
                                 composer: composer, settings: theme.settings)
            items += l.runs(x: rect.minX, baseline: baseline + big.descent + l.ascent + 6)
        }
        return items
    }
}
