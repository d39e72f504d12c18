import FolioCore
import FolioModel
import FolioText

/// Draws a chart as vector items: shapes for the marks, composed text for every label
/// (so titles, labels and values stay searchable).
public struct ChartRenderer: Sendable {
    public let composer: Composer

    public init(composer: Composer) {
        self.composer = composer
    }

    /// The chart drawn into `rect`: title on top, note at the bottom, marks between.
    public func render(_ chart: Chart, in rect: Rect, theme: ChartTheme) -> [Item] {
        var items: [Item] = []
        let title = line(chart.title + (chart.unit.map { "（\($0)）" } ?? ""), theme.title, width: rect.width)
        items += title.runs(x: rect.minX, baseline: rect.minY + title.ascent)
        var plot = Rect(x: rect.minX, y: rect.minY + title.height + 6, width: rect.width, height: rect.height - title.height - 6)
        if let note = chart.note {
            let n = composer.compose(ParagraphSpec(spans: [TextSpan(note, style: theme.note)], width: rect.width,
                                                   alignment: .left, settings: theme.settings))
            let lineHeight = theme.note.font.size * 1.35
            let h = Double(n.lines.count) * lineHeight
            for (i, l) in n.lines.enumerated() {
                for run in l.runs(atX: rect.minX, baseline: rect.maxY - h + Double(i) * lineHeight + theme.note.font.size * 0.95) {
                    items.append(.text(run))
                }
            }
            plot.height -= h + 4
        }
        switch chart.kind {
        case .bar: items += BarChart(composer: composer, theme: theme).draw(chart, in: plot)
        case .line: items += LineChart(composer: composer, theme: theme).draw(chart, in: plot)
        case .donut: items += DonutChart(composer: composer, theme: theme).draw(chart, in: plot)
        case .kpi: items += KPIChart(composer: composer, theme: theme).draw(chart, in: plot)
        }
        return items
    }

    func line(_ text: String, _ style: CharacterStyle, width: Double) -> SetLine {
        SetLine.make(text, style: style, composer: composer, settings: ComposerSettings())
    }
}

/// One line of chart text, measured.
struct SetLine {
    var line: ComposedLine?
    var width: Double
    var ascent: Double
    var descent: Double

    var height: Double { ascent + descent }

    static func make(_ text: String, style: CharacterStyle, composer: Composer, settings: ComposerSettings) -> SetLine {
        let p = composer.compose(ParagraphSpec(spans: [TextSpan(text, style: style)], width: 100_000, alignment: .left,
                                               settings: settings))
        let m = composer.fonts.metrics(for: style.font)
        guard let l = p.lines.first else { return SetLine(line: nil, width: 0, ascent: m.ascent, descent: m.descent) }
        return SetLine(line: l, width: l.right - l.left, ascent: m.ascent, descent: m.descent)
    }

    /// Items with the line's left edge at `x` and its baseline at `baseline`.
    func runs(x: Double, baseline: Double) -> [Item] {
        guard let line else { return [] }
        return line.runs(atX: x - line.left, baseline: baseline).map { Item.text($0) }
    }
}
