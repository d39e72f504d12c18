import Foundation

/// One step of a vector path.
public enum PathElement: Hashable, Sendable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

/// A vector path in page coordinates.
public struct Path: Hashable, Sendable {
    public var elements: [PathElement]

    public init(_ elements: [PathElement] = []) {
        self.elements = elements
    }

    /// A rectangle, optionally with rounded corners.
    public static func rect(_ r: Rect, radius: Double = 0) -> Path {
        guard radius > 0 else {
            return Path([.move(Point(x: r.minX, y: r.minY)), .line(Point(x: r.maxX, y: r.minY)),
                         .line(Point(x: r.maxX, y: r.maxY)), .line(Point(x: r.minX, y: r.maxY)), .close])
        }
        let k = 0.5522847498 * radius
        let rad = min(radius, r.width / 2, r.height / 2)
        var p = Path()
        p.elements.append(.move(Point(x: r.minX + rad, y: r.minY)))
        p.elements.append(.line(Point(x: r.maxX - rad, y: r.minY)))
        p.elements.append(.curve(Point(x: r.maxX - rad + k, y: r.minY), Point(x: r.maxX, y: r.minY + rad - k), Point(x: r.maxX, y: r.minY + rad)))
        p.elements.append(.line(Point(x: r.maxX, y: r.maxY - rad)))
        p.elements.append(.curve(Point(x: r.maxX, y: r.maxY - rad + k), Point(x: r.maxX - rad + k, y: r.maxY), Point(x: r.maxX - rad, y: r.maxY)))
        p.elements.append(.line(Point(x: r.minX + rad, y: r.maxY)))
        p.elements.append(.curve(Point(x: r.minX + rad - k, y: r.maxY), Point(x: r.minX, y: r.maxY - rad + k), Point(x: r.minX, y: r.maxY - rad)))
        p.elements.append(.line(Point(x: r.minX, y: r.minY + rad)))
        p.elements.append(.curve(Point(x: r.minX, y: r.minY + rad - k), Point(x: r.minX + rad - k, y: r.minY), Point(x: r.minX + rad, y: r.minY)))
        p.elements.append(.close)
        return p
    }

    /// A straight segment.
    public static func line(from a: Point, to b: Point) -> Path {
        Path([.move(a), .line(b)])
    }

    /// A circular arc from `start` to `end` radians (clockwise on the page, 0 = 3 o'clock),
    /// approximated by cubic Béziers of at most 90° each.
    public static func arc(center c: Point, radius r: Double, from start: Double, to end: Double) -> Path {
        var p = Path([.move(Point(x: c.x + r * cos(start), y: c.y + r * sin(start)))])
        p.appendArc(center: c, radius: r, from: start, to: end)
        return p
    }

    /// A full circle.
    public static func circle(center c: Point, radius r: Double) -> Path {
        var p = arc(center: c, radius: r, from: 0, to: 2 * Double.pi)
        p.elements.append(.close)
        return p
    }

    /// Appends an arc continuing from the current point (which should be the arc's start).
    public mutating func appendArc(center c: Point, radius r: Double, from start: Double, to end: Double) {
        let total = end - start
        let steps = max(1, Int((abs(total) / (Double.pi / 2)).rounded(.up)))
        let step = total / Double(steps)
        var a0 = start
        for _ in 0..<steps {
            let a1 = a0 + step
            let k = 4.0 / 3.0 * tan((a1 - a0) / 4)
            let p1 = Point(x: c.x + r * (cos(a0) - k * sin(a0)), y: c.y + r * (sin(a0) + k * cos(a0)))
            let p2 = Point(x: c.x + r * (cos(a1) + k * sin(a1)), y: c.y + r * (sin(a1) - k * cos(a1)))
            let p3 = Point(x: c.x + r * cos(a1), y: c.y + r * sin(a1))
            elements.append(.curve(p1, p2, p3))
            a0 = a1
        }
    }

    /// The bounding box of every point of the path (control points included).
    public var bounds: Rect? {
        var xs: [Double] = [], ys: [Double] = []
        for e in elements {
            switch e {
            case .move(let p), .line(let p): xs.append(p.x); ys.append(p.y)
            case .curve(let a, let b, let c): xs += [a.x, b.x, c.x]; ys += [a.y, b.y, c.y]
            case .close: break
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// How a path's outline is drawn.
public struct Stroke: Hashable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public var roundCaps: Bool

    public init(color: Color, width: Double, dash: [Double] = [], roundCaps: Bool = false) {
        self.color = color
        self.width = width
        self.dash = dash
        self.roundCaps = roundCaps
    }
}

/// A path with an optional fill and an optional stroke.
public struct Shape: Hashable, Sendable {
    public var path: Path
    public var fill: Color?
    public var stroke: Stroke?

    public init(path: Path, fill: Color? = nil, stroke: Stroke? = nil) {
        self.path = path
        self.fill = fill
        self.stroke = stroke
    }
}
