/// Deterministic mutations of a YAML file: the mistakes an editor makes (deleted keys,
/// values of the wrong type, bad indentation, pasted control characters, wrong
/// encodings) and the inputs an attacker writes (huge values, deep nesting, aliases).
public enum Mutator {
    /// Applies one to three mutations; returns the bytes and a description of each step.
    public static func mutate(_ input: [UInt8], rng: inout SeededRandom) -> (bytes: [UInt8], steps: [String]) {
        var bytes = input
        var steps: [String] = []
        let count = rng.chance(0.6) ? 1 : rng.int(2...3)
        for _ in 0..<count {
            let total = operators.reduce(0) { $0 + $1.weight }
            var roll = rng.int(0..<total)
            for op in operators {
                if roll < op.weight {
                    steps.append(op.name + ": " + op.apply(&bytes, &rng))
                    break
                }
                roll -= op.weight
            }
        }
        return (bytes, steps)
    }

    struct Operator: Sendable {
        var name: String
        var weight: Int
        var apply: @Sendable (inout [UInt8], inout SeededRandom) -> String
    }

    static let operators: [Operator] = [
        Operator(name: "delete-line", weight: 8, apply: deleteLine),
        Operator(name: "delete-key", weight: 12, apply: deleteKey),
        Operator(name: "replace-value", weight: 20, apply: replaceValue),
        Operator(name: "wrap-value", weight: 6, apply: wrapValue),
        Operator(name: "truncate", weight: 5, apply: truncate),
        Operator(name: "random-bytes", weight: 6, apply: randomBytes),
        Operator(name: "flip-bits", weight: 4, apply: flipBits),
        Operator(name: "huge-value", weight: 6, apply: hugeValue),
        Operator(name: "duplicate-line", weight: 5, apply: duplicateLine),
        Operator(name: "repeat-event", weight: 3, apply: repeatEvent),
        Operator(name: "indent", weight: 6, apply: indent),
        Operator(name: "special-character", weight: 8, apply: specialCharacter),
        Operator(name: "yaml-trick", weight: 7, apply: yamlTrick),
        Operator(name: "swap-lines", weight: 3, apply: swapLines),
        Operator(name: "change-id", weight: 4, apply: changeID),
        Operator(name: "image", weight: 4, apply: image),
        Operator(name: "number", weight: 5, apply: number),
        Operator(name: "encoding", weight: 2, apply: encoding),
        Operator(name: "add-key", weight: 8, apply: addKey),
    ]

