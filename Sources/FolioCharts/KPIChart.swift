import Foundation
import FolioCore
import FolioModel
import FolioText

/// A key figure as a tile: a big number with its magnitude and unit (260000 吨 → 26万吨)
/// over its title, the change against the previous value as an arrow and a
/// percentage (places for an inverted rank, where falling is progress), a sparkline from
/// three values on, and the note at the foot.
struct KPIChart {
    let ctx: ChartContext

    /// The parts of a tile, set for a width.
    struct Parts {
        var padding: Double
        var title: ChartText
        var number: ChartText
        var change: Change?
        var note: ChartText?
        var sparkline: Size?
    }

    /// The change against the previous value.
    struct Change {
        /// Up, down or level on the page (for a rank, up means the number fell).
        var direction: Int
        /// Good news or bad.
        var better: Bool?
        var text: ChartText
    }

    /// The tile laid out `width` wide in a frame of its own: at `height`, or (nil) at the
    /// height its parts need — the parts it draws, set once.
    func frame(_ chart: Chart, width: Double, height: Double? = nil) -> Frame {
        let p = parts(chart, width: width)
        let rect = Rect(x: 0, y: 0, width: width, height: height ?? naturalHeight(p))
        return Frame(size: rect.size, items: draw(chart, p, in: rect))
    }

    /// The height the parts need: padding, the number, the title, the change and the note.
    private func naturalHeight(_ p: Parts) -> Double {
        let u = ctx.u
        var h = p.padding * 2 + p.number.height + 2 * u + p.title.height
        if let c = p.change { h += 3 * u + c.text.height }
        if let n = p.note { h += 5 * u + n.height }
        return h
    }

    func parts(_ chart: Chart, width: Double) -> Parts {
        let t = ctx.theme, u = ctx.u
        let padding = t.tile == nil ? 0 : 7 * u
        let inner = max(1, width - 2 * padding)
        let values = (chart.series.first?.values ?? []).compactMap { $0 }
        let title = ctx.wrapped(chart.title, t.title, width: inner, balanced: true)
        let spark: Size? = values.count >= 3 ? Size(width: min(inner * 0.34, 48 * u), height: t.big.font.size * 0.75) : nil
        let numberWidth = inner - (spark.map { $0.width + 6 * u } ?? 0)
        var number = ChartText.line([], composer: ctx.composer, settings: t.settings)
        if let value = values.last {
            let parts = ChineseNumber.parts(value, grouping: t.grouping)
            var size = t.big.font.size
            repeat {
                var big = t.big, small = t.unit
                big.font.size = size
                small.font.size = min(t.unit.font.size, size * 0.5)
                number = ctx.line([TextSpan(chart.prefix ?? "", style: small), TextSpan(parts.number, style: big),
                                   TextSpan(parts.magnitude + (chart.unit ?? ""), style: small)])
                size -= 1
            } while number.width > numberWidth && size >= t.value.font.size
        }
        var change: Change?
        let known = (chart.series.first?.values ?? []).indices.filter { chart.series[0].values[$0] != nil }
        if known.count >= 2 {
            change = self.change(chart, previous: values[values.count - 2], current: values[values.count - 1],
                                 previousName: chart.categories[safe: known[known.count - 2]])
        }
        let note = chart.note.flatMap { $0.isEmpty ? nil : ctx.wrapped($0, t.note, width: inner, alignment: .justify) }
        return Parts(padding: padding, title: title, number: number, change: change, note: note, sparkline: spark)
    }

    func change(_ chart: Chart, previous: Double, current: Double, previousName: String?) -> Change {
        let t = ctx.theme
        let delta = current - previous
        let direction = delta == 0 ? 0 : (delta > 0) != chart.invert ? 1 : -1
        let better: Bool? = direction == 0 ? nil : direction > 0
        let amount: String
        if delta == 0 {
            amount = "持平"
        } else if chart.invert || previous == 0 {
            // A rank changes by places, not by a percentage of itself.
            amount = t.format(abs(delta)) + (chart.unit ?? "")
        } else {
            amount = ChineseNumber.percent(abs(delta) / abs(previous) * 100)
        }
        let color = better.map { $0 ? t.positive : t.negative } ?? t.axis
        var spans = [TextSpan(amount, style: ctx.style(ctx.strongLabel, color: color))]
        if let name = previousName {
            spans.append(TextSpan("　较\(name)", style: t.label))
        }
        return Change(direction: direction, better: better, text: ctx.line(spans))
    }

