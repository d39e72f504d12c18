import Foundation

/// A spreadsheet number format code applied to a number, as Excel shows it: `General`,
/// `0`, `0.0`, `#,##0`, `0%`, `0.0%`, `0.00E+00`, literal text (`0"家"`, `#,##0\万`),
/// and dates and times (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `m/d/yy`, `hh:mm`). Colours,
/// conditions and locale tags (`[Red]`, `[$-804]`) are ignored; a second section is used
/// for negative numbers.
public struct CellFormat: Hashable, Sendable {
    public var code: String

    public init(_ code: String) {
        self.code = code
    }

    /// The codes of the built-in format ids that files refer to without listing them.
    public static func builtIn(_ id: Int) -> String? {
        switch id {
        case 0: return "General"
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12, 13: return "General"
        case 14: return "yyyy-mm-dd"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "yyyy-mm-dd h:mm"
        case 37, 38: return "#,##0;-#,##0"
        case 39, 40: return "#,##0.00;-#,##0.00"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mm:ss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return nil
        }
    }

    /// The first section (positive numbers), without colours and locale tags.
    private var sections: [String] { CellFormat.split(code) }

    /// Whether the format shows a date or time.
    public var isDate: Bool {
        let s = CellFormat.strip(sections.first ?? "")
        return s.lowercased().contains(where: { "ymdhs".contains($0) }) && !s.lowercased().contains("general")
    }

    /// Whether the format shows a percentage.
    public var isPercent: Bool { CellFormat.strip(sections.first ?? "").contains("%") }

    /// `n` as the format shows it.
    public func display(_ n: Double) -> String {
        let parts = sections
        guard let first = parts.first, !first.isEmpty, first.lowercased() != "general" else { return CellFormat.general(n) }
        if first == "@" { return CellFormat.general(n) }
        if isDate { return CellFormat.date(n, first) }
        if n < 0, parts.count > 1 { return CellFormat.number(-n, parts[1]) }
        if n == 0, parts.count > 2 { return CellFormat.number(0, parts[2]) }
        let shown = CellFormat.number(abs(n), first)
        return n < 0 && shown.contains(where: { $0.isNumber && $0 != "0" }) ? "-" + shown : shown
    }

    // MARK: - General

    /// Excel's `General`: an integer without a point, else up to 10 significant digits
    /// (scientific beyond 11 digits).
    public static func general(_ n: Double) -> String {
        guard n.isFinite else { return n.isNaN ? "#NUM!" : "#NUM!" }
        if n == n.rounded(), abs(n) < 1e11 { return String(Int64(n)) }
        let magnitude = abs(n)
        if magnitude >= 1e11 || magnitude < 1e-9 {
            return String(format: "%.5E", n).replacingOccurrences(of: #"\.?0+E"#, with: "E", options: .regularExpression)
        }
        let digits = max(0, 9 - Int(floor(log10(magnitude))))
        var s = String(format: "%.\(min(digits, 15))f", n)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    // MARK: - Numbers

    /// `n` (not negative) through one section such as `#,##0.0"家"` or `0.0%`.
    static func number(_ n: Double, _ section: String) -> String {
        var prefix = "", suffix = "", pattern = ""
        var inPattern = false, patternDone = false
        var chars = Array(section)
        var i = 0
        func literal(_ s: String) {
            if inPattern || patternDone { suffix += s; if inPattern { patternDone = true; inPattern = false } } else { prefix += s }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                var j = i + 1, text = ""
                while j < chars.count, chars[j] != "\"" { text.append(chars[j]); j += 1 }
                literal(text)
                i = j + 1
                continue
            case "\\":
                if i + 1 < chars.count { literal(String(chars[i + 1])) }
                i += 2
                continue
            case "[":
                while i < chars.count, chars[i] != "]" { i += 1 }
            case "_", "*":
                i += 1 // a padding character follows
            case "0", "#", "?", ",", ".":
                if patternDone { suffix.append(c) } else { inPattern = true; pattern.append(c) }
            case "E" where inPattern, "e" where inPattern:
                pattern.append(c)
            case "+" where inPattern && (pattern.last == "E" || pattern.last == "e"),
                 "-" where inPattern && (pattern.last == "E" || pattern.last == "e"):
                pattern.append(c)
            case "%":
                if inPattern { patternDone = true; inPattern = false }
                if patternDone { suffix += "%" } else { prefix += "%" }
                pattern += "%"
            default:
                literal(String(c))
            }
            i += 1
        }
        chars = []
        var value = n
        if pattern.contains("%") { value *= 100 }
        pattern = pattern.replacingOccurrences(of: "%", with: "")
        if let e = pattern.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            let mantissa = pattern[..<e]
            let decimals = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            let s = String(format: "%.\(decimals)E", value)
            return prefix + s + suffix
        }
        let pieces = pattern.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = pieces.first.map(String.init) ?? ""
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let grouping = integerPart.contains(",") && !integerPart.hasSuffix(",")
        var trailingCommas = 0
        var ip = integerPart
        while ip.hasSuffix(",") { trailingCommas += 1; ip.removeLast() }
        for _ in 0..<trailingCommas { value /= 1000 }
        let required = fraction.filter { $0 == "0" }.count
        let optional = fraction.filter { $0 == "#" || $0 == "?" }.count
        let decimals = required + optional
        let rounded = roundHalfAway(value, decimals)
        var text = String(format: "%.\(decimals)f", rounded)
        if optional > 0, text.contains(".") {
            var drop = optional
            while drop > 0, text.hasSuffix("0") { text.removeLast(); drop -= 1 }
            if text.hasSuffix(".") { text.removeLast() }
        }
        var intDigits = String(text.prefix { $0 != "." })
        let rest = String(text.dropFirst(intDigits.count))
        let minimumDigits = ip.filter { $0 == "0" }.count
        if intDigits == "0" && minimumDigits == 0 { intDigits = "" }
        while intDigits.count < minimumDigits { intDigits = "0" + intDigits }
        if grouping { intDigits = group(intDigits) }
        return prefix + intDigits + rest + suffix
    }

