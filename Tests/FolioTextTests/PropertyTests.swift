import FolioCore
import FolioGraphics
import FolioText
import Foundation
import Testing

/// The rules hold for any text, not only the sample: generated paragraphs of Han words,
/// Latin words, numbers, marks and spaces, composed at many widths in every style.
@Suite("Rules on generated text")
struct PropertyTests {
    /// A small deterministic generator (so a failure can be reproduced).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let han = Array("宁波科技创新收获满满的一年全市工作者勇毅前行高擎火炬照亮奋进航程甬江区启动平台")
    static let latin = ["GPU", "AI", "5G", "Nature", "internationalization", "test", "ok", "PDF"]
    static let numbers = ["36.4%", "3,000", "−5", "2022—2025", "13", "1,024.5", "0.5"]
    static let closers = ["，", "。", "、", "；", "：", "！", "？", "”", "）", "》", "。”", "）。", "”，", "……", "——"]
    static let openers = ["“", "（", "《", "‘", "「"]

    /// A paragraph of `count` tokens. Latin words and numbers are kept apart by a Han
    /// character or a space, so no unbreakable run is longer than the measure.
    static func paragraph(_ g: inout Generator, tokens count: Int) -> String {
        var text = String(g.pick(han))
        var western = false
        for _ in 0..<count {
            let kind = g.next(10)
            if western && (kind == 2 || kind == 3) { text += String(g.pick(han)) }
            western = false
            switch kind {
            case 0: text += g.pick(openers) + String((0..<(1 + g.next(4))).map { _ in g.pick(han) })
            case 1: text += g.pick(closers)
            case 2: text += g.pick(latin); western = true
            case 3: text += g.pick(numbers); western = true
            case 4: text += " " + g.pick(latin) + " "
            case 5: text += String(g.pick(han)) + "·" + String(g.pick(han))
            default: text += String((0..<(1 + g.next(4))).map { _ in g.pick(han) })
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static let noStart = Set("、，。；：！？”’）》」』】〕〉·%")
    static let noEnd = Set("“‘（《「『【〔〈")

    /// For each line but the last: whether the break after it is at a space.
    static func spaceBreaks(_ text: String, _ lines: [String]) -> [Bool] {
        var rest = Substring(text)
        var result: [Bool] = []
        for line in lines {
            while rest.first == " " && !line.hasPrefix(" ") { rest = rest.dropFirst() }
            rest = rest.dropFirst(line.count)
            result.append(rest.first == " ")
        }
        return result
    }

    func isWestern(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || ".,%".contains(c)) || c == "−"
    }

    @Test("line starts and ends, unbroken words and marks, flush lines, last line, text", arguments: PunctuationStyle.allCases)
    func rules(style: PunctuationStyle) {
        var g = Generator(state: 20_240_115 &+ UInt64(style.hashValue & 0xFF))
        var f = Fixture()
        f.settings.punctuation = style
        for _ in 0..<200 {
            let text = Self.paragraph(&g, tokens: 8 + g.next(24))
            let width = Double(120 + g.next(220))
            let p = f.compose(text, width: width, indent: 20)
            let lines = p.lines.map(\.text)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text)")
            let spaced = Self.spaceBreaks(text, lines)
            for (k, line) in lines.enumerated() {
                let context = "\(style) \(width): \(lines.map { "[\($0)]" }.joined())"
                if k > 0 { #expect(!Self.noStart.contains(line.first!), "\(context)") }
                if k > 0 { #expect(!line.hasPrefix("—") && !line.hasPrefix("…"), "\(context)") }
                if k < lines.count - 1 {
                    #expect(!Self.noEnd.contains(line.last!), "\(context)")
                    let next = lines[k + 1]
                    #expect(spaced[k] || !(isWestern(line.last!) && isWestern(next.first!)), "\(context)")
                    #expect(!(line.hasSuffix("—") && next.hasPrefix("—")) && !(line.hasSuffix("…") && next.hasPrefix("…")), "\(context)")
                    // (A line of one character cannot be spread.)
                    #expect(abs(p.lines[k].right - width) < 0.1 || p.lines[k].placements.count == 1, "\(context)")
                }
            }
            if lines.count > 1 {
                #expect(p.lines.last!.placements.filter { $0.cls.isWordCharacter }.count >= 2, "\(lines)")
            }
            #expect(!p.overfull)
            for run in p.lines.flatMap(\.runs) {
                #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.text.utf8.count)
                #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
            }
        }
    }

    @Test("balanced text: every line holds two characters or more, words stay whole")
    func balanced() {
        var g = Generator(state: 7)
        let title = Fixture(style: CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: 700, size: 20)))
        for _ in 0..<200 {
            let text = Self.paragraph(&g, tokens: 3 + g.next(8))
            let width = Double(220 + g.next(300))
            let p = title.compose(text, width: width, alignment: .left, balanced: true)
            let lines = p.lines.map(\.text)
            let spaced = Self.spaceBreaks(text, lines)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            for (k, line) in lines.enumerated() where lines.count > 1 {
                #expect(p.lines[k].placements.filter { $0.cls.isWordCharacter }.count >= 2, "\(width): \(lines)")
                if k > 0 { #expect(!Self.noStart.contains(line.first!), "\(width): \(lines)") }
                if k < lines.count - 1 {
                    #expect(spaced[k] || !(isWestern(line.last!) && isWestern(lines[k + 1].first!)), "\(width): \(lines)")
                }
            }
        }
    }
}
