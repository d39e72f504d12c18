/// What a candidate line from unit `a` to unit `e` (inclusive) measures, and how much
/// it may stretch or shrink. Built from the end backwards so the line breaker can try
/// every start in one pass.
struct LineMeasure {
    /// Width with pair compression and Han–Latin spaces, before justification.
    var natural: Double = 0
    var spaces = 0
    var spaceNatural: Double = 0
    /// How far spaces may grow before they pass half an em.
    var spaceCapacity: Double = 0
    var primaryJoints = 0
    var secondaryJoints = 0
    var tertiaryJoints = 0
    var hanLatinJoints = 0
    var autospaceTotal: Double = 0
    /// Savings if mid-line marks not already compressed were set half width.
    var midSaving: Double = 0
    /// Saving if the line's last mark is set half width.
    var endSaving: Double = 0
    var wordCharacters = 0
    /// Average font size, for converting to em.
    var em: Double = 10
    /// The first unit loses its leading half (an opening mark at line start).
    var startCompressed = false
    var endUnit = 0

    /// How far spaces may shrink (to 60 % of their width).
    static let spaceShrink = 0.4
    /// How far Han–Latin spaces may shrink (to half).
    static let autospaceShrink = 0.5

    /// Everything the line may still give up when too long.
    var maxShrink: Double {
        endSaving + midSaving + Self.spaceShrink * spaceNatural + Self.autospaceShrink * autospaceTotal
    }
}

/// Accumulates `LineMeasure`s for a fixed line end while the start moves left.
struct LineAccumulator {
    let units: [TextUnit]
    let joints: [Joint]
    let settings: ComposerSettings
    private(set) var start: Int
    private var sum: Double = 0
    private var m = LineMeasure()
    private var emSum: Double = 0
    private var emCount = 0

    /// A line ending after unit `end - 1` (a break at joint `end`, or the paragraph end).
    /// Returns nil when the line would hold only spaces or break hints.
    init?(units: [TextUnit], joints: [Joint], settings: ComposerSettings, end: Int) {
        self.units = units
        self.joints = joints
        self.settings = settings
        var e = end - 1
        while e >= 0 && (units[e].isSpace || units[e].isZeroWidth) { e -= 1 }
        guard e >= 0 else { return nil }
        start = e + 1
        m.endUnit = e
        let last = units[e]
        if last.canShrink && last.cls != .open {
            m.endSaving = last.halfSaving
        }
    }

    /// Extends the line one unit to the left and returns its measure.
    mutating func extend() -> LineMeasure {
        start -= 1
        let a = start
        let u = units[a]
        sum += u.advance
        if a < m.endUnit {
            let j = joints[a + 1]
            sum += j.autospace
            if j.compressLeft { sum -= u.halfSaving }
            if j.compressRight { sum -= units[a + 1].halfSaving }
            switch j.stretch {
            case .primary: m.primaryJoints += 1
            case .secondary: m.secondaryJoints += 1
            case .tertiary: m.tertiaryJoints += 1
            case .none: break
            }
            if j.hanLatin {
                m.hanLatinJoints += 1
                m.autospaceTotal += j.autospace
            }
            // Mid-line marks that may still give up their blank half.
            if (u.cls == .close || u.cls == .stop) && u.canShrink && !j.compressLeft {
                m.midSaving += u.halfSaving
            }
            let next = units[a + 1]
            if next.cls == .open && next.canShrink && !j.compressRight {
                m.midSaving += next.halfSaving
            }
            if u.isSpace {
                m.spaces += 1
                m.spaceNatural += u.advance
                m.spaceCapacity += max(0, 0.5 * u.em - u.advance)
            }
        }
        if u.cls.isWordCharacter { m.wordCharacters += 1 }
        if !u.isSpace && !u.isZeroWidth {
            emSum += u.em
            emCount += 1
        }
        var measure = m
        measure.em = emCount > 0 ? emSum / Double(emCount) : u.em
        measure.startCompressed = u.cls == .open && u.canShrink
        // The trailing unit carries no tracking after it.
        measure.natural = sum - units[m.endUnit].tracking - (measure.startCompressed ? u.halfSaving : 0)
        return measure
    }
}
