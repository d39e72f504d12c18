import FolioCharts
import FolioCore
import FolioModel
import Foundation
import Testing

@Suite("Bar charts")
struct BarChartTests {
    typealias F = ChartFixture
    let theme = ChartFixture.theme

    /// Tick labels: numeric runs left of the plot, with their vertical centres.
    func ticks(_ items: [Item], leftOf x: Double) -> [(value: Double, y: Double)] {
        F.runs(items).compactMap { run in
            guard run.bounds.maxX <= x, let v = Double(run.text.replacingOccurrences(of: ",", with: "")) else { return nil }
            return (v, run.bounds.midY)
        }.sorted { $0.value < $1.value }
    }

    @Test("bar lengths are proportional to the values and every bar starts on the zero line")
    func proportional() throws {
        let values = [3886.0, 5300, 1500, 893]
        let items = F.render(F.bar(values))
        let bars = F.rects(items, colors: [theme.palette[0]]).sorted { $0.minX < $1.minX }
        try #require(bars.count == 4)
        for (bar, v) in zip(bars, values) {
            #expect(abs(bar.height / bars[0].height - v / values[0]) < 1e-9)
            #expect(abs(bar.maxY - bars[0].maxY) < 1e-9)
        }
        let zero = F.segments(items, color: theme.axis).filter { abs($0.0.y - $0.1.y) < 1e-9 }
        #expect(zero.contains { abs($0.0.y - bars[0].maxY) < 1e-9 })
        // Equal widths, evenly spaced.
        #expect(Set(bars.map { ($0.width * 1000).rounded() }).count == 1)
        let gaps = zip(bars.dropFirst(), bars).map { ($0.midX - $1.midX) }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1e-9 })
    }

    @Test("ticks are nice numbers, evenly spaced on the page, from zero past the largest value and the target")
    func niceTicks() throws {
        let chart = F.bar([3886, 5300]) { $0.target = Target(value: 10_000, label: "2025年目标 10000家") }
        let items = F.render(chart)
        let bars = F.rects(items, colors: [theme.palette[0]]).sorted { $0.minX < $1.minX }
        let t = ticks(items, leftOf: bars[0].minX)
        try #require(t.count >= 3)
        #expect(t.first?.value == 0)
        #expect(t.last!.value >= 10_000)
        let step = t[1].value - t[0].value
        #expect(F.isNiceStep(step))
        for i in 1..<t.count {
            #expect(abs(t[i].value - t[i - 1].value - step) < 1e-9)
            // Page positions follow the values: the same scale as the bars.
            let pixelsPerUnit = bars[1].height / 5300
            #expect(abs((t[i - 1].y - t[i].y) - step * pixelsPerUnit) < 0.6)
        }
        // A light grid line at every tick but zero.
        let grid = F.segments(items, color: theme.grid)
        #expect(grid.count == t.count - 1)
    }

    @Test("the target is a dashed line at its value, labelled, clear of the bars")
    func target() throws {
        let chart = F.bar([3886, 5300]) { $0.target = Target(value: 10_000, label: "2025年目标 10000家") }
        let items = F.render(chart)
        let bars = F.rects(items, colors: [theme.palette[0]]).sorted { $0.minX < $1.minX }
        let dashed = F.segments(items, color: theme.target, dashed: true)
        try #require(dashed.count == 1)
        let expectedY = bars[1].maxY - bars[1].height * 10_000 / 5300
        #expect(abs(dashed[0].0.y - expectedY) < 1e-6)
        #expect(F.text(items).contains("2025年目标"))
        #expect(F.text(items).contains("10000家"))
        let label = F.runs(items).filter { $0.text.contains("目标") || $0.text.contains("10000家") }
        #expect(!label.isEmpty)
        for run in label {
            #expect(!bars.contains { $0.intersects(run.bounds) })
            #expect(run.bounds.maxY <= dashed[0].0.y || run.bounds.minY >= dashed[0].0.y)
        }
    }

    @Test("the highlighted category is drawn in the accent colour, the others in the series colour")
    func highlight() {
        let items = F.render(F.bar([1, 2, 3], categories: ["甲", "乙", "丙"]) { $0.highlight = "乙" })
        let accent = F.rects(items, colors: [theme.accent])
        let plain = F.rects(items, colors: [theme.palette[0]])
        #expect(accent.count == 1)
        #expect(plain.count == 2)
        #expect(plain.allSatisfy { $0.maxX < accent[0].minX || $0.minX > accent[0].maxX })
        #expect(accent[0].minX > plain.map(\.minX).min()! && accent[0].maxX < plain.map(\.maxX).max()!)
    }

    @Test("a derived category is a tint with a dashed outline, and the legend says 推算值")
    func derived() throws {
        let items = F.render(F.bar([3886, 5300], categories: ["2021", "2022"]) { $0.derived = ["2021"] })
        let series = theme.palette[0]
        let tinted = F.shapes(items).filter { $0.stroke?.color == series && !($0.stroke?.dash.isEmpty ?? true) && $0.fill != nil }
        // The bar and the legend swatch: opaque, lighter than the series colour.
        #expect(tinted.count == 2)
        #expect(tinted.allSatisfy { $0.fill!.alpha == 1 && $0.fill!.luminance > series.luminance + 0.3 })
        let solid = F.rects(items, colors: [series])
        #expect(solid.count == 1) // the read value
        #expect(F.text(items).contains("推算值"))
        #expect(F.text(items).contains("3886"))
    }

    @Test("grouped bars sit side by side inside their category; the legend names the series")
    func grouped() throws {
        let chart = Chart(id: "g", title: "分组", kind: .bar, categories: ["2020", "2021", "2022"],
                          series: [Series(name: "甲", values: [3, 5, 7]), Series(name: "乙", values: [4, nil, 2])])
        let items = F.render(chart)
        let first = F.rects(items, colors: [theme.palette[0]]).filter { $0.height > 8 }.sorted { $0.minX < $1.minX }
        let second = F.rects(items, colors: [theme.palette[1]]).filter { $0.height > 8 }.sorted { $0.minX < $1.minX }
        try #require(first.count == 3 && second.count == 2)
        #expect(first[0].maxX <= second[0].minX + 1e-9)
        #expect(abs(first[0].height / second[0].height - 3.0 / 4.0) < 1e-9)
        // Category 2021 has no second bar: a gap, not a zero bar.
        #expect(!second.contains { $0.minX > first[1].minX && $0.maxX < first[2].minX })
        #expect(F.text(items).contains("甲") && F.text(items).contains("乙"))
    }

    @Test("stacked segments pile up from zero to the column's sum, with the total past the end")
    func stacked() throws {
        let chart = Chart(id: "s", title: "堆叠", kind: .bar, categories: ["A", "B"],
                          series: [Series(name: "甲", values: [33, 10]), Series(name: "乙", values: [17, 40])], stacked: true)
        let items = F.render(chart)
        let a = F.rects(items, colors: [theme.palette[0]]).filter { $0.height > 8 }.sorted { $0.minX < $1.minX }
        let b = F.rects(items, colors: [theme.palette[1]]).filter { $0.height > 8 }.sorted { $0.minX < $1.minX }
        try #require(a.count == 2 && b.count == 2)
        #expect(abs(a[0].minY - b[0].maxY) < 1e-9) // 乙 sits on 甲
        #expect(abs(a[0].minX - b[0].minX) < 1e-9 && abs(a[0].width - b[0].width) < 1e-9)
        let column = a[0].height + b[0].height
        #expect(abs(column / (a[1].height + b[1].height) - 1) < 1e-9) // 50 = 50
        #expect(abs(a[0].height / column - 0.66) < 1e-9)
        let totals = F.runs(items).filter { $0.text == "50" && $0.bounds.maxY <= b[0].minY && $0.bounds.minX >= a[0].minX - 10 }
        #expect(totals.count == 2)
        #expect(F.run("33", in: items).map { a[0].contains($0.bounds) } == true) // inside its segment
        #expect(F.overlappingRuns(items).isEmpty)
        #expect(F.runsOverlappingBars(items, bars: a + b).isEmpty)
    }

    @Test("horizontal bars grow rightwards from zero in proportion, names on the left")
    func horizontal() throws {
        let chart = F.bar([3886, 5300, 893], categories: ["高新技术企业总数", "其他", "新认定"]) { $0.orientation = .horizontal }
        let items = F.render(chart, width: 300, height: 160)
        let bars = F.rects(items, colors: [theme.palette[0]]).filter { $0.height > 4 }.sorted { $0.minY < $1.minY }
        try #require(bars.count == 3)
        #expect(abs(bars[1].width / bars[0].width - 5300 / 3886) < 1e-9)
        #expect(Set(bars.map { ($0.minX * 1e6).rounded() }).count == 1)
        let name = try #require(F.run("新认定", in: items))
        #expect(name.bounds.maxX <= bars[2].minX)
        #expect(abs(name.bounds.midY - bars[2].midY) < 1)
        let value = try #require(F.run("5300", in: items))
        #expect(value.bounds.minX >= bars[1].maxX)
    }

    @Test("negative values hang below zero, labels below their ends")
    func negative() throws {
        let items = F.render(F.bar([12, -8, 5]))
        let bars = F.rects(items, colors: [theme.palette[0]]).sorted { $0.minX < $1.minX }
        try #require(bars.count == 3)
        #expect(abs(bars[1].minY - bars[0].maxY) < 1e-9)
        let label = try #require(F.run("-8", in: items))
        #expect(label.bounds.minY >= bars[1].maxY)
    }

    @Test("labels never overlap each other or the bars, however crowded", arguments: 0..<24)
    func noCollisions(_ seed: Int) {
        var random = F.Random(state: UInt64(seed) &+ 99)
        let categories = 2 + Int(random.next() * 11)
        let seriesCount = 1 + Int(random.next() * 3)
        let magnitude = pow(10, (random.next() * 6).rounded())
        var series: [Series] = []
        for s in 0..<seriesCount {
            series.append(Series(name: "系列\(s + 1)", values: (0..<categories).map { _ in
                random.next() < 0.08 ? nil : ((random.next() * 1.1 - 0.1) * magnitude).rounded()
            }))
        }
        var chart = Chart(id: "x", title: "拥挤的图表\(seed)", kind: .bar, unit: "万元",
                          categories: (0..<categories).map { "第\($0 + 1)类别" }, series: series)
        chart.stacked = seed % 3 == 0
        chart.orientation = seed % 2 == 0 ? .vertical : .horizontal
        if seed % 4 == 1 { chart.target = Target(value: magnitude * 0.7, label: "目标值") }
        chart.highlight = seed % 5 == 0 ? chart.categories[0] : nil
        let width = 140 + random.next() * 260, height = 120 + random.next() * 160
        let rect = Rect(x: 20, y: 30, width: width, height: height)
        let items = F.renderer.render(chart, in: rect, theme: theme)
        let bars = F.rects(items, colors: theme.palette + [theme.accent], minAlpha: 0.2).filter { b in
            // Legend swatches are 0.8 em squares; the highlight band (alpha 0.16) is left out above.
            !(abs(b.width - 6.4) < 1e-6 && abs(b.height - 6.4) < 1e-6)
        }
        #expect(F.overlappingRuns(items).isEmpty, "seed \(seed): \(F.overlappingRuns(items))")
        #expect(F.runsOverlappingBars(items, bars: bars).isEmpty, "seed \(seed): \(F.runsOverlappingBars(items, bars: bars))")
        for item in F.flat(items) {
            if let b = F.inkBounds(item) { #expect(rect.contains(b, tolerance: 0.6), "seed \(seed): \(item) leaves the chart") }
        }
    }

    @Test("a chart given too little room draws no mark outside its box (and NaN is a gap)", arguments: [(100.0, 40.0), (60.0, 90.0), (30.0, 30.0)])
    func cramped(_ width: Double, _ height: Double) {
        let rect = Rect(x: 10, y: 10, width: width, height: height)
        for chart in [F.bar([3886, 5300]) { $0.target = Target(value: 10_000, label: "目标") },
                      Chart(id: "l", title: "线", kind: .line, categories: ["a", "b"], series: [Series(name: "s", values: [1, .nan])])] {
            let items = F.renderer.render(chart, in: rect, theme: theme)
            for item in F.flat(items) {
                guard case .shape = item, let b = F.inkBounds(item) else { continue }
                #expect(rect.contains(b, tolerance: 0.6), "\(chart.kind) at \(width)×\(height): \(b)")
            }
        }
    }

    @Test("every label is composed text: title, unit, ticks, names and values are searchable")
    func searchable() {
        let chart = F.bar([3886, 5300], categories: ["2021", "2022"]) { $0.note = "2021年为推算值" }
        let text = F.text(F.render(chart))
        for part in ["测试图表", "单位：家", "2021", "2022", "3886", "5300", "2021年为推算值"] {
            #expect(text.contains(part), "missing \(part)")
        }
    }

    @Test("large values put one magnitude on the axis: ticks in 万 and the unit 万吨")
    func magnitudeOnAxis() {
        var chart = F.bar([120_000, 260_000])
        chart.unit = "吨"
        let items = F.render(chart)
        let text = F.text(items)
        #expect(text.contains("单位：万吨"))
        // Labels in the axis's magnitude: "26" and "12", never "26万" beside a 万 axis.
        #expect(F.run("26", in: items) != nil && F.run("12", in: items) != nil)
        #expect(!text.contains("26万") && F.run("100000", in: items) == nil)
    }

    @Test("the layout's grouping separates thousands on ticks and labels")
    func grouping() {
        var theme = self.theme
        theme.grouping = ","
        let items = F.render(F.bar([3886, 5300]), theme: theme)
        #expect(F.run("5,300", in: items) != nil)
        #expect(F.run("5300", in: items) == nil)
    }
}
