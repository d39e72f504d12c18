import Foundation

/// Chinese number formatting (CLDR zh short decimals): 10000 → 1万, 260000 → 26万,
/// 1e8 → 1亿; smaller numbers as they are, optionally with thousands separators.
public enum ChineseNumber {
    /// Formats `value` for a label. Numbers of 10,000 and more use 万 or 亿 with up to
    /// `digits` significant decimals; smaller ones are written out.
    public static func format(_ value: Double, thousands: Bool = false, maxFractionDigits: Int = 1) -> String {
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        if v >= 1e8 { return sign + trimmed(v / 1e8, maxFractionDigits + 1) + "亿" }
        if v >= 1e4 { return sign + trimmed(v / 1e4, maxFractionDigits + 1) + "万" }
        let text = trimmed(v, maxFractionDigits)
        guard thousands, v >= 1000 else { return sign + text }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        return sign + grouped + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// `value` with at most `digits` decimals, trailing zeros removed.
    static func trimmed(_ value: Double, _ digits: Int) -> String {
        var s = String(format: "%.\(max(0, digits))f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
