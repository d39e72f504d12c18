import FolioCharts
import FolioCore
import FolioModel
import Foundation
import Testing

@Suite("Donut and KPI charts")
struct DonutKPITests {
    typealias F = ChartFixture
    let theme = ChartFixture.theme

    func donut(_ values: [Double], highlight: String? = nil) -> Chart {
        Chart(id: "d", title: "10件大事推选", kind: .donut, unit: "件", categories: values.indices.map { "类\($0 + 1)" },
              series: [Series(name: "推荐事件", values: values)], highlight: highlight)
    }

    /// The swept angle of a ring slice, from its two radial edges (no centre needed, so a
    /// slice moved out of the ring measures the same).
    func sweep(_ shape: Shape) -> Double? {
        let e = shape.path.elements
        guard case .move(let outerStart) = e.first,
              let lineIndex = e.firstIndex(where: { if case .line = $0 { return true } else { return false } }),
              case .curve(_, _, let outerEnd) = e[lineIndex - 1], case .line(let innerEnd) = e[lineIndex],
              case .curve(_, _, let innerStart) = e[e.count - 2] else { return nil }
        let start = atan2(outerStart.y - innerStart.y, outerStart.x - innerStart.x)
        let end = atan2(outerEnd.y - innerEnd.y, outerEnd.x - innerEnd.x)
        var a = end - start
        while a <= 0 { a += 2 * .pi }
        return a
    }

    func slices(_ items: [Item]) -> [Shape] {
        F.shapes(items).filter { s in s.fill != nil && s.path.elements.contains { if case .curve = $0 { return true } else { return false } } }
    }

    @Test("slices sweep angles in proportion to the values, the total sits in the centre, shares add up to 100%")
    func donutGeometry() throws {
        let items = F.render(donut([10, 39]), width: 260, height: 160)
        let slices = self.slices(items)
        try #require(slices.count == 2)
        let a = try #require(sweep(slices[0])), b = try #require(sweep(slices[1]))
        #expect(abs(a / (a + b) - 10.0 / 49) < 1e-9)
        #expect(abs(a + b - 2 * .pi) < 1e-9)
        // The first slice starts at twelve o'clock: the centre is straight below its first point.
        guard case .move(let top) = slices[0].path.elements[0] else { return }
        let total = try #require(F.run("49", in: items))
        let line = F.runs(items).filter { abs($0.glyphs[0].y - total.glyphs[0].y) < 1e-6 }.map(\.bounds)
        #expect(line.count == 2) // "49" and "件", on one baseline
        #expect(abs(line.reduce(line[0]) { $0.union($1) }.midX - top.x) < 0.5)
        #expect(F.text(items).contains("合计"))
        #expect(F.text(items).contains("20.4%") && F.text(items).contains("79.6%"))
        #expect(F.text(items).contains("10件") && F.text(items).contains("39件"))
        #expect(F.overlappingRuns(items).isEmpty)
    }

