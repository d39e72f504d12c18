/// clreq rules between adjacent units: where a line may break, where Han meets Latin,
/// which punctuation pairs compress, which gaps justification may widen.
struct BreakRules {
    let settings: ComposerSettings

    /// Western characters (and full-width symbols) a line may not start with.
    static let noStart: Set<UInt32> = Set(")]},.;:!?%‰°℃'\"’”/-‐‑–％〃".unicodeScalars.map(\.value))
    /// Western characters a line may not end with.
    static let noEnd: Set<UInt32> = Set("([{$¥£€#‘“".unicodeScalars.map(\.value))
    /// Western symbols that take the Han–Latin space like letters do.
    static let spacedSymbols: Set<UInt32> = Set("%‰°℃#$¥€£@&".unicodeScalars.map(\.value))
    /// Signs that take the Han–Latin space before a digit (not "-": 氦-3 is a name).
    static let signs: Set<UInt32> = Set("+−±".unicodeScalars.map(\.value))
    /// Hyphens: a Latin word may break after one.
    static let hyphens: Set<UInt32> = [0x2D, 0x2010]

    func joints(_ units: [TextUnit]) -> [Joint] {
        guard units.count > 1 else { return [Joint()] }
        var joints = [Joint](repeating: Joint(), count: units.count)
        for j in 1..<units.count {
            joints[j] = joint(units, j)
        }
        return joints
    }

    private func joint(_ u: [TextUnit], _ j: Int) -> Joint {
        var joint = Joint()
        joint.breakable = canBreak(u, j)
        let r = u[j]
        // Spacing looks through a break hint to the character before it.
        var li = j - 1
        while li > 0 && u[li].isZeroWidth { li -= 1 }
        let l = u[li]
        if joint.breakable && l.cls == .digit && r.cls == .han {
            // Keep a number with the word it counts (10件, 2022年).
            joint.penalty += 50
        }
        guard !r.isZeroWidth && !l.isZeroWidth else { return joint }
        // Han ↔ Latin/digit spacing — not where the style changes (a big number and its
        // small unit): the change of size already parts them, and a gap between two runs
        // of different faces would come out of the PDF as a space.
        let sameStyle = l.em == r.em && l.glyphs.first?.font == r.glyphs.first?.font
        if settings.autospace > 0 && sameStyle {
            let lh = l.cls == .han, rh = r.cls == .han
            if (lh && isSpacedWestern(u, j)) || (rh && isSpacedWestern(u, li)) {
                joint.autospace = settings.autospace * (lh ? l.em : r.em)
                joint.hanLatin = true
            }
        }
        // Punctuation pairs: the pair takes 1.5 em. A Western space next to a mark takes
        // the place of the mark's blank half (“国家队” 助力).
        if settings.punctuation == .gb, li == j - 1 {
            let leftGives = (l.cls == .close || l.cls == .stop) && l.half != nil
            if l.cls.isCompressible && r.cls.isCompressible {
                if leftGives {
                    joint.compressLeft = true
                } else if r.cls == .open && r.half != nil {
                    joint.compressRight = true
                }
            } else if leftGives && r.isSpace {
                joint.compressLeft = true
            } else if l.isSpace && r.cls == .open && r.half != nil {
                joint.compressRight = true
            }
        }
        joint.stretch = stretchTier(l, r)
        // A dash that binds two numbers (2022—2025) is part of the number.
        if (r.cls == .dash && l.cls == .digit && j + 1 < u.count && u[j + 1].cls == .digit)
            || (l.cls == .dash && r.cls == .digit && li >= 1 && u[li - 1].cls == .digit) {
            joint.stretch = .tertiary
        }
        // A gap between two glyph runs could not be kept out of copied text.
        if l.span != r.span || l.glyphs.first?.font != r.glyphs.first?.font {
            joint.stretch = .none
        }
        return joint
    }

    private func stretchTier(_ l: TextUnit, _ r: TextUnit) -> StretchTier {
        if l.isSpace || r.isSpace || l.cls == .noBreakSpace || r.cls == .noBreakSpace { return .none }
        if l.cls.isWestern && r.cls.isWestern { return .tertiary }
        if l.cls == .dash && r.cls == .dash { return .tertiary }
        if l.cls == .ellipsis && r.cls == .ellipsis { return .tertiary }
        // Between two marks (。” ，“ ）（): the pair is set as one.
        if (l.cls.isCompressible || l.cls == .middle) && (r.cls.isCompressible || r.cls == .middle) { return .tertiary }
        if l.cls == .open || r.cls == .close || r.cls == .stop { return .secondary }
        return .primary
    }

