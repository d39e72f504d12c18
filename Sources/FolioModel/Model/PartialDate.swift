/// A date given to year, month or day precision: `2022`, `2022-12`, `2022-12-29`.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not such a date or
    /// names a day that does not exist.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]), y >= 1000 else { return nil }
        year = y
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= PartialDate.days(in: month!, of: y) else { return nil }
            day = d
        }
    }

    /// Why `text` is not a date, in words ("month 13 does not exist"), or nil when it is one.
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }) else {
            return "it is not written YYYY, YYYY-MM or YYYY-MM-DD"
        }
        let y = Int(parts[0])!
        if y < 1000 { return "year \(y) is too early" }
        if parts.count >= 2 {
            let m = Int(parts[1])!
            if !(1...12).contains(m) { return "month \(m) does not exist" }
            if parts.count == 3 {
                let d = Int(parts[2])!
                let days = PartialDate.days(in: m, of: y)
                if d < 1 || d > days { return "\(y)-\(parts[1]) has only \(days) days" }
            }
        }
        return nil
    }

    /// Whether year, month and day are all given.
    public var isComplete: Bool { month != nil && day != nil }

    /// `2022-12-29`, `2022-12` or `2022`.
    public var description: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// `2022年12月29日`, `2022年12月` or `2022年`.
    public var chinese: String {
        var s = "\(year)年"
        if let month { s += "\(month)月" }
        if let day { s += "\(day)日" }
        return s
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
