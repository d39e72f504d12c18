import FolioCore
import FolioModel
import FolioText

/// Bars from zero, vertical or horizontal, grouped or stacked; nice ticks with light grid
/// lines; value labels that keep clear of each other and of the bars; a target line with
/// its label; one highlighted category.
struct BarChart {
    let ctx: ChartContext

    /// One drawn bar: a series' value in a category, or one segment of a stack.
    struct Bar {
        var rect: Rect
        var series: Int
        var category: Int
        var value: Double
        var color: Color
        var derived: Bool
        /// Where the bar's end is: away from zero.
        var positive: Bool
    }

    /// Where the plot sits once the axis labels and category labels have their room.
    struct Frame {
        var vertical: Bool
        var axis: ValueAxis
        /// The plot area (bars and grid).
        var plot: Rect
        /// Width of one category's band.
        var band: Double

        /// The middle of category `c`'s band.
        func centre(_ c: Int) -> Double {
            (vertical ? plot.minX : plot.minY) + band * (Double(c) + 0.5)
        }

        /// The rectangle of a bar across `b0...b1` from value `v0` to `v1`.
        func rect(across b0: Double, _ b1: Double, from v0: Double, to v1: Double) -> Rect {
            let p0 = axis.position(v0), p1 = axis.position(v1)
            return vertical
                ? Rect(x: b0, y: min(p0, p1), width: b1 - b0, height: abs(p1 - p0))
                : Rect(x: min(p0, p1), y: b0, width: abs(p1 - p0), height: b1 - b0)
        }
    }

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        guard !chart.categories.isEmpty, rect.width > 0, rect.height > 0 else { return [] }
        var placer = LabelPlacer(bounds: rect, gap: 1.2 * ctx.u)
        var items: [Item] = []
        let frame = chart.orientation == .vertical
            ? verticalFrame(chart, in: rect, items: &items, placer: &placer)
            : horizontalFrame(chart, in: rect, items: &items, placer: &placer)
        // Too little room for a plot: draw nothing rather than bars outside the box.
        guard frame.plot.width > 4 * ctx.u, frame.plot.height > 4 * ctx.u else { return [] }
        let bars = self.bars(chart, frame)
        if let h = chart.highlight, chart.series.count > 1, let c = chart.categories.firstIndex(of: h) {
            // Several series: a light band behind the highlighted category.
            let b0 = frame.centre(c) - frame.band / 2 + ctx.u, b1 = frame.centre(c) + frame.band / 2 - ctx.u
            let band = frame.vertical
                ? Rect(x: b0, y: frame.plot.minY, width: b1 - b0, height: frame.plot.height)
                : Rect(x: frame.plot.minX, y: b0, width: frame.plot.width, height: b1 - b0)
            items.insert(.shape(Shape(path: .rect(band), fill: ctx.theme.accent.withAlpha(0.16))), at: 0)
        }
        for bar in bars {
            items.append(ctx.mark(.rect(bar.rect), color: bar.color, derived: bar.derived))
            placer.avoid(bar.rect)
        }
        items += zeroLine(frame, baseline: chart.invert ? frame.axis.scale.upper : 0)
        if let target = chart.target {
            items += self.target(target, frame, placer: &placer)
        }
        items += valueLabels(chart, bars, frame, placer: &placer)
        return items
    }

    // MARK: - Bars

    func bars(_ chart: Chart, _ frame: Frame) -> [Bar] {
        let t = ctx.theme
        let seriesCount = max(1, chart.series.count)
        let grouped = !chart.stacked && seriesCount > 1
        let barMax = t.label.font.size * 5
        let group = min(frame.band * (grouped ? 0.8 : 0.62), barMax * (grouped ? Double(seriesCount) : 1))
        let barWidth = grouped ? group / Double(seriesCount) : group
        let inner = grouped ? min(1.5 * ctx.u, barWidth * 0.12) : 0
        var bars: [Bar] = []
        for c in chart.categories.indices {
            let g0 = frame.centre(c) - group / 2
            var up = 0.0, down = 0.0
            for (s, series) in chart.series.enumerated() {
                guard let v = series.values[safe: c] ?? nil else { continue }
                let color = chart.highlight == chart.categories[c] && seriesCount == 1 ? t.accent : t.color(series: s)
                let b0 = grouped ? g0 + Double(s) * barWidth + inner / 2 : g0
                let b1 = grouped ? b0 + barWidth - inner : g0 + group
                // Inverted (ranks): from the baseline past the worst value, so the best is tallest.
                var from = chart.invert ? frame.axis.scale.upper : 0.0, to = v
                if chart.stacked {
                    if v >= 0 { from = up; up += v; to = up } else { from = down; down += v; to = down }
                }
                bars.append(Bar(rect: frame.rect(across: b0, b1, from: from, to: to), series: s, category: c, value: v,
                                color: color, derived: chart.isDerived(c), positive: v >= 0))
            }
        }
        return bars
    }

    func zeroLine(_ frame: Frame, baseline: Double = 0) -> [Item] {
        guard frame.axis.scale.lower <= baseline, frame.axis.scale.upper >= baseline else { return [] }
        let p = frame.axis.position(baseline)
        let (a, b) = frame.vertical
            ? (Point(x: frame.plot.minX, y: p), Point(x: frame.plot.maxX, y: p))
            : (Point(x: p, y: frame.plot.minY), Point(x: p, y: frame.plot.maxY))
        return [ctx.rule(from: a, to: b, color: ctx.theme.axis, width: 0.8 * ctx.u)]
    }

    // MARK: - Target

    func target(_ target: Target, _ frame: Frame, placer: inout LabelPlacer) -> [Item] {
        let u = ctx.u
        let p = frame.axis.position(target.value)
        let plot = frame.plot
        let (a, b) = frame.vertical
            ? (Point(x: plot.minX, y: p), Point(x: plot.maxX, y: p))
            : (Point(x: p, y: plot.minY), Point(x: p, y: plot.maxY))
        var items = [ctx.rule(from: a, to: b, color: ctx.theme.target, width: 1.0 * u, dash: [4 * u, 2.5 * u])]
        let style = ctx.style(ctx.strongLabel, color: ctx.theme.target)
        let text = ctx.line(target.label, style)
        let size = text.size
        let candidates: [Rect]
        if frame.vertical {
            let above = p - 2 * u - size.height, below = p + 2 * u
            candidates = [Rect(x: plot.maxX - size.width, y: above, width: size.width, height: size.height),
                          Rect(x: plot.maxX - size.width, y: below, width: size.width, height: size.height),
                          Rect(x: plot.minX + 2 * u, y: above, width: size.width, height: size.height),
                          Rect(x: plot.minX + 2 * u, y: below, width: size.width, height: size.height),
                          Rect(x: plot.midX - size.width / 2, y: above, width: size.width, height: size.height)]
        } else {
            let top = plot.minY - 2 * u - size.height
            candidates = [Rect(x: p - size.width / 2, y: top, width: size.width, height: size.height),
                          Rect(x: p - size.width, y: top, width: size.width, height: size.height),
                          Rect(x: p + 2 * u, y: top, width: size.width, height: size.height),
                          Rect(x: p - size.width - 2 * u, y: plot.minY, width: size.width, height: size.height)]
        }
        if let spot = placer.place(candidates) {
            items += text.items(at: spot.origin)
        }
        placer.avoid(from: a, to: b)
        return items
    }

    // MARK: - Value labels

    func valueLabels(_ chart: Chart, _ bars: [Bar], _ frame: Frame, placer: inout LabelPlacer) -> [Item] {
        let u = ctx.u
        let t = ctx.theme
        var items: [Item] = []
        if chart.stacked {
            // Segments: inside when the label fits, else left out (the total still shows).
            for bar in bars {
                let text = ctx.line(ctx.valueLabel(bar.value, chart: chart), t.value)
                let box = Rect.centred(on: Point(x: bar.rect.midX, y: bar.rect.midY), size: text.size)
                guard bar.rect.insetBy(u).contains(box, tolerance: 0) else { continue }
                guard placer.isFree(box, ignoring: bar.rect) else { continue }
                placer.reserve(box)
                let color = bar.derived ? t.value.color : ctx.textColor(on: bar.color)
                items += ctx.line(ctx.valueLabel(bar.value, chart: chart), ctx.style(t.value, color: color))
                    .items(at: box.origin)
            }
            // Totals past the end of each stack.
            for c in chart.categories.indices {
                let column = bars.filter { $0.category == c }
                guard !column.isEmpty else { continue }
                let total = column.map(\.value).reduce(0, +)
                let end = column.filter { $0.positive == (total >= 0) }
                guard let extent = end.map(\.rect).reduce(nil, { r, x in r.map { $0.union(x) } ?? x }) else { continue }
                let text = ctx.line(ctx.valueLabel(total, chart: chart), t.value)
                if let spot = placer.place(beyond(extent, positive: total >= 0, size: text.size, frame: frame)) {
                    items += text.items(at: spot.origin)
                }
            }
            return items
        }
        for bar in bars {
            let text = ctx.line(ctx.valueLabel(bar.value, chart: chart), t.value)
            if let spot = placer.place(beyond(bar.rect, positive: bar.positive, size: text.size, frame: frame)) {
                items += text.items(at: spot.origin)
            } else if let inside = self.inside(bar.rect, positive: bar.positive, size: text.size, frame: frame),
                      placer.isFree(inside, ignoring: bar.rect) {
                placer.reserve(inside)
                let color = bar.derived ? t.value.color : ctx.textColor(on: bar.color)
                items += ctx.line(ctx.valueLabel(bar.value, chart: chart), ctx.style(t.value, color: color))
                    .items(at: inside.origin)
            }
        }
        return items
    }

    /// Label boxes past a bar's end: next to it, then staggered further out.
    func beyond(_ bar: Rect, positive: Bool, size: Size, frame: Frame) -> [Rect] {
        let u = ctx.u
        return (0..<3).map { k in
            let step = Double(k) * ((frame.vertical ? size.height : size.width) + u)
            if frame.vertical {
                let y = positive ? bar.minY - 2 * u - size.height - step : bar.maxY + 2 * u + step
                return Rect(x: bar.midX - size.width / 2, y: y, width: size.width, height: size.height)
            }
            let x = positive ? bar.maxX + 2.5 * u + step : bar.minX - 2.5 * u - size.width - step
            return Rect(x: x, y: bar.midY - size.height / 2, width: size.width, height: size.height)
        }
    }

    /// A label box inside a bar's end, when the bar is big enough to hold it.
    func inside(_ bar: Rect, positive: Bool, size: Size, frame: Frame) -> Rect? {
        let u = ctx.u
        let box: Rect
        if frame.vertical {
            box = Rect(x: bar.midX - size.width / 2, y: positive ? bar.minY + 2 * u : bar.maxY - 2 * u - size.height,
                       width: size.width, height: size.height)
        } else {
            box = Rect(x: positive ? bar.maxX - 3 * u - size.width : bar.minX + 3 * u, y: bar.midY - size.height / 2,
                       width: size.width, height: size.height)
        }
        return bar.insetBy(0.5 * u).contains(box, tolerance: 0) ? box : nil
    }
}