    func draw(_ chart: Chart, in rect: Rect) -> [Item] {
        draw(chart, parts(chart, width: rect.width), in: rect)
    }

    private func draw(_ chart: Chart, _ p: Parts, in rect: Rect) -> [Item] {
        let t = ctx.theme, u = ctx.u
        var items: [Item] = []
        if let tile = t.tile {
            items.append(.shape(Shape(path: .rect(rect), fill: tile)))
        }
        let x = rect.minX + p.padding
        // The number first, so numbers line up across a row of tiles whatever their titles.
        var top = rect.minY + p.padding
        items += p.number.items(x: x, top: top)
        if let spark = p.sparkline {
            let values = (chart.series.first?.values ?? [])
            let box = Rect(x: rect.maxX - p.padding - spark.width, y: top + p.number.ascent - spark.height,
                           width: spark.width, height: spark.height)
            items += sparkline(values, in: box, invert: chart.invert)
        }
        top += p.number.height + 2 * u
        items += p.title.items(x: x, top: top)
        top += p.title.height
        if let change = p.change {
            top += 3 * u
            let arrow = change.text.capHeight * 1.1
            let mid = top + change.text.ascent - change.text.capHeight / 2
            let color = change.better.map { $0 ? t.positive : t.negative } ?? t.axis
            items.append(.shape(Shape(path: Self.arrow(direction: change.direction, centre: Point(x: x + arrow / 2, y: mid),
                                                       size: arrow), fill: color)))
            items += change.text.items(x: x + arrow + 2.5 * u, top: top)
        }
        if let note = p.note {
            items += note.items(x: x, top: rect.maxY - p.padding - note.height)
        }
        return items
    }

    /// A small line of every value, the last one marked; gaps stay gaps.
    func sparkline(_ values: [Double?], in box: Rect, invert: Bool) -> [Item] {
        let known = values.compactMap { $0 }
        guard let lo = known.min(), let hi = known.max(), values.count > 1 else { return [] }
        let span = hi - lo
        func point(_ i: Int, _ v: Double) -> Point {
            let f = span == 0 ? 0.5 : (v - lo) / span
            let y = invert ? box.minY + f * box.height : box.maxY - f * box.height
            return Point(x: box.minX + box.width * Double(i) / Double(values.count - 1), y: y)
        }
        var path = Path()
        var penDown = false
        var last: Point?
        for (i, v) in values.enumerated() {
            guard let v else { penDown = false; continue }
            let p = point(i, v)
            path.elements.append(penDown ? .line(p) : .move(p))
            penDown = true
            last = p
        }
        let color = ctx.theme.color(series: 0)
        var items: [Item] = [.shape(Shape(path: path, stroke: Stroke(color: color, width: 1.3 * ctx.u, roundCaps: true)))]
        if let last {
            items.append(.shape(Shape(path: .circle(center: last, radius: 2 * ctx.u), fill: color)))
        }
        return items
    }

    /// A triangle pointing up (1), down (-1), or a bar for no change (0).
    static func arrow(direction: Int, centre c: Point, size s: Double) -> Path {
        let h = s / 2
        switch direction {
        case 1:
            return Path([.move(Point(x: c.x, y: c.y - h)), .line(Point(x: c.x + h, y: c.y + h * 0.8)),
                         .line(Point(x: c.x - h, y: c.y + h * 0.8)), .close])
        case -1:
            return Path([.move(Point(x: c.x, y: c.y + h)), .line(Point(x: c.x - h, y: c.y - h * 0.8)),
                         .line(Point(x: c.x + h, y: c.y - h * 0.8)), .close])
        default:
            return .rect(Rect(x: c.x - h, y: c.y - h * 0.2, width: s, height: h * 0.4))
        }
    }
}
