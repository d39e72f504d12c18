/// "Did you mean …?" suggestions by edit distance.
public enum Suggestions {
    /// The candidate closest to `word` if it is close enough to be a likely typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let limit = self.limit(word, candidate)
            // Lengths further apart than the limit cannot be within it: skip the table.
            guard abs(word.count - candidate.count) <= limit else { continue }
            let d = distance(lower, candidate.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// "did you mean `figures`?" when a candidate is close, else nil.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean \(Quoting.code($0))?" }
    }

    /// Edits allowed between a word and a candidate: about one in three characters, 1 to 3.
    static func limit(_ word: String, _ candidate: String) -> Int {
        max(1, min(3, (max(word.count, candidate.count) + 1) / 3))
    }

    /// Levenshtein distance with transpositions (Damerau, optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
