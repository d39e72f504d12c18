import Foundation

/// Chinese number formatting (CLDR zh short decimals): 10000 → 1万, 260000 → 26万,
/// 1e8 → 1亿, 1e12 → 1万亿; smaller numbers as they are, optionally grouped by thousands.
public enum ChineseNumber {
    /// A number split for typesetting: "26" and "万" are set in different sizes on a KPI.
    public struct Parts: Hashable, Sendable {
        /// Sign and digits ("-12.5", "5,300").
        public var number: String
        /// The magnitude word ("万", "亿", "万亿") or "".
        public var magnitude: String

        public var text: String { number + magnitude }
    }

    /// Formats `value` for a label. Numbers of 10,000 and more use 万 or 亿 with up to
    /// `maxFractionDigits + 1` decimals; smaller ones are written out with up to
    /// `maxFractionDigits` decimals, grouped by thousands when `thousands` is set.
    public static func format(_ value: Double, thousands: Bool = false, maxFractionDigits: Int = 1) -> String {
        parts(value, grouping: thousands ? "," : nil, maxFractionDigits: maxFractionDigits).text
    }

    /// Formats `value` with `grouping` (e.g. ",") between thousands when it is written out.
    public static func format(_ value: Double, grouping: String?, maxFractionDigits: Int = 1) -> String {
        parts(value, grouping: grouping, maxFractionDigits: maxFractionDigits).text
    }

    /// The digits and the magnitude word of `value`, separately.
    public static func parts(_ value: Double, grouping: String? = nil, maxFractionDigits: Int = 1) -> Parts {
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        let magnitudes: [(scale: Double, word: String)] = [(1e4, "万"), (1e8, "亿"), (1e12, "万亿")]
        var index = magnitudes.lastIndex { v >= $0.scale }
        if index == nil {
            let text = trimmed(v, maxFractionDigits)
            guard Double(text) ?? 0 >= 1e4 else {
                return Parts(number: (text == "0" ? "" : sign) + group(text, grouping), magnitude: "")
            }
            index = 0 // 9999.96 rounds to 10000: 1万
        }
        var i = index ?? 0
        var text = trimmed(v / magnitudes[i].scale, maxFractionDigits + 1)
        if Double(text) ?? 0 >= 1e4, i + 1 < magnitudes.count {
            // 99,999,999 rounds to 10000万: write it as 1亿.
            i += 1
            text = trimmed(v / magnitudes[i].scale, maxFractionDigits + 1)
        }
        return Parts(number: sign + text, magnitude: magnitudes[i].word)
    }

    /// A percentage with at most `digits` decimals ("36.4%").
    public static func percent(_ value: Double, digits: Int = 1) -> String {
        trimmed(value, digits) + "%"
    }

    /// `value` with at most `digits` decimals, trailing zeros removed.
    public static func trimmed(_ value: Double, _ digits: Int) -> String {
        var s = String(format: "%.\(max(0, digits))f", value)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// Digits of the integer part grouped by three with `separator` (numbers of four or
    /// more digits only).
    static func group(_ text: String, _ separator: String?) -> String {
        guard let separator, !separator.isEmpty else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        guard integer.count > 3 else { return text }
        var grouped = ""
        while integer.count > 3 {
            grouped = separator + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        return grouped + (parts.count == 2 ? "." + parts[1] : "")
    }
}

/// How a value axis writes its ticks: one magnitude for every tick, named once in the
/// unit ("单位：万吨"), so an axis never mixes "8000" and "1万".
public struct AxisNumberFormat: Hashable, Sendable {
    /// What every tick is divided by (1, 1e4 or 1e8).
    public var divisor: Double
    /// The magnitude word put before the unit ("万", "亿" or "").
    public var magnitude: String
    public var grouping: String?

    /// The format for ticks up to `maxAbs`: plain below 100,000, then 万, from 1e9 亿.
    public init(maxAbs: Double, grouping: String? = nil) {
        if maxAbs >= 1e9 {
            divisor = 1e8; magnitude = "亿"
        } else if maxAbs >= 1e5 {
            divisor = 1e4; magnitude = "万"
        } else {
            divisor = 1; magnitude = ""
        }
        self.grouping = grouping
    }

    /// A data value in the axis's magnitude: "5300" (grouped when asked) on a plain axis,
    /// "26" on an axis in 万, with up to two decimals.
    public func value(_ value: Double) -> String {
        if divisor == 1 {
            let sign = value < 0 ? "-" : ""
            let text = ChineseNumber.trimmed(abs(value), 1)
            return (text == "0" ? "" : sign) + ChineseNumber.group(text, grouping)
        }
        return ChineseNumber.trimmed(value / divisor, 2)
    }

    /// A tick label: the value divided by the divisor, with as many decimals as the step needs.
    public func label(_ value: Double, step: Double) -> String {
        // As many decimals as the step has (0.25 needs two), at most six.
        let scaledStep = abs(step / divisor)
        var decimals = 0
        while decimals < 6 && abs(scaledStep * pow(10, Double(decimals)) - (scaledStep * pow(10, Double(decimals))).rounded()) > 1e-6 {
            decimals += 1
        }
        let text = ChineseNumber.trimmed(value / divisor, decimals)
        return ChineseNumber.group(text, grouping)
    }
}
