import FolioCharts
import FolioCore
import FolioGraphics
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

/// Shared set-up for chart tests: a composer, themes, and readers of the display list
/// (text runs, filled rectangles, strokes) so tests measure what was drawn.
enum ChartFixture {
    static let composer = Composer(fonts: TestSupport.fonts)
    static let renderer = ChartRenderer(composer: composer)

    /// A theme built in code (Noto Sans CJK SC, the default palette).
    static let theme: ChartTheme = {
        func style(_ size: Double, bold: Bool = false, color: String = "#1F2328") -> CharacterStyle {
            CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: bold ? 700 : 400, size: size),
                           color: Color(hex: color)!)
        }
        return ChartTheme(title: style(10, bold: true), label: style(8, color: "#5F6B7A"), value: style(8.5, bold: true),
                          note: style(7, color: "#5F6B7A"), big: style(26, bold: true, color: "#0B3D91"),
                          unit: style(11, bold: true, color: "#0B3D91"), accent: Color(hex: "#E0A030")!,
                          axis: Color(hex: "#5F6B7A")!, grid: Color(hex: "#DCE3EE")!, negative: Color(hex: "#C0392B")!,
                          positive: Color(hex: "#1E7A4C")!, settings: ComposerSettings())
    }()

    /// The brochure layout's typesetter and chart theme.
    static let brochure: Typesetter = {
        let (spec, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: "brochure", card: false)
        guard let spec else { fatalError("brochure layout: \(diagnostics)") }
        do { return try Typesetter(spec: spec, composer: composer) } catch { fatalError("brochure layout: \(error)") }
    }()

    static func render(_ chart: Chart, width: Double = 240, height: Double = 180, theme: ChartTheme = theme,
                       at origin: Point = Point(x: 20, y: 30)) -> [Item] {
        renderer.render(chart, in: Rect(origin: origin, size: Size(width: width, height: height)), theme: theme)
    }

    static func bar(_ values: [Double?], categories: [String]? = nil, _ configure: (inout Chart) -> Void = { _ in }) -> Chart {
        var chart = Chart(id: "c", title: "测试图表", kind: .bar, unit: "家",
                          categories: categories ?? values.indices.map { "\(2015 + $0)" },
                          series: [Series(name: "数值", values: values)])
        configure(&chart)
        return chart
    }

    // MARK: - Reading the display list

    static func flat(_ items: [Item]) -> [Item] { items.flatMap(\.flattened) }

    static func runs(_ items: [Item]) -> [GlyphRun] {
        flat(items).compactMap { if case .text(let r) = $0 { return r } else { return nil } }
    }

    static func shapes(_ items: [Item]) -> [Shape] {
        flat(items).compactMap { if case .shape(let s) = $0 { return s } else { return nil } }
    }

    /// All the text, in drawing order.
    static func text(_ items: [Item]) -> String {
        runs(items).map(\.text).joined()
    }

    /// The run whose text is exactly `text`.
    static func run(_ text: String, in items: [Item]) -> GlyphRun? {
        runs(items).first { $0.text == text }
    }

    /// Where an item really draws: curves sampled (a path's `bounds` holds its Bézier control
    /// points, which lie outside an arc), half the stroke width around strokes.
    static func inkBounds(_ item: Item) -> Rect? {
        guard case .shape(let shape) = item else { return item.bounds }
        var xs: [Double] = [], ys: [Double] = []
        var current = Point(x: 0, y: 0)
        for e in shape.path.elements {
            switch e {
            case .move(let p), .line(let p):
                xs.append(p.x); ys.append(p.y); current = p
            case .curve(let a, let b, let c):
                for i in 1...16 {
                    let t = Double(i) / 16, m = 1 - t
                    xs.append(m * m * m * current.x + 3 * m * m * t * a.x + 3 * m * t * t * b.x + t * t * t * c.x)
                    ys.append(m * m * m * current.y + 3 * m * m * t * a.y + 3 * m * t * t * b.y + t * t * t * c.y)
                }
                current = c
            case .close: break
            }
        }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let half = (shape.stroke?.width ?? 0) / 2
        // A butt-capped horizontal or vertical line grows only across its length.
        let butt = !(shape.stroke?.roundCaps ?? true) && shape.path.elements.count == 2
        let hx = butt && y0 == y1 ? 0 : half, hy = butt && x0 == x1 ? 0 : half
        return Rect(x: x0 - hx, y: y0 - hy, width: x1 - x0 + 2 * hx, height: y1 - y0 + 2 * hy)
    }

    /// Whether a path is an axis-aligned rectangle (move, three lines, close).
    static func rectangle(_ path: Path) -> Rect? {
        guard path.elements.count == 5, case .move = path.elements[0], case .close = path.elements[4] else { return nil }
        for e in path.elements[1...3] { guard case .line = e else { return nil } }
        return path.bounds
    }

    /// Filled rectangles whose fill (alpha ignored) is one of `colors`, taller and wider than `min`.
    static func rects(_ items: [Item], colors: [Color], min: Double = 0.5, minAlpha: Double = 0) -> [Rect] {
        let wanted = Set(colors.map(\.hex))
        return shapes(items).compactMap { s in
            guard let fill = s.fill, wanted.contains(fill.hex), fill.alpha >= minAlpha, let r = rectangle(s.path),
                  r.width > min, r.height > min else {
                return nil
            }
            return r
        }
    }

    /// Stroked straight segments (two points) in `color`.
    static func segments(_ items: [Item], color: Color? = nil, dashed: Bool? = nil) -> [(Point, Point, Stroke)] {
        shapes(items).compactMap { s in
            guard let stroke = s.stroke, s.fill == nil, s.path.elements.count == 2,
                  case .move(let a) = s.path.elements[0], case .line(let b) = s.path.elements[1] else { return nil }
            if let color, stroke.color.hex != color.hex { return nil }
            if let dashed, dashed == stroke.dash.isEmpty { return nil }
            return (a, b, stroke)
        }
    }

    /// Pairs of text runs whose boxes overlap.
    static func overlappingRuns(_ items: [Item]) -> [(String, String)] {
        let all = runs(items)
        var out: [(String, String)] = []
        for i in all.indices {
            for j in all.indices where j > i && all[i].bounds.intersects(all[j].bounds, tolerance: 0.05) {
                out.append((all[i].text, all[j].text))
            }
        }
        return out
    }

    /// Runs that overlap a bar without lying wholly inside exactly that one bar.
    static func runsOverlappingBars(_ items: [Item], bars: [Rect]) -> [String] {
        runs(items).compactMap { run in
            let hit = bars.filter { $0.intersects(run.bounds, tolerance: 0.05) }
            if hit.isEmpty { return nil }
            if hit.count == 1 && hit[0].contains(run.bounds, tolerance: 0.01) { return nil }
            return run.text
        }
    }

    /// Whether `step` is 1, 2 or 5 × 10ⁿ.
    static func isNiceStep(_ step: Double) -> Bool {
        guard step > 0 else { return false }
        let exponent = (log10(step)).rounded(.down)
        let mantissa = step / pow(10, exponent)
        return [1.0, 2.0, 5.0, 10.0].contains { abs(mantissa - $0) < 1e-9 }
    }

    /// A deterministic pseudo-random sequence (tests must not depend on the clock).
    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }
}
