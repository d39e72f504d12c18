import FolioCharts
import Foundation
import Testing

@Suite("Nice axis ticks")
struct NiceScaleTests {
    @Test("the default report's ranges get the ticks a person would draw", arguments: [
        // (minimum, maximum, count) → ticks
        (0.0, 10_000.0, 5, [0.0, 2000, 4000, 6000, 8000, 10_000]),
        (0.0, 1500.0, 5, [0.0, 500, 1000, 1500]),
        (13.0, 15.0, 4, [13.0, 14, 15]),
        (0.0, 5300.0, 5, [0.0, 1000, 2000, 3000, 4000, 5000, 6000]),
        (0.0, 260_000.0, 4, [0.0, 100_000, 200_000, 300_000]),
    ])
    func known(_ lo: Double, _ hi: Double, _ count: Int, _ expected: [Double]) {
        let scale = NiceScale(minimum: lo, maximum: hi, count: count, integers: lo == 13)
        #expect(scale.ticks == expected)
    }

    @Test("over many ranges: steps are 1, 2 or 5 × 10ⁿ, ticks are evenly spaced and cover the data")
    func property() {
        var random = ChartFixture.Random(state: 7)
        for _ in 0..<400 {
            let magnitude = pow(10, (random.next() * 12).rounded() - 4)
            var a = (random.next() * 2 - 0.6) * magnitude
            var b = (random.next() * 2 - 0.6) * magnitude
            if random.next() < 0.3 { a = 0 } // bars from zero
            if a > b { swap(&a, &b) }
            let count = 2 + Int(random.next() * 7)
            let scale = NiceScale(minimum: a, maximum: b, count: count)
            let t = scale.ticks
            #expect(t.count >= 2, "\(a)…\(b): \(t)")
            #expect(ChartFixture.isNiceStep(scale.step), "\(a)…\(b): step \(scale.step)")
            #expect(t.first! <= a + abs(scale.step) * 1e-9 && t.last! >= b - abs(scale.step) * 1e-9, "\(a)…\(b): \(t)")
            for i in 1..<t.count {
                #expect(abs((t[i] - t[i - 1]) - scale.step) <= scale.step * 1e-6, "\(a)…\(b): \(t)")
            }
            // Loose labelings of awkward ranges take more ticks than wished (0…6.24 wanting 3
            // gets 0…7 by 1), but at most twice as many, and never a wasted step at either end.
            #expect(t.count <= NiceScale.maximumCount(count), "\(a)…\(b) wanted \(count): \(t)")
            #expect(t[1] > a - 1e-9 * abs(scale.step) || a == t[0], "\(a)…\(b): \(t)")
            #expect(t[t.count - 2] < b + 1e-9 * abs(scale.step) || b == t.last!, "\(a)…\(b): \(t)")
            if a <= 0 && b >= 0 { #expect(t.contains(0), "\(a)…\(b): \(t) skips zero") }
        }
    }

    @Test("whole-number data (ranks) never gets a fractional step")
    func integers() {
        for hi in 2...9 {
            let scale = NiceScale(minimum: 1, maximum: Double(hi), count: 6, integers: true)
            #expect(scale.step >= 1)
            #expect(scale.ticks.allSatisfy { $0 == $0.rounded() })
        }
    }

    @Test("one value or none still gives a usable axis from zero")
    func degenerate() {
        #expect(NiceScale(minimum: 0, maximum: 0).ticks.first == 0)
        #expect(NiceScale(minimum: 0, maximum: 0).ticks.count >= 2)
        let one = NiceScale(minimum: 450, maximum: 450)
        #expect(one.lower == 0 && one.upper >= 450)
    }
}
