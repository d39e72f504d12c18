import FolioCore
import FolioGraphics
@testable import FolioText
import Testing

/// Titles and card text: the fewest lines, of even length, broken at sense boundaries.
@Suite("Balanced titles")
struct BalancedTests {
    /// The brochure's event title: bold sans, 20 pt (1 em = 20 pt).
    let title = Fixture(style: CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: 700, size: 20)))

    func lines(_ text: String, width: Double, fixture: Fixture? = nil) -> [String] {
        (fixture ?? title).lines(text, width: width, alignment: .left, balanced: true)
    }

    @Test("a year, a place and a count: no word is split (not 2022年度宁波科 / 技创新…)")
    func yearTitle() {
        #expect(lines("2022年度宁波科技创新10件大事", width: 288) == ["2022年度宁波科技", "创新10件大事"])
        // The cover: 30 pt in 150 mm.
        let cover = Fixture(style: CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: 700, size: 30)))
        #expect(lines("2022年度宁波科技创新10件大事", width: 425.2, fixture: cover) == ["2022年度宁波科技", "创新10件大事"])
        // At 160 pt two lines are only possible as 2022年度宁波科 / 技创新10件大事: it takes three.
        #expect(lines("2022年度宁波科技创新10件大事", width: 160) == ["2022年度", "宁波科技创新", "10件大事"])
        for width in stride(from: 120.0, through: 280, by: 10) {
            let result = lines("2022年度宁波科技创新10件大事", width: width)
            for (a, b) in zip(result, result.dropFirst()) {
                for word in ["年度", "宁波", "科技", "创新", "大事"] {
                    #expect(!(a.hasSuffix(String(word.first!)) && b.hasPrefix(String(word.last!))), "\(width): \(result)")
                }
            }
        }
    }

    @Test("a quoted phrase stays whole: the break goes after the closing quote, or before the opening one")
    func quotedPhrase() {
        // The square card: 64 px in 920 px.
        let card = Fixture(style: CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: 700, size: 64)))
        let text = "我市出台“科技惠企政策十条”打好助企强企“组合拳”"
        #expect(lines(text, width: 920, fixture: card) == ["我市出台“科技惠企政策十条”", "打好助企强企“组合拳”"])
        #expect(lines(text, width: 288) == ["我市出台“科技惠企政策十条”", "打好助企强企“组合拳”"])
        #expect(lines(text, width: 240) == ["我市出台", "“科技惠企政策十条”", "打好助企强企“组合拳”"])
    }

    @Test("a space in the data marks the break")
    func spaceMarksBreak() {
        #expect(lines("我市高新技术企业突破5300家 增幅居全省第一", width: 288) == ["我市高新技术企业突破5300家", "增幅居全省第一"])
        #expect(lines("宁波市第一医院跻身医疗领域“国家队” 助力健康宁波新征程", width: 288)
                == ["宁波市第一医院跻身医疗领域", "“国家队” 助力健康宁波新征程"])
    }

    @Test("a zero-width space marks a preferred break and is not part of the text")
    func zeroWidthSpace() {
        #expect(lines("科技创新引领\u{200B}高质量发展新征程", width: 200) == ["科技创新引领", "高质量发展新征程"])
        #expect(lines("科技创新引领高质量发展新征程", width: 200) == ["科技创新引领高", "质量发展新征程"])
    }

    @Test("after a comma or a pause mark")
    func afterComma() {
        #expect(lines("聚焦关键核心技术，打造创新策源高地", width: 300) == ["聚焦关键核心技术，", "打造创新策源高地"])
    }

    @Test("the fewest lines the measure allows (one more only to keep a word whole), never a line of one character")
    func fewestLinesNoLoneCharacter() {
        for text in Samples.titles {
            for width in stride(from: 80.0, through: 400, by: 20) {
                let balanced = title.compose(text, width: width, alignment: .left, balanced: true)
                let plain = title.compose(text, width: width, alignment: .left)
                #expect(balanced.lines.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
                #expect(balanced.lines.count <= plain.lines.count + 1, "\(width): \(balanced.lines.map(\.text))")
                #expect(!balanced.overfull)
                for line in balanced.lines where balanced.lines.count > 1 {
                    let characters = line.placements.filter { $0.cls.isWordCharacter }.count
                    #expect(characters >= 2, "\(width): \(balanced.lines.map(\.text))")
                }
            }
        }
    }

    @Test("Latin words and numbers are never broken")
    func wordsWhole() {
        for width in stride(from: 100.0, through: 400, by: 10) {
            let result = lines("面向GPU算力平台服务5300家企业的AI计划", width: width)
            for word in ["GPU", "5300", "AI"] {
                #expect(result.contains { $0.contains(word) }, "\(width): \(result)")
            }
        }
    }

    @Test("lines are even: the widest is within the balanced measure plus a sense break's worth")
    func evenLines() {
        let p = title.compose("我市首个国家新一代人工智能开放创新平台获批建设", width: 400, alignment: .left, balanced: true)
        #expect(p.lines.count == 2)
        let widths = p.lines.map { $0.right - $0.left }
        #expect(abs(widths[0] - widths[1]) <= 40)
        // Not justified: the characters keep their natural spacing.
        #expect(p.lines.allSatisfy { l in (0..<(l.placements.count - 1)).allSatisfy { l.gap(after: $0) == 0 } })
    }
}
