/// Breaks titles and card text into balanced lines:
///
/// 1. the fewest lines the full measure allows;
/// 2. the narrowest measure that still sets the text in that many lines (the balanced
///    measure: lines of even length);
/// 3. among arrangements in that many lines that fit the full measure, the one whose lines
///    stay closest to the balanced measure, where a break at a sense boundary (at a space
///    or U+200B, after 。，、, at a quote or bracket, before Latin or digits) is worth some
///    unevenness and a break inside a dictionary word costs some (`SenseBoundaries` holds
///    the values: the tolerance).
///
/// When the fewest lines can only be had by splitting a word (2022年度宁波科 / 技创新…), one
/// line more is taken if that splits none.
///
/// No line holds a single character; Latin words and numbers are never broken.
struct Balancer {
    let units: [TextUnit]
    let joints: [Joint]
    let spec: ParagraphSpec

    /// A line must hold at least this many characters (punctuation not counted).
    static let minCharacters = 2

    func breaks() -> [LineBreaker.Break]? {
        let n = units.count
        guard n > 0 else { return [] }
        guard let fewest = fewestLines(width: spec.width, squeeze: true) else { return nil }
        if fewest <= 1 { return [LineBreaker.Break(start: 0, end: n)] }
        guard let best = arrangement(lines: fewest) else { return nil }
        if splitsWord(best), let more = arrangement(lines: fewest + 1), !splitsWord(more) {
            return more
        }
        return best
    }

    /// The best arrangement in `count` lines, measured against the narrowest measure that
    /// sets the text in that many lines at natural width (fewestLines is monotone in width).
    private func arrangement(lines count: Int) -> [LineBreaker.Break]? {
        var lo = 0.0, hi = spec.width
        while hi - lo > 0.05 {
            let mid = (lo + hi) / 2
            if let k = fewestLines(width: mid, squeeze: false), k <= count { hi = mid } else { lo = mid }
        }
        return choose(lines: count, limit: spec.width, target: hi)
    }

    /// The fewest lines that set the text within `width`, or nil when it cannot be set;
    /// `squeeze` lets lines shrink as justified lines do (else only a line-end mark's half).
    func fewestLines(width: Double, squeeze: Bool) -> Int? {
        let n = units.count
        var best = [Int](repeating: .max, count: n + 1)
        best[0] = 0
        for end in 1...n {
            guard end == n || joints[end].breakable else { continue }
            guard var acc = LineAccumulator(units: units, joints: joints, settings: spec.settings, end: end) else { continue }
            while acc.start > 0 {
                let m = acc.extend()
                let a = acc.start
                let w = width - (a == 0 ? spec.firstLineIndent : 0)
                if m.natural - (squeeze ? m.maxShrink : m.endSaving) > w + 0.01 { break }
                guard a == 0 || joints[a].breakable, best[a] < .max else { continue }
                guard m.wordCharacters >= Self.minCharacters || (a == 0 && end == n) else { continue }
                best[end] = min(best[end], best[a] + 1)
            }
        }
        return best[n] == .max ? nil : best[n]
    }

    /// The best arrangement in exactly `count` lines no longer than `limit`, lines scored
    /// by their distance from `target` (the balanced measure) plus the sense value of each break.
    private func choose(lines count: Int, limit: Double, target: Double) -> [LineBreaker.Break]? {
        let n = units.count
        struct State { var cost = Double.infinity; var previous = -1 }
        // Every line that may be set, by its end: start and length.
        var candidates: [[(start: Int, length: Double)]] = Array(repeating: [], count: n + 1)
        for end in 1...n {
            guard end == n || joints[end].breakable else { continue }
            guard var acc = LineAccumulator(units: units, joints: joints, settings: spec.settings, end: end) else { continue }
            while acc.start > 0 {
                let m = acc.extend()
                let a = acc.start
                let w = limit - (a == 0 ? spec.firstLineIndent : 0)
                // A line a little too long is squeezed to fit (line-end mark first).
                if m.natural - m.maxShrink > w + 0.01 { break }
                let length = min(m.natural, w)
                guard a == 0 || joints[a].breakable else { continue }
                guard m.wordCharacters >= Self.minCharacters || (a == 0 && end == n) else { continue }
                candidates[end].append((a, length))
            }
        }
        var best = [[State]](repeating: [State](repeating: State(), count: n + 1), count: count + 1)
        best[0][0].cost = 0
        for k in 1...count {
            for end in 1...n where !candidates[end].isEmpty {
                let sense = end == n ? 0 : joints[end].sense
                for c in candidates[end] where best[k - 1][c.start].cost < .infinity {
                    // Unevenness: the line's distance from the balanced measure, relative to
                    // it, squared; a line longer than it costs half as much again.
                    let d = (c.length - target) / target
                    let lineCost = 100 * d * d * (d > 0 ? 1.5 : 1)
                    let total = best[k - 1][c.start].cost + lineCost + sense
                    if total < best[k][end].cost { best[k][end] = State(cost: total, previous: c.start) }
                }
            }
        }
        guard best[count][n].cost < .infinity else { return nil }
        var result: [LineBreaker.Break] = []
        var end = n
        var k = count
        while k > 0 {
            let start = best[k][end].previous
            result.append(LineBreaker.Break(start: start, end: end))
            end = start
            k -= 1
        }
        return result.reversed()
    }

    /// Whether an arrangement breaks inside a dictionary word.
    private func splitsWord(_ breaks: [LineBreaker.Break]) -> Bool {
        breaks.dropLast().contains { joints[$0.end].sense >= SenseBoundaries.insideWord }
    }
}
