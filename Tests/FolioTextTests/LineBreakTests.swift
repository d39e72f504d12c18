import FolioText
import Testing

/// clreq line breaking: line-start and line-end prohibitions, marks that never split,
/// numbers and Latin words kept whole, basic and strict levels.
@Suite("Line breaking")
struct LineBreakTests {
    let f = Fixture()

    /// Closing marks and stops: in "一二三四五M六七八九十" at 5.5 em the mark would start the
    /// second line; it stays on the first, set half width so the line is flush.
    @Test("a closing mark or stop never starts a line: it ends the line before, half width",
          arguments: ["、", "，", "。", "；", "：", "！", "？", "”", "’", "）", "》", "」", "』", "】", "〕", "〉"])
    func closingMarkAtLineEnd(mark: String) {
        let p = f.compose("一二三四五\(mark)六七八九十", width: 55)
        #expect(p.lines.map(\.text) == ["一二三四五\(mark)", "六七八九十"])
        let end = p.lines[0].placements.last!
        #expect(end.text == mark && end.advance == 5)
        #expect(abs(p.lines[0].right - 55) < 0.1)
    }

    @Test("an opening mark never ends a line: it goes down with its character",
          arguments: ["“", "‘", "（", "《", "「", "『", "【", "〔", "〈"])
    func openingMarkAtLineStart(mark: String) {
        let p = f.compose("一二三四五\(mark)六七八九十", width: 60)
        #expect(p.lines.map(\.text) == ["一二三四五", "\(mark)六七八九十"])
        #expect(abs(p.lines[0].right - 60) < 0.1)
    }

    @Test("a mark at every position of a sentence: no line starts with a closing mark or ends with an opening one")
    func marksEverywhere() {
        let text = "一、二，三。四；五：六！七？八“九”十‘甲’乙（丙）丁《戊》己「庚」辛『壬』癸【子】丑〔寅〕卯〈辰〉巳。"
        let noStart = Set("、，。；：！？”’）》」』】〕〉")
        let noEnd = Set("“‘（《「『【〔〈")
        for width in stride(from: 40.0, through: 200, by: 5) {
            let lines = f.lines(text, width: width)
            #expect(lines.joined() == text)
            for line in lines {
                #expect(!noStart.contains(line.first!), "width \(width): \(lines)")
                #expect(!noEnd.contains(line.last!), "width \(width): \(lines)")
            }
        }
    }

    @Test("runs of marks stay together and the run never starts a line")
    func markRuns() {
        // 。” and ）。 and ”、“ at the point where the line is full.
        #expect(f.lines("一二三四五。”六七八九十", width: 60) == ["一二三四五。”", "六七八九十"])
        #expect(f.lines("一二三四五）。六七八九十", width: 60) == ["一二三四五）。", "六七八九十"])
        #expect(f.lines("一二三四五”、“六七八九十", width: 60) == ["一二三四五”、", "“六七八九十"])
        #expect(f.lines("一二三四五”（六七八九十", width: 60) == ["一二三四五”", "（六七八九十"])
    }

    @Test("—— and …… never split, and in strict mode never start a line")
    func dashAndEllipsisStrict() {
        // Breaking before —— would start a line with it; breaking inside would split it.
        let dash = f.lines("一二三四五六七八九十甲——乙丙丁戊己庚辛", width: 110)
        #expect(dash == ["一二三四五六七八九十", "甲——乙丙丁戊己庚辛"])
        let ellipsis = f.lines("一二三四五六七八九十甲……乙丙丁戊己庚辛", width: 110)
        #expect(ellipsis == ["一二三四五六七八九十", "甲……乙丙丁戊己庚辛"])
        for width in stride(from: 30.0, through: 120, by: 5) {
            for line in f.lines("一二三四五六七八九十——甲乙丙……丁戊己", width: width) {
                #expect(!line.hasPrefix("—") && !line.hasPrefix("…"))
                #expect(!line.hasSuffix("—") || line.hasSuffix("——"))
                #expect(!line.hasSuffix("…") || line.hasSuffix("……"))
            }
        }
    }

