import Foundation
import FolioCore
import FolioText

/// A row of legend entries (swatch and name) that wraps to the chart's width.
struct Legend {
    enum Swatch: Hashable {
        /// A filled square (bars, donut slices).
        case box
        /// A short line with the series' marker (line charts).
        case line(marker: Int)
        /// A tint with a dashed outline (derived bars).
        case derived
        /// A dashed line (derived stretches of a line chart).
        case dashedLine
    }

    struct Entry: Hashable {
        var text: String
        var color: Color
        var swatch: Swatch
    }

    let ctx: ChartContext
    let entries: [Entry]

    /// The entries laid out from (`x`, `top`) within `width`; returns the items and the height used.
    func draw(x: Double, top: Double, width: Double) -> (items: [Item], height: Double) {
        let u = ctx.u
        let size = ctx.theme.label.font.size
        var items: [Item] = []
        var cx = x, cy = top
        var rowHeight = 0.0
        for entry in entries {
            let text = ctx.line(entry.text, ctx.theme.label)
            let swatchWidth = entry.swatch == .box || entry.swatch == .derived ? size * 0.8 : size * 1.8
            let w = swatchWidth + 3 * u + text.width
            if cx > x, cx + w > x + width {
                cx = x
                cy += rowHeight + 3 * u
            }
            rowHeight = max(rowHeight, text.height)
            let mid = cy + text.ascent - text.capHeight / 2
            items += Self.swatch(entry.swatch, color: entry.color, x: cx, midY: mid, width: swatchWidth, size: size, ctx: ctx)
            items += text.items(x: cx + swatchWidth + 3 * u, top: cy)
            cx += w + size * 1.2
        }
        return (items, entries.isEmpty ? 0 : cy - top + rowHeight)
    }

    static func swatch(_ swatch: Swatch, color: Color, x: Double, midY: Double, width: Double, size: Double,
                       ctx: ChartContext) -> [Item] {
        let s = size * 0.8
        let box = Rect(x: x, y: midY - s / 2, width: s, height: s)
        switch swatch {
        case .box:
            return [.shape(Shape(path: .rect(box), fill: color))]
        case .derived:
            let tall = Rect(x: x, y: midY - s * 0.65, width: s, height: s * 1.3)
            return [.shape(Shape(path: .rect(tall.insetBy(0.4 * ctx.u)), fill: ctx.tint(color),
                                 stroke: Stroke(color: color, width: 0.8 * ctx.u, dash: [1.6 * ctx.u, 1.1 * ctx.u])))]
        case .dashedLine:
            return [ctx.rule(from: Point(x: x, y: midY), to: Point(x: x + width, y: midY), color: color, width: 1.6 * ctx.u,
                             dash: [3.5 * ctx.u, 2.5 * ctx.u])]
        case .line(let marker):
            let line = ctx.rule(from: Point(x: x, y: midY), to: Point(x: x + width, y: midY), color: color, width: 1.6 * ctx.u)
            return [line, Marker.item(marker, at: Point(x: x + width / 2, y: midY), radius: 2.6 * ctx.u, color: color, ctx: ctx)]
        }
    }
}

/// Line-chart markers: a different shape for each series, so series stay apart without colour.
enum Marker {
    static func path(_ kind: Int, at p: Point, radius r: Double) -> Path {
        switch kind % 4 {
        case 1:
            let s = r * 0.9
            return .rect(Rect(x: p.x - s, y: p.y - s, width: 2 * s, height: 2 * s))
        case 2:
            let h = r * 1.15
            return Path([.move(Point(x: p.x, y: p.y - h)), .line(Point(x: p.x + h, y: p.y + h * 0.75)),
                         .line(Point(x: p.x - h, y: p.y + h * 0.75)), .close])
        case 3:
            let h = r * 1.25
            return Path([.move(Point(x: p.x, y: p.y - h)), .line(Point(x: p.x + h, y: p.y)), .line(Point(x: p.x, y: p.y + h)),
                         .line(Point(x: p.x - h, y: p.y)), .close])
        default:
            return .circle(center: p, radius: r)
        }
    }

    /// A marker: background-filled with a coloured outline.
    static func item(_ kind: Int, at p: Point, radius r: Double, color: Color, ctx: ChartContext, filled: Bool = false) -> Item {
        .shape(Shape(path: path(kind, at: p, radius: r), fill: filled ? color : ctx.theme.background,
                     stroke: Stroke(color: color, width: 1.4 * ctx.u)))
    }
}
