/// Numbers as a Chinese reader says them: 3886 → 三千八百八十六, 2.45 → 二点四五,
/// -1.2 → 负一点二, a year 2019 → 二〇一九. Alternate text that lists many values uses
/// these words when digits would outnumber its words (see `ChartAltText`).
public enum SpokenNumber {
    static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `value` read aloud, with at most `maxFractionDigits` decimals.
    public static func reading(_ value: Double, maxFractionDigits: Int = 2) -> String {
        let text = ChineseNumber.trimmed(abs(value), maxFractionDigits)
        let parts = text.split(separator: ".", maxSplits: 1)
        var result = value < 0 && text != "0" ? "负" : ""
        result += integer(UInt64(parts[0]) ?? 0)
        if parts.count == 2 {
            result += "点" + String(parts[1].compactMap { $0.wholeNumberValue.map { digits[$0] } })
        }
        return result
    }

    /// A four-digit year read digit by digit: 2019 → 二〇一九.
    public static func year(_ text: String) -> String {
        String(text.compactMap { $0.wholeNumberValue.map { $0 == 0 ? "〇" : digits[$0] } })
    }

    /// A whole number in the myriad system: 10000 → 一万, 100200 → 十万零二百.
    static func integer(_ n: UInt64) -> String {
        guard n > 0 else { return "零" }
        let groups: [(UInt64, String)] = [(100_000_000, "亿"), (10_000, "万"), (1, "")]
        var result = ""
        var rest = n
        var needZero = false
        for (scale, word) in groups where rest >= scale || !result.isEmpty {
            let group = rest / scale
            rest %= scale
            if group == 0 { needZero = !result.isEmpty; continue }
            if needZero || (!result.isEmpty && group < 1000) { result += "零" }
            result += belowTenThousand(group, leading: result.isEmpty) + word
            needZero = false
        }
        return result
    }

    /// 1–9999: 三千八百八十六, 十五 (not 一十五) at the start of a number.
    static func belowTenThousand(_ n: UInt64, leading: Bool) -> String {
        let units: [(UInt64, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var result = ""
        var zero = false
        var started = false
        for (scale, unit) in units {
            let d = Int((n / scale) % 10)
            if d == 0 {
                if started { zero = true }
                continue
            }
            if zero { result += "零"; zero = false }
            if !(d == 1 && scale == 10 && !started && leading) { result.append(digits[d]) }
            result += unit
            started = true
        }
        return result
    }
}
