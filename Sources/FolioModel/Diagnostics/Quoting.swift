/// How messages show what the user wrote: in backticks, shortened, with line breaks
/// made visible, so a huge or multi-line value never floods a terminal.
public enum Quoting {
    /// Longest excerpt of a value shown in a message, in characters.
    public static let limit = 40

    /// "`value`", cut to `limit` characters with "…" and line breaks shown as "⏎".
    public static func code(_ text: String, limit: Int = Quoting.limit) -> String {
        "`" + excerpt(text, limit: limit) + "`"
    }

    /// The text cut to `limit` characters (with "…"), line breaks shown as "⏎" and
    /// other control characters as "�".
    public static func excerpt(_ text: String, limit: Int = Quoting.limit) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar.value {
            case 0x0A: out += "⏎"
            case 0x09: out += " "
            case 0x00..<0x20, 0x7F...0x9F: out += "�"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// "`a`, `b` and `c`" (or "`a` or `b`" with `or`).
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        let quoted = items.map { code($0) }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
        }
    }
}
