/// Chooses line breaks for the whole paragraph at once (total fit): every line is
/// scored by how far it must stretch or shrink, and the sum is minimised, so a line that
/// cannot be set well is avoided by choosing earlier breaks.
///
/// Work is linear in the paragraph: for each break, only starts within one measure are tried.
struct LineBreaker {
    let units: [TextUnit]
    let joints: [Joint]
    let spec: ParagraphSpec
    /// The fewest word characters the last line may hold.
    var minLastLine: Int

    init(units: [TextUnit], joints: [Joint], spec: ParagraphSpec, minLastLine: Int? = nil) {
        self.units = units
        self.joints = joints
        self.spec = spec
        self.minLastLine = minLastLine ?? spec.settings.minLastLineCharacters
    }

    /// A line from unit `start` up to (not including) `end`.
    struct Break: Hashable {
        var start: Int
        var end: Int
    }

    private struct State {
        var cost = Double.infinity
        var previous = -1
        var lines = 0
    }

    /// Break positions, or nil when no arrangement avoids an overfull line.
    func breaks() -> [Break]? {
        let n = units.count
        guard n > 0 else { return [] }
        var best = [State](repeating: State(), count: n + 1)
        best[0] = State(cost: 0, previous: -1, lines: 0)
        for end in 1...n {
            guard end == n || joints[end].breakable else { continue }
            guard var acc = LineAccumulator(units: units, joints: joints, settings: spec.settings, end: end) else { continue }
            let isLast = end == n
            let penalty = isLast ? 0 : joints[end].penalty
            while acc.start > 0 {
                let m = acc.extend()
                let a = acc.start
                let width = spec.width - (a == 0 ? spec.firstLineIndent : 0)
                if m.natural - m.maxShrink > width + 0.01 { break }
                guard a == 0 || joints[a].breakable, best[a].cost < .infinity else { continue }
                guard let cost = lineCost(m, width: width, isLast: isLast, isFirst: a == 0) else { continue }
                let total = best[a].cost + cost + penalty
                if total < best[end].cost {
                    best[end] = State(cost: total, previous: a, lines: best[a].lines + 1)
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
    func lineCost(_ m: LineMeasure, width: Double, isLast: Bool, isFirst: Bool) -> Double? {
        if isLast && !isFirst && m.wordCharacters < minLastLine { return nil }
        let excess = width - m.natural
        let em = m.em
        var badness: Double = 0
        if excess < -0.01 {
            guard let b = Self.shrinkBadness(m, need: -excess) else { return nil }
            badness = b
        } else if spec.alignment == .justify && !isLast {
            badness = Self.stretchBadness(m, excess: excess)
        } else if !isLast {
            // Ragged lines: fuller lines first, so the text reads like a greedy fill.
            badness = 2 * excess / em
        }
        return (10 + badness) * (10 + badness)
    }

    /// Badness of shrinking a line by `need` points: the line-end mark's blank half first,
    /// then mid-line marks', then spaces, then Han–Latin gaps. Nil when it cannot shrink enough.
    static func shrinkBadness(_ m: LineMeasure, need total: Double) -> Double? {
        let em = m.em
        var need = total
        var badness = 0.0
        let end = min(need, m.endSaving)
        need -= end
        badness += end > 0 ? 0.5 : 0
        let mid = min(need, m.midSaving)
        need -= mid
        badness += 20 * mid / em
        let space = min(need, LineMeasure.spaceShrink * m.spaceNatural)
        need -= space
        badness += 40 * space / em
        let auto = min(need, LineMeasure.autospaceShrink * m.autospaceTotal)
        need -= auto
        badness += 60 * auto / em
        return need > 0.01 ? nil : badness
    }

    /// Badness of stretching a line by `excess` points, in the order LineSetter widens gaps.
    static func stretchBadness(_ m: LineMeasure, excess: Double) -> Double {
        let em = m.em
        var rem = excess
        var badness = 0.0
        let s1 = min(rem, m.spaceCapacity)
        rem -= s1
        if m.spaces > 0 { badness += 5 * (s1 / Double(m.spaces)) / em }
        let s2 = min(rem, Double(m.hanLatinJoints) * LineSetter.hanLatinStretch * em)
        rem -= s2
        badness += 5 * s2 / em
        guard rem > 0.01 else { return badness }
        if m.primaryJoints > 0 {
            let g = rem / Double(m.primaryJoints) / em
            badness += 5000 * g * g * g
        } else if m.secondaryJoints > 0 {
            let g = rem / Double(m.secondaryJoints) / em
            badness += 50 + 5000 * g * g * g
        } else if m.spaces > 0 {
            let g = rem / Double(m.spaces) / em
            badness += 100 + 1000 * g * g
        } else if m.tertiaryJoints > 0 {
            let g = rem / Double(m.tertiaryJoints) / em
            badness += 200 + 5000 * g * g * g
        } else {
            badness += 10_000
        }
        return badness
    }
}