    /// Rounds half away from zero, after first rounding to 15 significant digits (as
    /// Excel does, so 36.45 stored as 36.4499999… still shows 36.5 at one decimal).
    static func roundHalfAway(_ v: Double, _ decimals: Int) -> Double {
        let clean = Double(String(format: "%.15g", v)) ?? v
        let scale = pow(10, Double(decimals))
        return (clean * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    static func group(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    // MARK: - Dates

    /// A serial day number (1900 date system: 1 is 1900-01-01, with Excel's phantom
    /// 1900-02-29) through a date format.
    static func date(_ serial: Double, _ section: String) -> String {
        guard serial >= 0, serial < 2_958_466 else { return String(repeating: "#", count: 8) }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // Day 60 is the 1900-02-29 that did not exist; days after it are one too many.
        let (y, m, d) = days == 60 ? (1900, 2, 29) : civil(fromExcel: days > 60 ? days - 1 : days)
        let hour = seconds / 3600, minute = (seconds / 60) % 60, second = seconds % 60
        var out = ""
        let chars = Array(section)
        var i = 0
        var lastWasHour = false
        let ampm = section.uppercased().contains("AM/PM")
        while i < chars.count {
            let c = chars[i]
            let lower = Character(c.lowercased())
            var run = 1
            while i + run < chars.count, Character(chars[i + run].lowercased()) == lower, "ymdhs".contains(lower) { run += 1 }
            switch lower {
            case "y":
                out += run <= 2 ? String(format: "%02d", y % 100) : String(y)
                lastWasHour = false
            case "m":
                // `m` after an hour (or before seconds) is minutes.
                let rest = String(chars[(i + run)...]).lowercased().drop { !"ymdhs".contains($0) }
                if lastWasHour || rest.hasPrefix("s") {
                    out += run == 1 ? String(minute) : String(format: "%02d", minute)
                } else {
                    out += run == 1 ? String(m) : String(format: "%02d", m)
                }
                lastWasHour = false
            case "d":
                out += run == 1 ? String(d) : String(format: "%02d", d)
                lastWasHour = false
            case "h":
                let h = ampm ? (hour % 12 == 0 ? 12 : hour % 12) : hour
                out += run == 1 ? String(h) : String(format: "%02d", h)
                lastWasHour = true
            case "s":
                out += run == 1 ? String(second) : String(format: "%02d", second)
            case "\"":
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { out.append(chars[j]); j += 1 }
                run = j - i + 1
            case "\\":
                if i + 1 < chars.count { out.append(chars[i + 1]) }
                run = 2
            case "[":
                var j = i
                while j < chars.count, chars[j] != "]" { j += 1 }
                run = j - i + 1
            case "a" where section.uppercased().dropFirst(i).hasPrefix("AM/PM"):
                out += hour < 12 ? "AM" : "PM"
                run = 5
            default:
                out.append(c)
            }
            i += run
        }
        return out
    }

    /// Year, month and day of Excel day `n` (1 = 1900-01-01), proleptic Gregorian.
    static func civil(fromExcel n: Int) -> (Int, Int, Int) {
        // Days from 1970-01-01: Excel day 25569 is 1970-01-01 (after the phantom day).
        let z = n - 25568 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    // MARK: - Sections

    /// The sections of a code, split at `;` outside quotes.
    static func split(_ code: String) -> [String] {
        var parts: [String] = [], current = "", quoted = false, escaped = false
        for c in code {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    /// A section without quoted text, escaped characters and bracketed tags, for deciding
    /// what kind of format it is.
    static func strip(_ section: String) -> String {
        var out = "", quoted = false, bracket = false, escaped = false
        for c in section {
            if escaped { escaped = false; continue }
            if c == "\\" && !quoted { escaped = true; continue }
            if c == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if c == "[" { bracket = true; continue }
            if c == "]" { bracket = false; continue }
            if !bracket { out.append(c) }
        }
        return out.replacingOccurrences(of: "General", with: "general")
    }

    // MARK: - Text as numbers

    /// A number written as text: `5300`, `-12.5`, `5,300`, `36.4%` (gives 36.4), `1e3`;
    /// nil for anything else.
    public static func parseNumber(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("%") { t.removeLast() }
        if t.range(of: #"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"#, options: .regularExpression) != nil {
            t = t.replacingOccurrences(of: ",", with: "")
        }
        guard t.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil,
              let n = Double(t), n.isFinite else { return nil }
        return n
    }

    /// What to do about text that is not a number: the digits it holds, if any.
    public static func numberHint(_ text: String) -> String {
        let digits = text.replacingOccurrences(of: #"[^0-9.\-]"#, with: "", options: .regularExpression)
        if let n = Double(digits), !digits.isEmpty {
            return "write the number alone (\(general(n))) and put the unit in the chart's `unit:`; leave the cell empty for a gap"
        }
        return "write a number, or leave the cell empty for a gap"
    }
}
