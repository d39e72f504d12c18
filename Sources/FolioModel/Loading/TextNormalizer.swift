/// Cleans running text from the data without changing what the author wrote.
public enum TextNormalizer {
    /// Joins the lines of a multi-line paragraph (no space where a line break falls
    /// next to a Chinese character, one space between Western words), turns tabs into
    /// spaces, collapses runs of spaces and trims the ends.
    public static func normalize(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == " " }) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var out = ""
        for line in lines {
            if let last = out.last, let first = line.first {
                if !(isWide(last) || isWide(first)) { out.append(" ") }
            }
            out += line
        }
        var collapsed = ""
        var previousSpace = false
        for ch in out {
            let space = ch == " " || ch == "\t"
            if space && previousSpace { continue }
            collapsed.append(space ? " " : ch)
            previousSpace = space
        }
        return collapsed.trimmingCharacters(in: .whitespaces)
    }

    /// Whether the character belongs to the CJK (wide) repertoire: Han, kana, Hangul,
    /// CJK punctuation and full-width forms.
    public static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return DiagnosticRenderer.isWide(s) || (0x2018...0x201D).contains(s.value) || s.value == 0x2014 || s.value == 0x2026
    }
}
