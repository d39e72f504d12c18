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

    /// A message or hint as one line of bounded length, whatever it echoes: line breaks
    /// and control characters are made visible, and past `max` characters every quoted
    /// part ('…' or `…`) longer than `limit` is cut, then the whole.
    public static func oneLine(_ text: String, max: Int) -> String {
        var out = ""
        var changed = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "⏎"; changed = true
            case 0x09: out += " "; changed = true
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: out += "�"; changed = true
            default: out.unicodeScalars.append(scalar)
            }
        }
        let clean = changed ? out : text
        guard clean.count > max else { return clean }
        // A quote opens after a space or bracket and closes before one, so the
        // apostrophe of "Folio's" is left alone.
        let chars = Array(clean)
        func opens(_ i: Int) -> Bool { i == 0 || chars[i - 1] == " " || chars[i - 1] == "(" || chars[i - 1] == "[" }
        func closes(_ i: Int) -> Bool { i + 1 == chars.count || " ,.;:)]!?".contains(chars[i + 1]) }
        var shortened = ""
        var quote: Character?
        var quoted = ""
        for (i, c) in chars.enumerated() {
            if let q = quote {
                if c == q && closes(i) {
                    shortened += String(q) + excerpt(quoted, limit: limit) + String(q)
                    quote = nil
                    quoted = ""
                } else {
                    quoted.append(c)
                }
            } else if (c == "`" || c == "'") && opens(i) {
                quote = c
            } else {
                shortened.append(c)
            }
        }
        if let q = quote { shortened += String(q) + excerpt(quoted, limit: limit) }
        return shortened.count > max ? String(shortened.prefix(max)) + "…" : shortened
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