    @Test("basic level lets —— and …… start a line but still never splits them")
    func dashAndEllipsisBasic() {
        var basic = f
        basic.settings.linebreak = .basic
        #expect(basic.lines("一二三四五六七八九十甲——乙丙丁戊己庚辛", width: 110) == ["一二三四五六七八九十甲", "——乙丙丁戊己庚辛"])
        #expect(basic.lines("一二三四五六七八九十甲……乙丙丁戊己庚辛", width: 110) == ["一二三四五六七八九十甲", "……乙丙丁戊己庚辛"])
        #expect(basic.lines("一二三四五六七八九十甲乙——丙丁戊己庚辛", width: 110) == ["一二三四五六七八九十甲", "乙——丙丁戊己庚辛"])
    }

    @Test("a middle dot never starts or ends a line, at either level")
    func middleDot() {
        for level in LineBreakLevel.allCases {
            var g = f
            g.settings.linebreak = level
            // The dot would start the second line; then it would end the first (8.5 em).
            #expect(g.lines("一二三四五六七八九马·韦伯", width: 100) == ["一二三四五六七八九", "马·韦伯"])
            #expect(g.lines("一二三四五六七马·韦伯", width: 85) == ["一二三四五六七", "马·韦伯"])
        }
    }

    @Test("numbers stay whole with sign, decimal point, thousands separator and percent",
          arguments: ["36.4%", "3,000", "−5", "2022—2025", "10～20", "1,024.5‰"])
    func numbersStayWhole(number: String) {
        let text = "一二三四五六七八九十\(number)万元的增长"
        // Any measure the number fits in (with the quarter-em spaces around it).
        for width in stride(from: (f.width("一\(number)万") - 15).rounded(.up), through: 200, by: 2.5) {
            let lines = f.lines(text, width: width)
            #expect(lines.joined() == text)
            #expect(lines.contains { $0.contains(number) }, "width \(width): \(lines)")
        }
    }

    @Test("a Latin word is never broken when it fits the measure")
    func latinWordsWhole() {
        let text = "我们测试GPU、5G和Supercalifragilisticexpialidocious以及internationalization等很长的英文单词"
        let long = f.width("Supercalifragilisticexpialidocious")
        for width in stride(from: (long + 1).rounded(.up), through: 300, by: 3) {
            let lines = f.lines(text, width: width)
            #expect(lines.joined() == text)
            for word in ["GPU", "5G", "Supercalifragilisticexpialidocious", "internationalization"] {
                #expect(lines.contains { $0.contains(word) }, "width \(width): \(lines)")
            }
        }
    }

    @Test("a word longer than the measure is broken only as a last resort, and the line says so")
    func overlongWord() {
        let p = f.compose("词Supercalifragilisticexpialidocious词", width: 100)
        #expect(p.lines.map(\.text).joined() == "词Supercalifragilisticexpialidocious词")
        #expect(p.lines.count >= 2)
        #expect(p.lines.allSatisfy { $0.right <= 100.01 })
    }

    @Test("a line breaks at a real space, which is dropped at the break and kept inside a line")
    func realSpace() {
        let p = f.compose("这是一个 real space test，也是一个测试。", width: 100)
        #expect(p.lines.map(\.text) == ["这是一个 real space", "test，也是一个测试。"])
        #expect(p.lines[1].placements.first?.text == "t")
    }

    @Test("a hyphen-minus inside a name keeps it whole: 氦-3, 聚丁烯-1")
    func hyphenatedNames() {
        for width in stride(from: 40.0, through: 160, by: 5) {
            let lines = f.lines("月壤玻璃是捕获和保存氦-3的关键物质，攻克聚丁烯-1成套技术", width: width)
            #expect(lines.contains { $0.contains("氦-3") } && lines.contains { $0.contains("烯-1") }, "width \(width): \(lines)")
        }
    }
}

extension LineBreakTests {
    @Test("no line ends with a hyphen before Han text, whose hyphen text readers would drop")
    func hyphenBeforeHan() {
        for width in stride(from: 40.0, through: 200, by: 5) {
            let lines = f.lines("覆盖企业“申高-上高-上规-上市”全流程，推动企业上规上市", width: width)
            #expect(lines.allSatisfy { !$0.hasSuffix("-") }, "width \(width): \(lines)")
        }
    }

    @Test("an apostrophe inside a Latin word keeps the word whole")
    func apostrophe() {
        for width in stride(from: 60.0, through: 140, by: 5) {
            let lines = f.lines("这是宁波Ningbo’s创新故事和Ningbo’s发展", width: width)
            #expect(lines.allSatisfy { !$0.hasPrefix("s") }, "\(width): \(lines)")
        }
    }
}
