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

    /// The chart drawn into `rect`: title (and unit) on top, then the legend, the marks,
    /// and the note at the bottom. Nothing is drawn outside `rect`.
    public func render(_ chart: Chart, in rect: Rect, theme: ChartTheme) -> [Item] {
        let (chart, ctx) = prepared(chart, theme: theme)
        let theme = ctx.theme
        if chart.kind == .kpi {
            return KPIChart(ctx: ctx).draw(chart, in: rect)
        }
        var items: [Item] = []
        let u = ctx.u
        var top = rect.minY
        // Title, with the unit right-aligned on its last line when it fits there.
        let title = ctx.wrapped(chart.title, theme.title, width: rect.width, balanced: true)
        items += title.items(x: rect.minX, top: top)
        top += title.height
        if let caption = unitCaption(chart, theme: theme) {
            let unit = ctx.line(caption, theme.label)
            let lastWidth = title.lines.last.map { $0.right } ?? 0
            if lastWidth + theme.label.font.size + unit.width <= rect.width {
                let baseline = top - title.descent
                items += unit.items(x: rect.maxX - unit.width, top: baseline - unit.ascent)
            } else {
                top += 2 * u
                items += unit.items(x: rect.maxX - unit.width, top: top)
                top += unit.height
            }
        }
        top += 5 * u
        // The note at the bottom.
        var bottom = rect.maxY
        if let text = chart.note, !text.isEmpty {
            let note = ctx.wrapped(text, theme.note, width: rect.width, alignment: .justify)
            let noteTop = bottom - note.height
            items += note.items(x: rect.minX, top: noteTop)
            bottom = noteTop - 5 * u
        }
        // The legend under the title.
        let entries = legendEntries(chart, theme: theme)
        if !entries.isEmpty {
            let legend = Legend(ctx: ctx, entries: entries)
            let drawn = legend.draw(x: rect.minX, top: top, width: rect.width)
            items += drawn.items
            top += drawn.height + 5 * u
        }
        let plot = Rect(x: rect.minX, y: top, width: rect.width, height: max(0, bottom - top))
        switch chart.kind {
        case .bar: items += BarChart(ctx: ctx).draw(chart, in: plot)
        case .line: items += LineChart(ctx: ctx).draw(chart, in: plot)
        case .donut: items += DonutChart(ctx: ctx).draw(chart, in: plot)
        case .kpi: break
        }
        return items
    }

    /// The chart laid out in a frame of `size` (its items relative to the frame's top-left).
    public func frame(_ chart: Chart, size: Size, theme: ChartTheme) -> Frame {
        Frame(size: size, items: render(chart, in: Rect(origin: .zero, size: size), theme: theme))
    }

    /// The chart laid out `width` wide at its natural size, when it has one (a KPI tile:
    /// its height from the same layout as its drawing); nil for plotted charts, which take
    /// the height they are given.
    public func naturalFrame(_ chart: Chart, width: Double, theme: ChartTheme) -> Frame? {
        guard chart.kind == .kpi else { return nil }
        let (chart, ctx) = prepared(chart, theme: theme)
        return KPIChart(ctx: ctx).frame(chart, width: width)
    }

    /// The chart and the context it is drawn in: every series or slice gets a colour of its
    /// own, however few the layout names; NaN and infinity (which the reader rejects, but a
    /// chart made in code may hold) become gaps.
    private func prepared(_ chart: Chart, theme: ChartTheme) -> (Chart, ChartContext) {
        var theme = theme
        theme.palette = theme.distinctPalette(count: ChartTheme.colorsNeeded(chart))
        var chart = chart
        chart.series = chart.series.map { s in Series(name: s.name, values: s.values.map { v in v.flatMap { $0.isFinite ? $0 : nil } }) }
        return (chart, ChartContext(composer: composer, theme: theme))
    }

    /// The height of the chart's natural frame at `width` (nil for plotted charts).
    public func naturalHeight(_ chart: Chart, width: Double, theme: ChartTheme) -> Double? {
        naturalFrame(chart, width: width, theme: theme)?.size.height
    }

    /// The least height a plotted chart needs at `width` to show its title, unit, legend
    /// and note and still leave its marks room to be read (a KPI: its natural height).
    public func minimumHeight(_ chart: Chart, width: Double, theme: ChartTheme) -> Double {
        if let natural = naturalHeight(chart, width: width, theme: theme) { return natural }
        let ctx = ChartContext(composer: composer, theme: theme)
        let u = ctx.u
        var h = ctx.wrapped(chart.title, theme.title, width: width, balanced: true).height + 5 * u
        if unitCaption(chart, theme: theme) != nil { h += 2 * u + ctx.line("单位", theme.label).height }
        if let note = chart.note, !note.isEmpty {
            h += ctx.wrapped(note, theme.note, width: width, alignment: .justify).height + 5 * u
        }
        let entries = legendEntries(chart, theme: theme)
        if !entries.isEmpty {
            h += Legend(ctx: ctx, entries: entries).draw(x: 0, top: 0, width: width).height + 5 * u
        }
        // The marks: room for a few ticks and the category labels, or a readable ring.
        let plot = chart.kind == .donut ? min(width * 0.45, 12 * theme.label.font.size) : 7 * theme.label.font.size
        return h + plot
    }

    /// "单位：家" for charts with a value axis whose labels are bare numbers.
    func unitCaption(_ chart: Chart, theme: ChartTheme) -> String? {
        guard chart.kind == .bar || chart.kind == .line, chart.prefix == nil else { return nil }
        let magnitude = ValueAxis.format(chart, grouping: theme.grouping).magnitude
        guard let unit = chart.unit, !unit.isEmpty else {
            return magnitude.isEmpty ? nil : "单位：\(magnitude)"
        }
        return "单位：\(magnitude)\(unit)"
    }

    func legendEntries(_ chart: Chart, theme: ChartTheme) -> [Legend.Entry] {
        var entries: [Legend.Entry] = []
        if chart.kind == .bar || chart.kind == .line, chart.series.count > 1 {
            for (i, s) in chart.series.enumerated() {
                let swatch: Legend.Swatch = chart.kind == .bar ? .box : .line(marker: i)
                entries.append(Legend.Entry(text: s.name, color: theme.color(series: i), swatch: swatch))
            }
        }
        if chart.kind == .bar || chart.kind == .line, !chart.derived.isEmpty {
            entries.append(Legend.Entry(text: "推算值", color: chart.series.count > 1 ? theme.axis : theme.color(series: 0),
                                        swatch: chart.kind == .bar ? .derived : .dashedLine))
        }
        return entries
    }
}
