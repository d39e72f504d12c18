import Foundation
import FolioCore
import FolioModel

/// A value axis: nice ticks over the data, their labels in one magnitude, and the map
/// from values to page positions.
struct ValueAxis {
    var scale: NiceScale
    var format: AxisNumberFormat
    /// Page positions of the scale's lower and upper ends (for a vertical axis in a normal
    /// chart `from` is the bottom; an inverted axis swaps them).
    var from: Double
    var to: Double

    init(scale: NiceScale, format: AxisNumberFormat, from: Double = 0, to: Double = 1) {
        self.scale = scale
        self.format = format
        self.from = from
        self.to = to
    }

    /// The page position of `value`.
    func position(_ value: Double) -> Double {
        let span = scale.upper - scale.lower
        guard span > 0 else { return from }
        return from + (value - scale.lower) / span * (to - from)
    }

    func label(_ tick: Double) -> String {
        format.label(tick, step: scale.step)
    }

    /// The data range a chart's axis must cover: bars from zero (stacks by their sums),
    /// lines from their smallest to their largest value; the target in both.
    static func extent(_ chart: Chart) -> (lower: Double, upper: Double) {
        var values: [Double] = []
        if chart.kind == .bar && chart.stacked {
            for c in chart.categories.indices {
                let column = chart.series.compactMap { $0.values[safe: c] ?? nil }
                values.append(column.filter { $0 > 0 }.reduce(0, +))
                values.append(column.filter { $0 < 0 }.reduce(0, +))
            }
        } else {
            values = chart.series.flatMap { $0.values.compactMap { $0 } }
        }
        if let t = chart.target?.value { values.append(t) }
        if chart.kind == .bar && chart.invert {
            // Ranks (smaller is better): bars grow from a baseline past the worst value, so
            // the best is the tallest; the axis runs from the best end to that baseline.
            guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
            return (min(0, lo), hi + max(1, (hi - min(0, lo)) * 0.2))
        }
        if chart.kind == .bar { values.append(0) }
        guard let lo = values.min(), let hi = values.max() else { return (0, 1) }
        return (lo, hi)
    }

    /// The tick labels' shared format for `chart`.
    static func format(_ chart: Chart, grouping: String?) -> AxisNumberFormat {
        let e = extent(chart)
        return AxisNumberFormat(maxAbs: max(abs(e.lower), abs(e.upper)), grouping: grouping)
    }

    /// Whether every value is a whole number (ranks, counts): ticks then step by 1 or more.
    static func integers(_ chart: Chart) -> Bool {
        chart.series.allSatisfy { $0.values.allSatisfy { v in v.map { $0 == $0.rounded() } ?? true } }
            && (chart.target.map { $0.value == $0.value.rounded() } ?? true)
    }

    /// The axis for `chart` with about `count` ticks.
    static func make(_ chart: Chart, count: Int, grouping: String?) -> ValueAxis {
        let e = extent(chart)
        let scale = NiceScale(minimum: e.lower, maximum: e.upper, count: count, integers: integers(chart))
        return ValueAxis(scale: scale, format: format(chart, grouping: grouping))
    }
}
