/// Chooses line breaks for the whole paragraph at once (total fit): every line is
/// scored by how far it must stretch or shrink, and the sum is minimised, so a line that
/// cannot be set well is avoided by choosing earlier breaks.
struct LineBreaker {
    let units: [TextUnit]
    let joints: [Joint]
    let spec: ParagraphSpec

    /// A line from unit `start` up to (not including) `end`.
    struct Break: Hashable {
        var start: Int
        var end: Int
    }

    private struct State {
        var lines = Int.max
        var cost = Double.infinity
        var previous = -1
    }

    /// Break positions, or nil when no arrangement avoids an overfull line.
    func breaks() -> [Break]? {
        let n = units.count
        guard n > 0 else { return [] }
        var best = [State](repeating: State(), count: n + 1)
        best[0] = State(lines: 0, cost: 0, previous: -1)
        for end in 1...n {
            guard end == n || joints[end].breakable else { continue }
            guard var acc = LineAccumulator(units: units, joints: joints, settings: spec.settings, end: end) else {
                // Only spaces: carry the previous state through.
                if best[end - 1].cost < .infinity && end > 0 {
                    best[end] = best[end - 1]
                }
                continue
            }
            let isLast = end == n
            while acc.start > 0 {
                let m = acc.extend()
                let a = acc.start
                let width = spec.width - (a == 0 ? spec.firstLineIndent : 0)
                if m.natural - m.maxShrink > width + 0.01 { break }
                guard a == 0 || joints[a].breakable, best[a].cost < .infinity else { continue }
                guard let cost = lineCost(m, width: width, isLast: isLast, lineIndex: best[a].lines) else { continue }
                let penalty = isLast ? 0 : joints[end].penalty
                let total = best[a].cost + cost + penalty
                let lines = best[a].lines + 1
                if spec.balanced {
                    if lines < best[end].lines || (lines == best[end].lines && total < best[end].cost) {
                        best[end] = State(lines: lines, cost: total, previous: a)
                    }
                } else if total < best[end].cost {
                    best[end] = State(lines: lines, cost: total, previous: a)
                }
            }
        }
        guard best[n].cost < .infinity else { return nil }
        var result: [Break] = []
        var end = n
        while end > 0 {
            let start = best[end].previous
            if start < 0 { break }
            result.append(Break(start: start, end: end))
            end = start
        }
        return result.reversed()
    }

    /// The cost of one line, nil when it cannot be set.
    private func lineCost(_ m: LineMeasure, width: Double, isLast: Bool, lineIndex: Int) -> Double? {
        let excess = width - m.natural
        let em = m.em
        var badness: Double = 0
        if excess < -0.01 {
            // Too long: give up the line-end mark's blank half, then mid-line marks', then
            // squeeze spaces and Han–Latin gaps.
            var need = -excess
            let end = min(need, m.endSaving)
            need -= end
            badness += end > 0 ? 0.5 : 0
            let mid = min(need, m.midSaving)
            need -= mid
            badness += 20 * mid / em
            let space = min(need, 0.4 * m.spaceNatural)
            need -= space
            badness += 40 * space / em
            let auto = min(need, 0.5 * m.autospaceTotal)
            need -= auto
            badness += 60 * auto / em
            if need > 0.01 { return nil }
        } else if spec.balanced {
            let slack = excess / em
            badness = slack * slack * 10
        } else if !isLast && spec.alignment == .justify {
            var rem = excess
            let s1 = min(rem, m.spaceCapacity)
            rem -= s1
            if m.spaces > 0 { badness += 5 * (s1 / Double(m.spaces)) / em }
            let s2 = min(rem, Double(m.hanLatinJoints) * 0.125 * em)
            rem -= s2
            badness += 5 * s2 / em
            if rem > 0.01 {
                if m.stretchJoints > 0 {
                    let g = rem / Double(m.stretchJoints) / em
                    badness += 1000 * g * g * g
                } else if m.spaces > 0 {
                    let g = rem / Double(m.spaces) / em
                    badness += 100 + 1000 * g * g
                } else {
                    badness += 10_000
                }
            }
        }
        if isLast && !spec.balanced && lineIndex > 0 && m.wordCharacters < spec.settings.minLastLineCharacters {
            return nil
        }
        if spec.balanced && m.wordCharacters < 2 && lineIndex > 0 {
            return nil
        }
        if spec.balanced && m.wordCharacters < 2 && !isLast {
            return nil
        }
        return (10 + badness) * (10 + badness)
    }
}
