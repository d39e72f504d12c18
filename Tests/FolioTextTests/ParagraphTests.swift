import FolioCore
import FolioText
import Testing

/// Paragraph rules: first-line indent, the last line's minimum, total-fit breaking.
@Suite("Paragraphs")
struct ParagraphTests {
    let f = Fixture()

    @Test("the first line is indented (2 em, or 1 em, as the layout says) and its measure shrinks by the indent",
          arguments: [20.0, 10.0])
    func indent(indent: Double) {
        let p = f.compose("宁波科技创新收获满满的一年，宁波科技创新收获满满的一年。", width: 100, indent: indent)
        #expect(p.lines[0].left == indent && p.lines[0].measure == 100 - indent)
        #expect(p.lines[0].placements.count == Int((100 - indent) / 10))
        #expect(p.lines.dropFirst().allSatisfy { $0.left == 0 && $0.measure == 100 })
        #expect(p.lines.dropLast().allSatisfy { abs($0.right - 100) < 0.1 })
    }

    @Test("the last line holds at least two characters (punctuation does not count)")
    func lastLineTwoCharacters() {
        // Ten characters fill a line: 甲。 alone would be one character.
        #expect(f.lines("一二三四五六七八九十甲。", width: 100) == ["一二三四五六七八九", "十甲。"])
        #expect(f.lines("一二三四五六七八九十甲乙。", width: 100) == ["一二三四五六七八九十", "甲乙。"])
        #expect(f.lines("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子。", width: 100)
                == ["一二三四五六七八九十", "甲乙丙丁戊己庚辛壬", "癸子。"])
        // A Latin word counts its letters.
        #expect(f.lines("一二三四五六七八九十GPU", width: 100) == ["一二三四五六七八九十", "GPU"])
    }

    @Test("the minimum is the layout's: three characters")
    func lastLineThree() {
        var g = f
        g.settings.minLastLineCharacters = 3
        #expect(g.lines("一二三四五六七八九十甲乙。", width: 100) == ["一二三四五六七八九", "十甲乙。"])
    }

    @Test("a one-line paragraph of one character is allowed")
    func singleCharacter() {
        #expect(f.lines("好。", width: 100) == ["好。"])
    }

    @Test("total fit: a break that would force a loose line later is avoided by choosing earlier")
    func totalFit() {
        // Greedy fill would end the first line at 我 and stretch it by 2.2 em; total fit
        // keeps every gap of every full line under a tenth of an em.
        let p = f.compose("他说：“我们要打好‘组合拳’。”（见《宁波日报》）。随后，会议通过了《关于推进科技创新的若干意见》。",
                          width: 137, indent: 20)
        #expect(p.lines.map(\.text) == ["他说：“我们要打好‘组合", "拳’。”（见《宁波日报》）。随后，",
                                        "会议通过了《关于推进科技创", "新的若干意见》。"])
        for line in p.lines.dropLast() {
            #expect((0..<(line.placements.count - 1)).allSatisfy { line.gap(after: $0) < 1 }, "\(line.text)")
        }
    }

    @Test("alignment: left, centre and right place a line without stretching it",
          arguments: [(Alignment.left, 0.0), (.center, 35.0), (.right, 70.0)])
    func alignment(alignment: Alignment, left: Double) {
        let p = f.compose("宁波科技", width: 110, alignment: alignment)
        #expect(p.lines[0].left == left && p.lines[0].right == left + 40)
    }

    @Test("empty and space-only paragraphs give no lines")
    func empty() {
        #expect(f.compose("", width: 100).lines.isEmpty)
        #expect(f.compose("   ", width: 100).lines.isEmpty)
    }
}
