import FolioCore
import FolioModel
import FolioText

/// Lines with markers (a different shape per series); null values leave gaps; `invert`
/// runs the axis the other way so a smaller value (a better rank) sits higher. Value
/// labels take the first free place around their point.
struct LineChart {
    let ctx: ChartContext

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        guard !chart.categories.isEmpty, rect.width > 0, rect.height > 0 else { return [] }
        let t = ctx.theme, u = ctx.u
        var items: [Item] = []
        var placer = LabelPlacer(bounds: rect, gap: 1.2 * u)
        let valueHeight = ctx.line("0", t.value).height
        let count = max(3, min(6, Int(rect.height / (t.label.font.size * 3.6))))
        var axis = ValueAxis.make(chart, count: count, grouping: t.grouping)
        let ticks = axis.scale.ticks.map { ctx.line(axis.label($0), t.label) }
        let x0 = rect.minX + (ticks.map(\.width).max() ?? 0) + 4 * u
        let band = (rect.maxX - x0) / Double(chart.categories.count)
        let bars = BarChart(ctx: ctx)
        let names = bars.categoryNames(chart, width: band - 2 * u, alignment: .center)
        let namesHeight = names.map(\.height).max() ?? 0
        // Room above and below the lines for labels of the extreme points.
        let top = rect.minY + valueHeight + 4 * u
        let bottom = rect.maxY - namesHeight - valueHeight - 8 * u
        axis.from = chart.invert ? top : bottom
        axis.to = chart.invert ? bottom : top
        let plot = Rect(x: x0, y: top, width: rect.maxX - x0, height: max(0, bottom - top))
        guard plot.width > 4 * u, plot.height > 4 * u else { return [] }
        items += bars.grid(axis, ticks, plot: plot, vertical: true, placer: &placer)
        for (c, name) in names.enumerated() {
            let x = x0 + band * (Double(c) + 0.5) - (band - 2 * u) / 2
            let nameTop = rect.maxY - namesHeight
            items += name.items(x: x, top: nameTop)
            placer.reserve(name.bounds(x: x, top: nameTop))
        }
        func x(_ c: Int) -> Double { x0 + band * (Double(c) + 0.5) }
        if let target = chart.target {
            let p = axis.position(target.value)
            items.append(ctx.rule(from: Point(x: plot.minX, y: p), to: Point(x: plot.maxX, y: p), color: t.target,
                                  width: u, dash: [4 * u, 2.5 * u]))
            placer.avoid(from: Point(x: plot.minX, y: p), to: Point(x: plot.maxX, y: p))
            let text = ctx.line(target.label, ctx.style(ctx.strongLabel, color: t.target))
            let s = text.size
            if let spot = placer.place([Rect(x: plot.maxX - s.width, y: p - 2 * u - s.height, width: s.width, height: s.height),
                                        Rect(x: plot.maxX - s.width, y: p + 2 * u, width: s.width, height: s.height)]) {
                items += text.items(at: spot.origin)
            }
        }
        // Lines first (under the markers), every segment an obstacle for labels.
        let radius = 2.8 * u
        var points: [(series: Int, category: Int, point: Point, value: Double)] = []
        for (s, series) in chart.series.enumerated() {
            let color = t.color(series: s)
            // Read values joined by solid lines; a segment touching a derived value is dashed.
            var solid = Path(), dashed = Path()
            var previous: (c: Int, p: Point)?
            for (c, v) in series.values.enumerated() {
                guard let v else { previous = nil; continue }
                let p = Point(x: x(c), y: axis.position(v))
                points.append((s, c, p, v))
                if let previous {
                    if chart.isDerived(c) || chart.isDerived(previous.c) {
                        dashed.elements += [.move(previous.p), .line(p)]
                    } else {
                        solid.elements += [.move(previous.p), .line(p)]
                    }
                    placer.avoid(from: previous.p, to: p)
                }
                previous = (c, p)
            }
            if !solid.elements.isEmpty {
                items.append(.shape(Shape(path: solid, stroke: Stroke(color: color, width: 1.8 * u, roundCaps: true))))
            }
            if !dashed.elements.isEmpty {
                items.append(.shape(Shape(path: dashed, stroke: Stroke(color: color, width: 1.8 * u, dash: [3.5 * u, 2.5 * u]))))
            }
        }
        for p in points {
            let highlighted = chart.highlight == chart.categories[p.category]
            items.append(Marker.item(p.series, at: p.point, radius: highlighted ? radius * 1.25 : radius,
                                     color: t.color(series: p.series), ctx: ctx, filled: highlighted))
            placer.avoid(Rect.centred(on: p.point, size: Size(width: 2.6 * radius, height: 2.6 * radius)))
        }
        // Labels: above, below, right, left, then the diagonals, further out.
        for p in points {
            let text = ctx.line(ctx.valueLabel(p.value, chart: chart, withUnit: chart.prefix != nil), t.value)
            let s = text.size
            let d = radius + 2.5 * u
            let c = p.point
            var candidates: [Rect] = []
            for far in [0.0, s.height * 0.9] {
                candidates += [
                    Rect(x: c.x - s.width / 2, y: c.y - d - s.height - far, width: s.width, height: s.height),
                    Rect(x: c.x - s.width / 2, y: c.y + d + far, width: s.width, height: s.height),
                    Rect(x: c.x + d + far, y: c.y - s.height / 2, width: s.width, height: s.height),
                    Rect(x: c.x - d - s.width - far, y: c.y - s.height / 2, width: s.width, height: s.height),
                    Rect(x: c.x + d * 0.7, y: c.y - d * 0.7 - s.height - far, width: s.width, height: s.height),
                    Rect(x: c.x - d * 0.7 - s.width, y: c.y - d * 0.7 - s.height - far, width: s.width, height: s.height),
                    Rect(x: c.x + d * 0.7, y: c.y + d * 0.7 + far, width: s.width, height: s.height),
                    Rect(x: c.x - d * 0.7 - s.width, y: c.y + d * 0.7 + far, width: s.width, height: s.height),
                ]
            }
            if let spot = placer.place(candidates) {
                items += text.items(at: spot.origin)
            }
        }
        return items
    }
}
