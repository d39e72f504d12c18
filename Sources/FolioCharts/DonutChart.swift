import Foundation
import FolioCore
import FolioModel
import FolioText

/// A donut with the total in the centre and a legend of names, values and shares (the
/// shares rounded so they add up to exactly 100%). The highlighted slice stands out from
/// the ring.
struct DonutChart {
    let ctx: ChartContext

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        let t = ctx.theme, u = ctx.u
        let values = chart.categories.indices.map { max(0, chart.series.first?.values[safe: $0].flatMap { $0 } ?? 0) }
        let total = values.reduce(0, +)
        guard !values.isEmpty, rect.width > 0, rect.height > 0 else { return [] }
        let shares = Self.shares(values)
        // Legend columns: swatch, name, value, share.
        let unit = chart.unit ?? ""
        // Values that are themselves percentages are shown once, and have no total: 100% 合计
        // says nothing.
        let isShare = Self.isPercent(unit)
        let names = chart.categories.map { ctx.line($0, $0 == chart.highlight ? ctx.strongLabel : t.label) }
        let amounts = values.map { ctx.line(ctx.theme.format($0) + unit, t.value) }
        let percents = isShare ? [] : shares.map { ctx.line(ChineseNumber.percent($0), t.label) }
        let swatch = t.label.font.size * 0.8
        let nameWidth = names.map(\.width).max() ?? 0
        let amountWidth = amounts.map(\.width).max() ?? 0
        let percentWidth = percents.map(\.width).max() ?? 0
        let legendWidth = swatch + 3 * u + nameWidth + 6 * u + amountWidth + (isShare ? 0 : 5 * u + percentWidth)
        let rowHeight = (names.map(\.height).max() ?? 0) + 3.5 * u
        let legendHeight = rowHeight * Double(values.count) - 3.5 * u
        // Side by side when there is room, else the legend under the ring.
        let sideDiameter = min(rect.height, rect.width - legendWidth - 12 * u)
        let side = sideDiameter >= min(rect.height, rect.width) * 0.55
        let diameter = side ? sideDiameter : max(0, min(rect.width, rect.height - legendHeight - 8 * u))
        let r = diameter / 2 - 2 * u
        guard r > 4 * u else { return [] }
        let centre = side
            ? Point(x: rect.minX + diameter / 2, y: rect.midY)
            : Point(x: rect.midX, y: rect.minY + diameter / 2)
        let inner = r * 0.62
        var items: [Item] = []
        var angle = -Double.pi / 2
        for (i, v) in values.enumerated() where total > 0 && v > 0 {
            let sweep = 2 * Double.pi * v / total
            let out = chart.categories[i] == chart.highlight && values.count > 1 ? 2.5 * u : 0
            let mid = angle + sweep / 2
            let c = Point(x: centre.x + out * cos(mid), y: centre.y + out * sin(mid))
            items.append(.shape(Shape(path: Self.slice(centre: c, outer: r, inner: inner, from: angle, sweep: sweep),
                                      fill: t.color(series: i), stroke: Stroke(color: t.background, width: u))))
            angle += sweep
        }
        if !isShare { items += centreTotal(total, unit: unit, centre: centre, inner: inner) }
        // The legend.
        let lx = side ? rect.minX + diameter + 12 * u : rect.midX - legendWidth / 2
        let ly = side ? rect.midY - legendHeight / 2 : rect.minY + diameter + 8 * u
        for i in values.indices {
            let top = ly + Double(i) * rowHeight
            let mid = top + names[i].ascent - names[i].capHeight / 2
            items += Legend.swatch(.box, color: t.color(series: i), x: lx, midY: mid, width: swatch, size: t.label.font.size, ctx: ctx)
            var x = lx + swatch + 3 * u
            items += names[i].items(x: x, top: top)
            x += nameWidth + 6 * u
            items += amounts[i].items(x: x + amountWidth - amounts[i].width, top: top)
            x += amountWidth + 5 * u
            if i < percents.count { items += percents[i].items(x: x + percentWidth - percents[i].width, top: top) }
        }
        return items
    }

    /// The total in the centre, as large as the hole allows, over "合计".
    func centreTotal(_ total: Double, unit: String, centre: Point, inner: Double) -> [Item] {
        let t = ctx.theme
        let parts = ChineseNumber.parts(total, grouping: t.grouping)
        let caption = ctx.line("合计", t.label)
        var size = t.big.font.size
        var number = ChartText.line([], composer: ctx.composer, settings: t.settings)
        while size >= t.value.font.size {
            var big = t.big
            big.font.size = size
            var small = t.unit
            small.font.size = min(t.unit.font.size, size * 0.45)
            number = ctx.line([TextSpan(parts.number, style: big), TextSpan(parts.magnitude + unit, style: small)])
            if number.width <= inner * 1.6 && number.height + caption.height <= inner * 1.5 { break }
            size -= 1
        }
        let block = number.height + caption.height
        let top = centre.y - block / 2
        return number.items(at: Point(x: centre.x - number.width / 2, y: top))
            + caption.items(at: Point(x: centre.x - caption.width / 2, y: top + number.height))
    }

    /// Whether a unit says the values are percentages (% or ％).
    static func isPercent(_ unit: String) -> Bool {
        unit == "%" || unit == "％"
    }

    /// A ring segment from `start` clockwise by `sweep` radians.
    static func slice(centre c: Point, outer r: Double, inner: Double, from start: Double, sweep: Double) -> Path {
        var p = Path.arc(center: c, radius: r, from: start, to: start + sweep)
        p.elements.append(.line(Point(x: c.x + inner * cos(start + sweep), y: c.y + inner * sin(start + sweep))))
        p.appendArc(center: c, radius: inner, from: start + sweep, to: start)
        p.elements.append(.close)
        return p
    }

    /// Percentages with one decimal that add up to exactly 100 (largest remainder).
    static func shares(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        guard total > 0 else { return values.map { _ in 0 } }
        let tenths = values.map { $0 / total * 1000 }
        var floors = tenths.map { $0.rounded(.down) }
        var left = Int(1000 - floors.reduce(0, +))
        let order = tenths.indices.sorted { (tenths[$0] - floors[$0]) > (tenths[$1] - floors[$1]) }
        for i in order where left > 0 {
            floors[i] += 1
            left -= 1
        }
        return floors.map { $0 / 10 }
    }
}
