import Foundation
import FolioCore
import FolioModel
import FolioText

extension BarChart {
    /// Vertical bars: tick labels on the left, category names under the plot, room above
    /// the tallest bar for its label.
    func verticalFrame(_ chart: Chart, in rect: Rect, items: inout [Item], placer: inout LabelPlacer) -> Frame {
        let t = ctx.theme, u = ctx.u
        let valueHeight = ctx.line("0", t.value).height
        let count = max(3, min(6, Int(rect.height / (t.label.font.size * 3.4))))
        var axis = ValueAxis.make(chart, count: count, grouping: t.grouping)
        let ticks = axis.scale.ticks.map { ctx.line(tickLabel($0, axis, chart), t.label) }
        let x0 = rect.minX + (ticks.map(\.width).max() ?? 0) + 4 * u
        let band = (rect.maxX - x0) / Double(chart.categories.count)
        let names = categoryNames(chart, width: band - 2 * u, alignment: .center)
        let namesHeight = names.map(\.height).max() ?? 0
        let top = rect.minY + valueHeight + 3 * u
        var bottom = rect.maxY - namesHeight - 4 * u
        if axis.scale.lower < 0 { bottom -= valueHeight + 3 * u }
        // Inverted (ranks): the best value at the top, the bars rising from the bottom.
        axis.from = chart.invert ? top : bottom
        axis.to = chart.invert ? bottom : top
        let plot = Rect(x: x0, y: top, width: rect.maxX - x0, height: max(0, bottom - top))
        items += grid(axis, ticks, plot: plot, vertical: true, placer: &placer)
        for (c, name) in names.enumerated() {
            let x = x0 + band * (Double(c) + 0.5) - (band - 2 * u) / 2
            let nameTop = rect.maxY - namesHeight
            items += name.items(x: x, top: nameTop)
            placer.reserve(name.bounds(x: x, top: nameTop))
        }
        return Frame(vertical: true, axis: axis, plot: plot, band: band)
    }

    /// Horizontal bars: category names on the left, tick labels under the plot, room to
    /// the right of the longest bar for its label and above the plot for a target's label.
    func horizontalFrame(_ chart: Chart, in rect: Rect, items: inout [Item], placer: inout LabelPlacer) -> Frame {
        let t = ctx.theme, u = ctx.u
        let natural = chart.categories.map { ctx.line($0, t.label).width }.max() ?? 0
        let namesWidth = min(natural, rect.width * 0.32)
        let names = categoryNames(chart, width: namesWidth, alignment: .right)
        var labelWidth = 0.0
        for s in chart.series {
            for case let v? in s.values {
                labelWidth = max(labelWidth, ctx.line(ctx.valueLabel(v, chart: chart), t.value).width)
            }
        }
        if chart.stacked {
            let e = ValueAxis.extent(chart)
            for v in [e.lower, e.upper] {
                labelWidth = max(labelWidth, ctx.line(ctx.valueLabel(v, chart: chart), t.value).width)
            }
        }
        var x0 = rect.minX + namesWidth + 5 * u
        let x1 = rect.maxX - labelWidth - 3 * u
        let count = max(2, min(6, Int((x1 - x0) / (t.label.font.size * 5.5))))
        var axis = ValueAxis.make(chart, count: count, grouping: t.grouping)
        if axis.scale.lower < 0 { x0 += labelWidth + 3 * u }
        let ticks = axis.scale.ticks.map { ctx.line(tickLabel($0, axis, chart), t.label) }
        let tickHeight = (ticks.map(\.height).max() ?? 0) + 3 * u
        let targetHeight = chart.target.map { ctx.line($0.label, ctx.strongLabel).height + 3 * u } ?? 0
        let top = rect.minY + targetHeight
        let bottom = rect.maxY - tickHeight
        // Inverted (ranks): the best value at the right, the bars growing from the left.
        axis.from = chart.invert ? x1 : x0
        axis.to = chart.invert ? x0 : x1
        let plot = Rect(x: x0, y: top, width: max(0, x1 - x0), height: max(0, bottom - top))
        let band = plot.height / Double(chart.categories.count)
        items += grid(axis, ticks, plot: plot, vertical: false, placer: &placer)
        for (c, name) in names.enumerated() {
            let nameTop = top + band * (Double(c) + 0.5) - name.height / 2
            items += name.items(x: rect.minX, top: nameTop)
            placer.reserve(name.bounds(x: rect.minX, top: nameTop))
        }
        return Frame(vertical: false, axis: axis, plot: plot, band: band)
    }

    /// A tick's label; an inverted (rank) axis labels no tick at or below zero (there is no
    /// 0th place) and none past the worst value (the baseline the bars grow from).
    func tickLabel(_ tick: Double, _ axis: ValueAxis, _ chart: Chart) -> String {
        guard chart.invert else { return axis.label(tick) }
        let worst = chart.series.flatMap { $0.values.compactMap { $0 } }.max() ?? tick
        return tick <= 0 || tick > worst + axis.scale.step / 2 ? "" : axis.label(tick)
    }

    /// Category names set to `width`, the highlighted one in the strong style.
    func categoryNames(_ chart: Chart, width: Double, alignment: Alignment) -> [ChartText] {
        chart.categories.map { name in
            let style = name == chart.highlight ? ctx.strongLabel : ctx.theme.label
            return ctx.wrapped(name, style, width: width, alignment: alignment)
        }
    }

    /// Grid lines at the ticks (not at zero, which gets the axis line) and their labels;
    /// when ticks are too close for their labels, only every second (or third) is labelled.
    func grid(_ axis: ValueAxis, _ ticks: [ChartText], plot: Rect, vertical: Bool, placer: inout LabelPlacer) -> [Item] {
        let t = ctx.theme, u = ctx.u
        let values = axis.scale.ticks
        var items: [Item] = []
        let spacing = values.count > 1 ? abs(axis.position(values[1]) - axis.position(values[0])) : .infinity
        let need = vertical ? (ticks.map(\.height).max() ?? 0) + u : (ticks.map(\.width).max() ?? 0) + 4 * u
        let every = max(1, Int((need / spacing).rounded(.up)))
        let anchor = values.firstIndex(of: 0) ?? 0
        for (i, value) in values.enumerated() {
            let p = axis.position(value)
            if value != 0 {
                let (a, b) = vertical
                    ? (Point(x: plot.minX, y: p), Point(x: plot.maxX, y: p))
                    : (Point(x: p, y: plot.minY), Point(x: p, y: plot.maxY))
                items.append(ctx.rule(from: a, to: b, color: t.grid, width: 0.5 * u))
            }
            guard abs(i - anchor) % every == 0 else { continue }
            let text = ticks[i]
            let origin = vertical
                ? Point(x: plot.minX - 4 * u - text.width, y: p + text.capHeight / 2 - text.ascent)
                : Point(x: p - text.width / 2, y: plot.maxY + 3 * u)
            items += text.items(at: origin)
            placer.reserve(Rect(origin: origin, size: text.size))
        }
        return items
    }
}
