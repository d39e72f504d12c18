import FolioCharts
import FolioCore
import FolioModel
import Foundation
import Testing

@Suite("Line charts")
struct LineChartTests {
    typealias F = ChartFixture
    let theme = ChartFixture.theme

    func rank(invert: Bool) -> Chart {
        Chart(id: "rank", title: "全国综合排名", kind: .line, unit: "位", categories: ["2020", "2021"],
              series: [Series(name: "排名", values: [15, 13])], invert: invert, prefix: "第")
    }

    /// Centres of the markers of series `s` (circles for the first series), left to right.
    func markers(_ items: [Item], color: Color) -> [Point] {
        F.shapes(items).compactMap { s -> Point? in
            guard s.stroke?.color.hex == color.hex, s.fill != nil, let b = s.path.bounds, b.width < 12 else { return nil }
            return Point(x: b.midX, y: b.midY)
        }.sorted { $0.x < $1.x }
    }

    @Test("inverted: rank 15 → 13 reads as progress, the better rank higher on the page, ticks growing downwards")
    func inverted() throws {
        let items = F.render(rank(invert: true))
        let points = markers(items, color: theme.palette[0])
        try #require(points.count == 2)
        #expect(points[1].y < points[0].y) // 13 above 15
        let ticks = F.runs(items).filter { Double($0.text) != nil && $0.bounds.maxX < points[0].x }
            .sorted { $0.bounds.minY < $1.bounds.minY }.map { Double($0.text)! }
        #expect(ticks.count >= 3)
        #expect(ticks == ticks.sorted()) // smallest at the top
        #expect(ticks.allSatisfy { $0 == $0.rounded() }) // ranks: whole numbers
        #expect(F.text(items).contains("第13位") && F.text(items).contains("第15位"))
    }

    @Test("not inverted, the larger value is higher")
    func normal() throws {
        let items = F.render(rank(invert: false))
        let points = markers(items, color: theme.palette[0])
        try #require(points.count == 2)
        #expect(points[1].y > points[0].y)
    }

    @Test("positions are linear in the value")
    func linear() throws {
        let chart = Chart(id: "l", title: "线", kind: .line, categories: ["a", "b", "c", "d"],
                          series: [Series(name: "s", values: [10, 30, 20, 60])])
        let p = markers(F.render(chart), color: theme.palette[0])
        try #require(p.count == 4)
        let perUnit = (p[0].y - p[1].y) / 20
        #expect(abs((p[0].y - p[3].y) / perUnit - 50) < 1e-6)
        #expect(abs((p[2].y - p[1].y) / perUnit - 10) < 1e-6)
        #expect(abs((p[1].x - p[0].x) - (p[3].x - p[2].x)) < 1e-9)
    }

    @Test("null leaves a gap: no segment crosses it, the lone point keeps its marker")
    func gaps() throws {
        let chart = Chart(id: "g", title: "缺值", kind: .line, categories: ["a", "b", "c", "d", "e"],
                          series: [Series(name: "s", values: [1, nil, 3, 4, nil])])
        let items = F.render(chart)
        let p = markers(items, color: theme.palette[0])
        try #require(p.count == 3)
        let lines = F.shapes(items).filter { $0.fill == nil && $0.stroke?.color.hex == theme.palette[0].hex }
        var segments: [(Double, Double)] = []
        for shape in lines {
            var start: Point?
            for e in shape.path.elements {
                switch e {
                case .move(let q): start = q
                case .line(let q): if let s = start { segments.append((s.x, q.x)) }; start = q
                default: break
                }
            }
        }
        #expect(segments.count == 1) // only c–d
        #expect(segments.allSatisfy { abs($0.0 - p[1].x) < 1e-9 && abs($0.1 - p[2].x) < 1e-9 })
    }

    @Test("several series: a marker shape and colour each, and a legend")
    func series() {
        let chart = Chart(id: "m", title: "多条", kind: .line, categories: ["a", "b", "c"],
                          series: [Series(name: "北仑", values: [1, 2, 3]), Series(name: "鄞州", values: [3, 1, 2])])
        let items = F.render(chart)
        let first = markers(items, color: theme.palette[0]), second = markers(items, color: theme.palette[1])
        #expect(first.count >= 3 && second.count >= 3) // the legend has one of each too
        let shapes = Set(F.shapes(items).filter { $0.fill != nil && $0.stroke != nil }.map { $0.path.elements.count })
        #expect(shapes.count >= 2)
        #expect(F.text(items).contains("北仑") && F.text(items).contains("鄞州"))
    }

    @Test("labels keep off each other, the markers and the lines, however crowded", arguments: 0..<16)
    func noCollisions(_ seed: Int) {
        var random = F.Random(state: UInt64(seed) &+ 5)
        let n = 2 + Int(random.next() * 10)
        let seriesCount = 1 + Int(random.next() * 3)
        let series = (0..<seriesCount).map { s in
            Series(name: "系列\(s)", values: (0..<n).map { _ in random.next() < 0.1 ? nil : (random.next() * 100).rounded() })
        }
        let chart = Chart(id: "c", title: "折线\(seed)", kind: .line, categories: (0..<n).map { "\(2010 + $0)" }, series: series,
                          invert: seed % 3 == 0)
        let rect = Rect(x: 10, y: 10, width: 160 + random.next() * 240, height: 120 + random.next() * 120)
        let items = F.renderer.render(chart, in: rect, theme: theme)
        #expect(F.overlappingRuns(items).isEmpty, "seed \(seed): \(F.overlappingRuns(items))")
        let markerBoxes = F.shapes(items).filter { $0.fill != nil && $0.stroke != nil }.compactMap { $0.path.bounds }
        for run in F.runs(items) {
            #expect(!markerBoxes.contains { $0.intersects(run.bounds) }, "seed \(seed): '\(run.text)' on a marker")
        }
        // No value label is crossed by a line.
        for shape in F.shapes(items) where shape.fill == nil && (shape.stroke?.width ?? 0) > 1.5 {
            var start: Point?
            for e in shape.path.elements {
                guard case .line(let q) = e else { if case .move(let q) = e { start = q }; continue }
                if let s = start {
                    for run in F.runs(items) where Double(run.text) != nil && run.bounds.minX > rect.minX + 30 {
                        #expect(!segmentHits(s, q, run.bounds), "seed \(seed): a line crosses '\(run.text)'")
                    }
                }
                start = q
            }
        }
    }

    func segmentHits(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
        // Sample the segment densely: a plain check independent of the placer's clipping code.
        for i in 0...200 {
            let t = Double(i) / 200
            let p = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
            if p.x > r.minX + 0.05 && p.x < r.maxX - 0.05 && p.y > r.minY + 0.05 && p.y < r.maxY - 0.05 { return true }
        }
        return false
    }
}
