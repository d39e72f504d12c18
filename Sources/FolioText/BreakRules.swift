/// clreq rules between adjacent units: where a line may break, where Han meets Latin,
/// which punctuation pairs compress.
struct BreakRules {
    let settings: ComposerSettings
    let balanced: Bool

    /// Western characters a line may not start with.
    static let westernNoStart: Set<String> = [")", "]", "}", ",", ".", ";", ":", "!", "?", "%", "‰", "°", "℃", "'", "\"", "’", "”", "/", "-", "‐", "‑", "–"]
    /// Western characters a line may not end with.
    static let westernNoEnd: Set<String> = ["(", "[", "{", "$", "¥", "£", "€", "#", "‘", "“"]
    /// Western symbols that take the Han–Latin space like letters do.
    static let spacedSymbols: Set<String> = ["%", "‰", "°", "℃", "#", "$", "¥", "€", "£", "@", "&", "+", "−"]
    /// Marks after which a title prefers to break.
    static let senseBreaks: Set<String> = ["、", "，", "；", "：", "！", "？", "。"]

    func joints(_ units: [TextUnit]) -> [Joint] {
        guard units.count > 1 else { return [Joint()] }
        var joints = [Joint](repeating: Joint(), count: units.count)
        for j in 1..<units.count {
            joints[j] = joint(units, j)
        }
        return joints
    }

    private func joint(_ u: [TextUnit], _ j: Int) -> Joint {
        let l = u[j - 1], r = u[j]
        var joint = Joint()
        joint.breakable = canBreak(u, j)
        if joint.breakable {
            if l.cls == .digit && r.cls == .han { joint.penalty += 30 }
            if balanced {
                if l.cls == .space || l.cls == .breakHint || l.cls == .ideographicSpace || Self.senseBreaks.contains(String(l.text)) {
                    joint.penalty -= 60
                } else if l.cls == .han && r.cls == .han {
                    joint.penalty += 20
                }
            }
        }
        // Han ↔ Latin/digit spacing.
        if settings.autospace > 0 {
            let lh = l.cls == .han, rh = r.cls == .han
            if (lh && isSpacedWestern(u, j)) || (rh && isSpacedWestern(u, j - 1)) {
                let em = lh ? l.em : r.em
                joint.autospace = settings.autospace * em
                joint.hanLatin = true
            }
        }
        // Punctuation pairs.
        if settings.punctuation == .gb, l.cls.isCompressible, r.cls.isCompressible {
            if (l.cls == .close || l.cls == .stop) && l.half != nil {
                joint.compressLeft = true
            } else if r.cls == .open && r.half != nil {
                joint.compressRight = true
            }
        }
        if settings.punctuation == .kaiming, l.cls.isCompressible, r.cls.isCompressible, !l.alwaysHalf,
           r.cls == .open, r.half != nil, !r.alwaysHalf {
            // 。“ under kaiming: the full stop keeps its em, the quote loses its blank half.
            joint.compressRight = true
        }
        let zero = l.isZeroWidth || r.isZeroWidth
        joint.stretchable = !(l.cls.isWestern && r.cls.isWestern) && !l.isSpace && !r.isSpace && !zero
            && !(l.cls == .dash && r.cls == .dash) && !(l.cls == .ellipsis && r.cls == .ellipsis)
        return joint
    }

    /// Whether unit `i` is a Western letter, digit or symbol that takes the Han–Latin space.
    private func isSpacedWestern(_ u: [TextUnit], _ i: Int) -> Bool {
        let c = u[i].cls
        if c == .latin || c == .digit { return true }
        guard c == .westernPunct else { return false }
        let s = String(u[i].text)
        if s == "−" || s == "+" { return i + 1 < u.count && u[i + 1].cls == .digit }
        return Self.spacedSymbols.contains(s)
    }

    /// Whether a line may break between unit j-1 and unit j.
    func canBreak(_ u: [TextUnit], _ j: Int) -> Bool {
        let l = u[j - 1], r = u[j]
        let ls = String(l.text), rs = String(r.text)
        if r.cls == .space || r.cls == .noBreakSpace || l.cls == .noBreakSpace || r.cls == .breakHint { return false }
        if l.cls == .space || l.cls == .breakHint { return true }
        // Western words stay whole; an explicit hyphen between letters is a break point.
        if l.cls.isWestern && r.cls.isWestern {
            let hyphen = ls == "-" || ls == "‐"
            return hyphen && r.cls == .latin && j >= 2 && u[j - 2].cls == .latin
        }
        // Line-start prohibited.
        switch r.cls {
        case .close, .stop: return false
        case .middle, .dash, .ellipsis, .smallKana:
            if settings.linebreak == .strict { return false }
        case .westernPunct:
            if Self.westernNoStart.contains(rs) { return false }
        default: break
        }
        // Line-end prohibited.
        if l.cls == .open { return false }
        if l.cls == .westernPunct && Self.westernNoEnd.contains(ls) { return false }
        // —— and …… never split (also at the basic level).
        if l.cls == .dash && r.cls == .dash { return false }
        if l.cls == .ellipsis && r.cls == .ellipsis { return false }
        // A dash between numbers (2022—2025) binds both sides.
        if r.cls == .dash && l.cls == .digit && j + 1 < u.count && u[j + 1].cls == .digit { return false }
        if l.cls == .dash && r.cls == .digit && j >= 2 && u[j - 2].cls == .digit { return false }
        // A sign stays with its number: −5, +3.
        if (ls == "−" || ls == "+" || ls == "-") && r.cls == .digit { return false }
        return true
    }
}
