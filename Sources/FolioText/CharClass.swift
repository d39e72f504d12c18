/// How the composer treats a character (W3C clreq classes, simplified to what line
/// breaking, punctuation width and Han–Latin spacing need).
public enum CharClass: Hashable, Sendable {
    /// Han ideographs, kana, Hangul, full-width letters and digits: one em, breakable on both sides.
    case han
    /// Opening brackets and quotes: “ ‘ （ 《 「 『 【 〔 〈 〖 ［ ｛. Ink in the right half.
    case open
    /// Closing brackets and quotes: ” ’ ） 》 」 』 】 〕 〉 〗 ］ ｝. Ink in the left half.
    case close
    /// Pauses and stops: 、 ， 。 ． ； ： ！ ？ (GB: ink in the left half).
    case stop
    /// Middle dots (间隔号): · ・ ‧; never start or end a line; half an em, centred (GB).
    case middle
    /// Dashes — ― and the two-em ——, wave dashes ～ 〜; never split, never start a line (strict).
    case dash
    /// Ellipsis … and ……; never split, never start a line (strict).
    case ellipsis
    /// Iteration marks, the prolonged sound mark and small kana: 々 〻 ゝ ー ぁ …; never start a line (strict).
    case smallKana
    /// Latin, Greek and Cyrillic letters.
    case latin
    /// Digits 0–9.
    case digit
    /// Western punctuation and symbols that travel with a Western word: . , % ( ) / …
    case westernPunct
    /// A breaking space (U+0020).
    case space
    /// A no-break space (U+00A0, U+202F).
    case noBreakSpace
    /// The ideographic space (U+3000), one em.
    case ideographicSpace
    /// Zero-width space (U+200B): a break the data allows, preferred in titles; never drawn.
    case breakHint
    /// Anything else (symbols, emoji).
    case other

    /// Classifies a character by its first scalar.
    public static func of(_ scalar: Unicode.Scalar) -> CharClass {
        let v = scalar.value
        switch v {
        case 0x20: return .space
        case 0xA0, 0x202F: return .noBreakSpace
        case 0x3000: return .ideographicSpace
        case 0x200B: return .breakHint
        case 0x30...0x39: return .digit
        case 0x201C, 0x2018, 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x3016, 0x3018, 0xFF3B, 0xFF5B, 0x301D:
            return .open
        case 0x201D, 0x2019, 0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x3017, 0x3019, 0xFF3D, 0xFF5D, 0x301E, 0x301F:
            return .close
        case 0x3001, 0xFF0C, 0x3002, 0xFF0E, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F:
            return .stop
        case 0x00B7, 0x30FB, 0xFF65, 0x2027:
            return .middle
        case 0x2014, 0x2015, 0x2E3A, 0x2E3B, 0xFF5E, 0x301C:
            return .dash
        case 0x2026, 0x22EF:
            return .ellipsis
        case 0x3005, 0x303B, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x30FC,
             0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
             0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6:
            return .smallKana
        case 0x00D7, 0x00F7:
            return .westernPunct
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x3040...0x30FF,
             0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0x3007, 0x3006, 0x31F0...0x31FF,
             0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x2E80...0x2FDF, 0x3190...0x319F, 0x3200...0x33FF:
            return .han
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF:
            return .latin
        case 0x21...0x7E, 0xA1...0xBF, 0x2010...0x2013, 0x2030, 0x2032, 0x2033, 0x2212, 0x2103, 0x2109, 0x2116:
            return .westernPunct
        default:
            return .other
        }
    }

    /// Full-width CJK punctuation whose blank half may be removed (compression).
    public var isCompressible: Bool { self == .open || self == .close || self == .stop }

    /// Part of a Western word: no break inside a run of these.
    public var isWestern: Bool { self == .latin || self == .digit || self == .westernPunct }

    /// Characters that count toward "a line holds at least N characters".
    public var isWordCharacter: Bool {
        switch self {
        case .han, .latin, .digit, .other, .smallKana: return true
        default: return false
        }
    }

    /// CJK characters (ideographs and CJK punctuation) for spacing decisions.
    public var isCJK: Bool {
        switch self {
        case .han, .open, .close, .stop, .middle, .dash, .ellipsis, .smallKana, .ideographicSpace: return true
        default: return false
        }
    }
}