    @Test("shares are rounded so they add up to exactly 100", arguments: [
        ([1.0, 1, 1], [33.4, 33.3, 33.3]), ([10.0, 39], [20.4, 79.6]), ([1.0, 2, 3, 4, 5, 6, 7], [3.6, 7.1, 10.7, 14.3, 17.9, 21.4, 25]),
    ])
    func shares(_ values: [Double], _ expected: [Double]) {
        let text = F.text(F.render(donut(values), width: 300, height: 200))
        for e in expected { #expect(text.contains(ChineseNumber.percent(e)), "\(e)") }
    }

    @Test("the highlighted slice stands out from the ring")
    func donutHighlight() throws {
        let plain = slices(F.render(donut([10, 39])))
        let lifted = slices(F.render(donut([10, 39], highlight: "类1")))
        try #require(plain.count == 2 && lifted.count == 2)
        // Where the first slice starts is where the last one ends, unless the first is lifted out.
        func gap(_ slices: [Shape]) -> Double {
            guard case .move(let a) = slices[0].path.elements[0],
                  let i = slices[1].path.elements.firstIndex(where: { if case .line = $0 { return true } else { return false } }),
                  case .curve(_, _, let b) = slices[1].path.elements[i - 1] else { return -1 }
            return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
        }
        #expect(gap(plain) < 1e-6)
        #expect(abs(gap(lifted) - 2.5) < 1e-6)
    }

    func kpi(_ values: [Double?], unit: String = "吨", invert: Bool = false, categories: [String] = []) -> Chart {
        Chart(id: "k", title: "氦-3总量（估算）", kind: .kpi, unit: unit, note: "根据钛铁矿总量估算", categories: categories,
              series: [Series(name: "v", values: values)], invert: invert)
    }

    /// Filled triangles: +1 pointing up, -1 down.
    func arrows(_ items: [Item]) -> [(direction: Int, color: Color)] {
        F.shapes(items).compactMap { s in
            guard s.path.elements.count == 4, let fill = s.fill, case .move(let apex) = s.path.elements[0],
                  case .line(let base) = s.path.elements[1] else { return nil }
            return (apex.y < base.y ? 1 : -1, fill)
        }
    }

    @Test("a KPI's big number carries 万/亿 and its unit: 260000 吨 → 26万吨, the number larger than the unit")
    func bigNumber() throws {
        let items = F.render(kpi([260_000]), width: 200, height: 120)
        #expect(F.text(items).contains("26万吨"))
        let number = try #require(F.runs(items).first { $0.text.hasPrefix("26") })
        let unit = try #require(F.runs(items).first { $0.text.hasSuffix("吨") && !$0.text.hasPrefix("26") } ?? F.runs(items).first { $0.text.contains("万吨") })
        #expect(number.size > unit.size || number.text == "26万吨")
        #expect(abs(number.glyphs[0].y - unit.glyphs.last!.y) < 1e-6) // one baseline
        #expect(arrows(items).isEmpty) // one value: no change to show
    }

    @Test("the change against the previous value: an arrow and a percentage", arguments: [
        // values, invert, direction, good news, text
        ([3886.0, 5300], false, 1, true, "36.4%"),
        ([10.0, 8], false, -1, false, "20%"),
        ([15.0, 13], true, 1, true, "2位"),
        ([13.0, 15], true, -1, false, "2位"),
    ])
    func change(_ values: [Double], _ invert: Bool, _ direction: Int, _ good: Bool, _ text: String) throws {
        let chart = kpi(values, unit: invert ? "位" : "家", invert: invert, categories: ["2021", "2022"])
        let items = F.render(chart, width: 200, height: 140)
        let found = arrows(items)
        try #require(found.count == 1)
        #expect(found[0].direction == direction)
        #expect(found[0].color.hex == (good ? theme.positive : theme.negative).hex)
        #expect(F.text(items).contains(text))
        #expect(F.text(items).contains("较2021"))
        let coloured = try #require(F.runs(items).first { $0.text.contains(text) })
        #expect(coloured.color.hex == found[0].color.hex)
    }

    @Test("a sparkline from three values on, none below")
    func sparkline() {
        func lines(_ values: [Double?]) -> Int {
            F.shapes(F.render(kpi(values), width: 220, height: 140)).filter { $0.fill == nil && $0.path.elements.count >= 3 }.count
        }
        #expect(lines([1, 2]) == 0)
        #expect(lines([1, 2, 3]) == 1)
        #expect(lines([5, nil, 3, 4]) == 1)
    }

    @Test("a KPI tile has a natural height that grows with its note and its change line, and it fits")
    func naturalHeight() throws {
        let short = F.renderer.naturalHeight(kpi([450]), width: 120, theme: theme)
        var noted = kpi([450])
        noted.note = String(repeating: "国家电投宁波氢能研究院燃料电池动力系统", count: 3)
        let long = F.renderer.naturalHeight(noted, width: 120, theme: theme)
        let change = F.renderer.naturalHeight(kpi([400, 450]), width: 120, theme: theme)
        let s = try #require(short), l = try #require(long), c = try #require(change)
        #expect(l > s && c > s)
        #expect(F.renderer.naturalHeight(donut([1, 2]), width: 120, theme: theme) == nil)
        let rect = Rect(x: 0, y: 0, width: 120, height: l)
        let items = F.renderer.render(noted, in: rect, theme: theme)
        #expect(F.runs(items).allSatisfy { rect.contains($0.bounds, tolerance: 0.5) })
        #expect(F.overlappingRuns(items).isEmpty)
    }
}