    // MARK: - Lines

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A]))
    }

    static func text(_ line: [UInt8]) -> String { String(decoding: line, as: UTF8.self) }

    /// Indices of lines that hold `key:` (optionally after '- ').
    static func keyLines(_ lines: [[UInt8]]) -> [Int] {
        lines.indices.filter { keyRange(lines[$0]) != nil }
    }

    /// The byte range of the key of a `key: value` line, and where its value starts.
    static func keyRange(_ line: [UInt8]) -> (key: Range<Int>, value: Int)? {
        var i = 0
        while i < line.count, line[i] == 0x20 { i += 1 }
        if i + 1 < line.count, line[i] == 0x2D, line[i + 1] == 0x20 { i += 2 }
        let start = i
        while i < line.count, (0x61...0x7A).contains(line[i]) || line[i] == 0x2D || (0x41...0x5A).contains(line[i]) { i += 1 }
        guard i > start, i < line.count, line[i] == 0x3A else { return nil }
        let colon = i
        i += 1
        guard i == line.count || line[i] == 0x20 else { return nil }
        while i < line.count, line[i] == 0x20 { i += 1 }
        return (start..<colon, i)
    }

    static func indentation(_ line: [UInt8]) -> Int { line.prefix { $0 == 0x20 }.count }

    // MARK: - Operators

    static func deleteLine(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard !ls.isEmpty else { return "nothing" }
        let i = r.int(0..<ls.count)
        ls.remove(at: i)
        b = join(ls)
        return "line \(i + 1)"
    }

    static func deleteKey(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let keys = keyLines(ls)
        guard !keys.isEmpty else { return deleteLine(&b, &r) }
        let i = r.pick(keys)
        let indent = indentation(ls[i]) + (ls[i].dropFirst(indentation(ls[i])).starts(with: [0x2D, 0x20]) ? 2 : 0)
        var end = i + 1
        while end < ls.count, ls[end].allSatisfy({ $0 == 0x20 }) || indentation(ls[end]) > indent { end += 1 }
        let name = text(Array(ls[i][keyRange(ls[i])!.key]))
        if ls[i].dropFirst(indentation(ls[i])).starts(with: [0x2D, 0x20]), end < ls.count, indentation(ls[end]) == indent {
            // Keep the list item: move '- ' to the next key of the same mapping.
            ls[end].replaceSubrange(indentation(ls[end]) - 2..<indentation(ls[end]), with: [0x2D, 0x20])
        }
        ls.removeSubrange(i..<end)
        b = join(ls)
        return "`\(name)` at line \(i + 1) (\(end - i) lines)"
    }

    static let values: [String] = [
        "", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "0", "-1", "12345678901234567890", "1e400", ".nan", ".inf",
        "true", "no", "\"\"", "''", "\"2022-13-45\"", "2022-02-30", "2022/10/01", "二〇二二年", "*undefined", "&a x",
        "!!binary aGVsbG8=", "!!int x", "!custom value", "|", ">-", "\"unterminated", "'unterminated", "a: b",
        "[unclosed", "{unclosed", "- item", "\"tab\there\"", "0mm", "-5mm", "1e9pt", "999%", "rest", "2em", "abc",
        "[0, 0, 0, 0]", "[1mm]", "[10mm, 10mm, -5mm, 1e6mm]", "\"#ZZZZZZ\"", "\"#0B3D91\"", "square", "brochure", "none",
        "yongjiang-zone", "hitech-total", "UPPER", "has space", "中文", "\"\\u0000\"", "\"\\x7f\"", "@at", "`tick`",
        "%percent", "&anchor", "*alias", "? q", "! tag", "0x1F", "0o17", "1_000", "+1", "-0", "1.5", "2022", "2022-10",
    ]

    static func replaceValue(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let keys = keyLines(ls)
        guard !keys.isEmpty else { return deleteLine(&b, &r) }
        let i = r.pick(keys)
        let (_, start) = keyRange(ls[i])!
        var value: [UInt8]
        if r.chance(0.2) {
            // The value of another key line.
            let j = r.pick(keys)
            value = Array(ls[j][keyRange(ls[j])!.value...])
        } else {
            value = Array(r.pick(values).utf8)
        }
        ls[i].replaceSubrange(start..., with: value)
        b = join(ls)
        return "line \(i + 1) value → \(text(value))"
    }

    static func wrapValue(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let keys = keyLines(ls).filter { keyRange(ls[$0])!.value < ls[$0].count }
        guard !keys.isEmpty else { return replaceValue(&b, &r) }
        let i = r.pick(keys)
        let (_, start) = keyRange(ls[i])!
        let value = Array(ls[i][start...])
        let pad = [UInt8](repeating: 0x20, count: indentation(ls[i]) + 2 + r.int(0...2))
        ls[i].removeSubrange(start...)
        let asList = r.chance(0.5)
        ls.insert(pad + (asList ? Array("- ".utf8) : Array("inner: ".utf8)) + value, at: i + 1)
        b = join(ls)
        return "line \(i + 1) value into a \(asList ? "list" : "mapping")"
    }

    /// Keys of reports, charts and layouts, so that keys the base files do not use get values too.
    static let keys: [String] = [
        "limit", "index", "columns", "leading", "size", "tracking", "span", "weight", "opacity", "radius", "min-size",
        "pad-to", "baseline", "gutter", "min-last-line", "autospace", "stacked", "invert", "highlight", "target",
        "orientation", "height", "width", "space-before", "space-after", "indent", "bleed", "stroke-width", "fit",
        "focus", "anchor", "origin", "box", "when", "optional", "shrink", "keep-with-next", "continuation", "master",
        "based-on", "align", "grid", "balanced", "valign", "separator", "source", "field", "role", "link",
        "date", "image", "cover", "charts", "figures", "unit", "note", "derived", "categories", "series", "kind",
        "cards", "layout", "intro", "subtitle", "source", "edition", "published", "id", "title", "summary", "body",
    ]
    static let numbers: [String] = ["-1", "-5", "0", "1", "7", "1e308", "-1e308", "99999999999999999999", "2.5", "-0.5", "100000"]

    static func addKey(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard !ls.isEmpty else { return "nothing" }
        let key = r.pick(keys)
        let value = r.chance(0.5) ? r.pick(numbers) : r.pick(values)
        let flow = ls.indices.filter { ls[$0].contains(0x7B) } // lines with '{'
        if !flow.isEmpty && r.chance(0.5) {
            let i = r.pick(flow)
            let at = ls[i].firstIndex(of: 0x7B)! + 1
            ls[i].insert(contentsOf: Array("\(key): \(value), ".utf8), at: at)
            b = join(ls)
            return "\(key): \(value) in the mapping at line \(i + 1)"
        }
        let keyed = keyLines(ls)
        guard !keyed.isEmpty else { return "nothing" }
        let i = r.pick(keyed)
        let start = keyRange(ls[i])!.key.lowerBound
        ls.insert([UInt8](repeating: 0x20, count: start) + Array("\(key): \(value)".utf8), at: i + 1)
        b = join(ls)
        return "\(key): \(value) after line \(i + 1)"
    }

    static func truncate(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        guard !b.isEmpty else { return "nothing" }
        let n = r.int(0..<b.count)
        b.removeSubrange(n...)
        return "at byte \(n)"
    }

    static func randomBytes(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        let n = r.int(1...16)
        let insert = r.chance(0.5)
        let at = b.isEmpty ? 0 : r.int(0..<b.count)
        let junk = (0..<n).map { _ in UInt8(truncatingIfNeeded: r.next()) }
        if insert || b.isEmpty {
            b.insert(contentsOf: junk, at: at)
        } else {
            b.replaceSubrange(at..<min(b.count, at + n), with: junk)
        }
        return "\(n) bytes \(insert ? "inserted" : "overwritten") at \(at)"
    }

    static func flipBits(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        guard !b.isEmpty else { return "nothing" }
        let n = r.int(1...4)
        for _ in 0..<n { b[r.int(0..<b.count)] ^= UInt8(1 << r.int(0...7)) }
        return "\(n) bits"
    }

    static func hugeValue(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let keys = keyLines(ls)
        guard !keys.isEmpty else { return "nothing" }
        let i = r.pick(keys)
        let (_, start) = keyRange(ls[i])!
        let kind = r.int(0...6)
        let value: String
        switch kind {
        case 0: value = String(repeating: "创新", count: r.pick([600, 12_000]))
        case 1: value = String(repeating: "x", count: r.pick([1_500, 100_000]))
        case 2: value = String(repeating: "9", count: r.int(20...400))
        case 3: value = String(repeating: "[", count: r.pick([100, 999, 1_001, 5_000])) + "x"
        case 4: value = "[" + Array(repeating: "1", count: r.pick([1_000, 20_000])).joined(separator: ", ") + "]"
        case 5: value = "\"" + String(repeating: "创新 GPU 5G 36.4%，", count: r.pick([100, 3_000])) + "\""
        default: value = String(repeating: "- ", count: r.pick([50, 1_200])) + "x"
        }
        ls[i].replaceSubrange(start..., with: Array(value.utf8))
        b = join(ls)
        return "line \(i + 1) kind \(kind), \(value.utf8.count) bytes"
    }

    static func duplicateLine(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard !ls.isEmpty else { return "nothing" }
        let i = r.int(0..<ls.count)
        ls.insert(ls[i], at: i + 1)
        b = join(ls)
        return "line \(i + 1)"
    }

    static func repeatEvent(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard let first = ls.firstIndex(where: { text($0).hasPrefix("  - id:") }) else { return duplicateLine(&b, &r) }
        var end = first + 1
        while end < ls.count, !text(ls[end]).hasPrefix("  - id:"), ls[end].first == 0x20 || ls[end].isEmpty { end += 1 }
        let block = Array(ls[first..<end])
        let times = r.pick([1, 5, 60])
        let rename = r.chance(0.7)
        var copies: [[UInt8]] = []
        for n in 0..<times {
            for (k, line) in block.enumerated() {
                copies.append(k == 0 && rename ? Array("  - id: copy-\(n)".utf8) : line)
            }
        }
        ls.insert(contentsOf: copies, at: end)
        b = join(ls)
        return "\(times) copies of the event at line \(first + 1)\(rename ? " (renamed)" : "")"
    }

    static func indent(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard !ls.isEmpty else { return "nothing" }
        let i = r.int(0..<ls.count)
        switch r.int(0...2) {
        case 0: ls[i].insert(contentsOf: [UInt8](repeating: 0x20, count: r.int(1...3)), at: 0)
        case 1: ls[i].removeFirst(min(indentation(ls[i]), r.int(1...3)))
        default: ls[i].insert(0x09, at: 0)
        }
        b = join(ls)
        return "line \(i + 1)"
    }

    static let specials: [String] = [
        "\u{FEFF}", "\r", "\u{0}", "\u{2028}", "\u{85}", "\u{1B}", "\u{7}", "\u{7F}", "\u{200B}", "😀", "𠀋", "𰻞", "\u{E000}",
        "\u{0301}", "\u{202E}", "\t", "ｆｕｌｌ", "\u{FFFD}", "\u{10FFFF}", "\u{FFFF}", "\u{1F468}\u{200D}\u{1F469}",
    ]

    static func specialCharacter(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        switch r.int(0...9) {
        case 0:
            b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            return "byte-order mark"
        case 1:
            var out: [UInt8] = []
            for byte in b {
                if byte == 0x0A { out.append(0x0D) }
                out.append(byte)
            }
            b = out
            return "CRLF line ends"
        case 2:
            b = b.map { $0 == 0x0A ? 0x0D : $0 }
            return "CR line ends"
        default:
            let s = r.pick(specials)
            let ls = lines(b)
            guard !ls.isEmpty else { b = Array(s.utf8); return "only \(s.unicodeScalars.map { String($0.value, radix: 16) })" }
            let i = r.int(0..<ls.count)
            // Insert at a character boundary of the line.
            let line = text(ls[i])
            let chars = Array(line)
            let at = chars.isEmpty ? 0 : r.int(0...chars.count)
            var changed = chars
            changed.insert(contentsOf: Array(s), at: at)
            var all = ls
            all[i] = Array(String(changed).utf8)
            b = join(all)
            return "U+\(s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "+")) in line \(i + 1)"
        }
    }

    static let tricks: [String] = [
        "---", "...", "%YAML 1.1", "%TAG ! tag:x,2000:", "? complex", "[a, b]: c", "*undefined", "&a", "x: &a [1, 2]",
        "y: *a", "<<: *a", "!!binary aGk=", "key: 'unterminated", "key: \"unterminated", "a: b: c", "- - - - x",
        "{", "}", "]", "[", ": no key", "key:value", "title: first\ntitle: second", "- ", "-", "#", "|", ">",
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f]",
        "z: [*g, *g]", "*g : x", "[*g, *g]: x", "{*g: 1}", "? *g\n: 1", "intro: *g", "events: *g",
        "!!python/object/apply:os.system [\"true\"]", "key: !!float nope", "key: !!timestamp nope",
    ]

    static func yamlTrick(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let i = ls.isEmpty ? 0 : r.int(0...ls.count)
        let trick = r.pick(tricks)
        var lines = trick.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        if r.chance(0.4), i > 0, i <= ls.count {
            let pad = [UInt8](repeating: 0x20, count: indentation(ls[i - 1]))
            lines = lines.map { pad + $0 }
        }
        ls.insert(contentsOf: lines, at: i)
        b = join(ls)
        return "\(trick.prefix(30)) at line \(i + 1)"
    }

    static func swapLines(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        guard ls.count > 1 else { return "nothing" }
        let i = r.int(0..<ls.count), j = r.int(0..<ls.count)
        ls.swapAt(i, j)
        b = join(ls)
        return "lines \(i + 1) and \(j + 1)"
    }

    static func changeID(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let ids = ls.indices.filter { text(ls[$0]).contains("id: ") }
        guard !ids.isEmpty else { return replaceValue(&b, &r) }
        let i = r.pick(ids)
        let other = r.pick(ids)
        let (_, start) = keyRange(ls[i]) ?? (0..<0, ls[i].count)
        let choices = [Array(ls[other][(keyRange(ls[other])?.value ?? 0)...]), Array("UPPER".utf8), Array("中文".utf8),
                       Array("\"\"".utf8), Array("a b".utf8), Array("-".utf8), Array("a/../b".utf8)]
        ls[i].replaceSubrange(start..., with: r.pick(choices))
        b = join(ls)
        return "line \(i + 1)"
    }

    /// Paths the fuzz report folder makes interesting (see `FuzzWorld`).
    static let imagePaths: [String] = [
        "images/ok.png", "images/bad.jpg", "images/huge.png", "images/folder", "images/outside.png", "images/loop.png",
        "images/empty.png", "images/text.png", "../x.jpg", "/etc/passwd", "~/x.jpg", "\"\"", ".", "report.yaml",
        "images\\\\ok.png", "images/none.png", "IMAGES/OK.PNG", "images/ok.png/..", "./images/ok.png",
        "{path: images/ok.png, fit: contain, focus: [0, 1]}", "{path: images/ok.png, fit: stretch}",
        "{path: images/ok.png, focus: [2, -1]}", "{path: images/ok.png, focus: 0.5}", "{fit: cover}",
        "{path: images/ok.png, caption: 图注, credit: 摄影}", "[images/ok.png]",
    ]

    static func image(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        var ls = lines(b)
        let path = r.pick(imagePaths)
        if r.chance(0.3) || !ls.contains(where: { text($0).hasPrefix("  - id:") }) {
            ls.insert(Array("cover: \(path)".utf8), at: 0)
            b = join(ls)
            return "cover \(path)"
        }
        let events = ls.indices.filter { text(ls[$0]).hasPrefix("  - id:") }
        let i = r.pick(events)
        ls.insert(Array("    image: \(path)".utf8), at: i + 1)
        b = join(ls)
        return "image \(path) in the event at line \(i + 1)"
    }

    static func number(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        let digits = b.indices.filter { (0x30...0x39).contains(b[$0]) }
        guard !digits.isEmpty else { return "nothing" }
        let at = r.pick(digits)
        var end = at
        while end < b.count, (0x30...0x39).contains(b[end]) || b[end] == 0x2E { end += 1 }
        let replacement = r.pick(["0", "-1", "99999999999999999999", "1e308", "-1e308", "-0.0", "NaN", "3.14159", "007", "1_0", "-500"])
        b.replaceSubrange(at..<end, with: Array(replacement.utf8))
        return "at byte \(at) → \(replacement)"
    }

    static func encoding(_ b: inout [UInt8], _ r: inout SeededRandom) -> String {
        let text = String(decoding: b, as: UTF8.self)
        switch r.int(0...3) {
        case 0:
            b = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            return "UTF-16LE with BOM"
        case 1:
            b = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            return "UTF-16LE without BOM"
        case 2:
            // Latin-1 bytes of each scalar below 256, '?' otherwise: invalid UTF-8 where it matters.
            b = text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0xB1 }
            return "8-bit bytes"
        default:
            b = []
            return "empty file"
        }
    }
}
