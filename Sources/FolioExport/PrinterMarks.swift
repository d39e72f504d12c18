import FolioCore
import FolioGraphics

/// Crop marks at the trim corners and registration targets at the edge centres, all
/// outside the bleed so none reaches the trimmed page.
enum PrinterMarks {
    static let registration = Color(red: 0, green: 0, blue: 0)

    /// The marks as shapes in trim coordinates (tests check they stay outside the bleed).
    public static func items(for page: Page) -> [Item] {
        let w = page.size.width, h = page.size.height, b = page.bleed
        let gap = b + 2 // marks start this far from the trim
        let length = 8.0 * pointsPerMillimetre
        let stroke = Stroke(color: registration, width: 0.25)
        var items: [Item] = []
        func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
            items.append(.shape(Shape(path: .line(from: Point(x: x0, y: y0), to: Point(x: x1, y: y1)), stroke: stroke)))
        }
        for (x, sx) in [(0.0, -1.0), (w, 1.0)] {
            for (y, sy) in [(0.0, -1.0), (h, 1.0)] {
                line(x + sx * gap, y, x + sx * (gap + length), y) // horizontal mark on the trim line
                line(x, y + sy * gap, x, y + sy * (gap + length)) // vertical mark
            }
        }
        // Registration targets centred on each edge, in the margin.
        let r = 2.5 * pointsPerMillimetre
        let d = gap + r + 1.5
        for c in [Point(x: w / 2, y: -d), Point(x: w / 2, y: h + d), Point(x: -d, y: h / 2), Point(x: w + d, y: h / 2)] {
            items.append(.shape(Shape(path: .circle(center: c, radius: r), stroke: stroke)))
            items.append(.shape(Shape(path: .circle(center: c, radius: r * 0.5), stroke: stroke)))
            line(c.x - r - 1.5, c.y, c.x + r + 1.5, c.y)
            line(c.x, c.y - r - 1.5, c.x, c.y + r + 1.5)
        }
        return items
    }
}