    /// Whether unit `i` is a Western letter, digit or symbol that takes the Han–Latin space.
    private func isSpacedWestern(_ u: [TextUnit], _ i: Int) -> Bool {
        let c = u[i].cls
        if c == .latin || c == .digit { return true }
        guard c == .westernPunct else { return false }
        if Self.signs.contains(u[i].scalar) { return i + 1 < u.count && u[i + 1].cls == .digit }
        return Self.spacedSymbols.contains(u[i].scalar)
    }

    /// Whether a line may start with `u`.
    func mayStart(_ u: TextUnit) -> Bool {
        switch u.cls {
        case .close, .stop, .middle: return false
        case .dash, .ellipsis, .smallKana: return settings.linebreak != .strict
        case .space, .noBreakSpace, .breakHint: return false
        default: return !Self.noStart.contains(u.scalar)
        }
    }

    /// Whether a line may end with `u`.
    func mayEnd(_ u: TextUnit) -> Bool {
        switch u.cls {
        case .open, .middle, .noBreakSpace: return false
        default: return !Self.noEnd.contains(u.scalar)
        }
    }

    /// Whether a line may break between unit j-1 and unit j.
    func canBreak(_ u: [TextUnit], _ j: Int) -> Bool {
        let l = u[j - 1], r = u[j]
        // A break goes after a run of spaces and hints, never before one.
        if r.isSpace || r.isZeroWidth || r.cls == .noBreakSpace || l.cls == .noBreakSpace { return false }
        guard mayStart(r) else { return false }
        if l.isSpace || l.isZeroWidth {
            // Look through the spaces: the line must still end with a character that may end one.
            var k = j - 1
            while k >= 0 && (u[k].isSpace || u[k].isZeroWidth) { k -= 1 }
            return k >= 0 && mayEnd(u[k])
        }
        guard mayEnd(l) else { return false }
        // Western words and numbers stay whole; a hyphen between letters is a break point.
        if l.cls.isWestern && r.cls.isWestern {
            return Self.hyphens.contains(l.scalar) && r.cls == .latin && j >= 2 && u[j - 2].cls == .latin
        }
        // No line ends with a hyphen before Han text (申高-上高-上规-上市): text readers
        // (poppler, PDFium) take a line-final hyphen for a word broken by hyphenation and
        // drop it, so the copied text would lose the data's own hyphen.
        if Self.hyphens.contains(l.scalar) && !r.cls.isWestern { return false }
        // An apostrophe inside a Latin word (Ningbo’s) is part of it.
        if l.scalar == 0x2019 && r.cls == .latin && j >= 2 && u[j - 2].cls == .latin { return false }
        // Full-width letters and digits keep together like Western ones.
        if isFullWidthAlnum(l.scalar) && isFullWidthAlnum(r.scalar) { return false }
        // —— and …… never split (at every level).
        if l.cls == .dash && r.cls == .dash { return false }
        if l.cls == .ellipsis && r.cls == .ellipsis { return false }
        // A dash between numbers (2022—2025, 10～20) binds both sides.
        if r.cls == .dash && l.cls == .digit && j + 1 < u.count && u[j + 1].cls == .digit { return false }
        if l.cls == .dash && r.cls == .digit && j >= 2 && u[j - 2].cls == .digit { return false }
        return true
    }

    /// The price of breaking at an illegal place, when nothing legal fits (a word or an
    /// unbreakable run longer than the measure): inside a word is the least bad; a mark
    /// parted from its character worse; —— or …… split worst.
    func emergencyPenalty(_ u: [TextUnit], _ j: Int) -> Double {
        let l = u[j - 1], r = u[j]
        if (l.cls == .dash && r.cls == .dash) || (l.cls == .ellipsis && r.cls == .ellipsis) { return 50_000 }
        if !mayStart(r) || !mayEnd(l) { return 20_000 }
        return 5_000
    }

    private func isFullWidthAlnum(_ v: UInt32) -> Bool {
        (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
    }
}
