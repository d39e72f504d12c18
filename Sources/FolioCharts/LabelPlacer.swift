import FolioCore

/// Places labels without collisions: each label takes the first of its candidate
/// positions that stays inside the bounds and clear of the marks (bars, markers, line
/// segments) and of every label placed before it, with a small gap all round.
struct LabelPlacer {
    /// Where labels may go.
    var bounds: Rect
    /// Areas labels keep off: marks and labels already placed.
    private(set) var obstacles: [Rect] = []
    /// Line segments labels keep off (line charts).
    private(set) var segments: [(Point, Point)] = []
    /// Clear space around a label.
    var gap: Double

    init(bounds: Rect, gap: Double) {
        self.bounds = bounds
        self.gap = gap
    }

    mutating func avoid(_ rect: Rect) {
        obstacles.append(rect)
    }

    mutating func avoid(from a: Point, to b: Point) {
        segments.append((a, b))
    }

    /// Whether a label at `rect` would be clear of everything (but `ignoring`, the mark a
    /// label inside it belongs to).
    func isFree(_ rect: Rect, ignoring: Rect? = nil) -> Bool {
        guard bounds.contains(rect, tolerance: 0.01) else { return false }
        let padded = rect.insetBy(-gap)
        if obstacles.contains(where: { $0 != ignoring && $0.intersects(padded, tolerance: 0.001) }) { return false }
        return !segments.contains { Self.segment($0.0, $0.1, hits: padded) }
    }

    /// Reserves `rect` (a label placed by other means).
    mutating func reserve(_ rect: Rect) {
        obstacles.append(rect)
    }

    /// Takes the first free candidate (each the label's box) and reserves it; nil when
    /// every candidate collides.
    mutating func place(_ candidates: [Rect]) -> Rect? {
        guard let free = candidates.first(where: { isFree($0) }) else { return nil }
        obstacles.append(free)
        return free
    }

    /// Whether segment `a`–`b` passes through `r` (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, hits r: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks = [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}

extension Rect {
    /// A `size` box centred horizontally on `x` with its top at `y`.
    static func centred(x: Double, top y: Double, size: Size) -> Rect {
        Rect(x: x - size.width / 2, y: y, width: size.width, height: size.height)
    }

    /// A `size` box centred on `p`.
    static func centred(on p: Point, size: Size) -> Rect {
        Rect(x: p.x - size.width / 2, y: p.y - size.height / 2, width: size.width, height: size.height)
    }
}
