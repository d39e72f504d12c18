import FolioCore
import FolioText
import Testing

/// Justification: flush lines; extra width to Western spaces (≤ ½ em), then Han–Latin
/// gaps, then every inter-character gap evenly; shrinking gives up line-end punctuation first.
@Suite("Justification")
struct JustificationTests {
    let f = Fixture()

    func rounded(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    @Test("every line but the last is flush on both edges within 0.1 pt, at every width")
    func flush() {
        for text in Samples.body {
            for width in stride(from: 120.0, through: 320, by: 13) {
                let p = f.compose(text, width: width, indent: 20)
                #expect(p.lines.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
                for line in p.lines.dropLast() where !line.overfull {
                    #expect(abs(line.right - width) < 0.1, "\(width): \(line.text)")
                    #expect(!line.ragged)
                }
                #expect(p.lines.first!.left == 20)
            }
        }
    }

    @Test("the last line keeps its natural spacing")
    func lastLineNatural() {
        let p = f.compose("宁波科技创新收获满满的一年，宁波科技创新收获满满的一年。", width: 205)
        let last = p.lines.last!
        #expect(last.text == "收获满满的一年。")
        #expect((0..<(last.placements.count - 1)).allSatisfy { last.gap(after: $0) == 0 })
        #expect(last.right == 80)
    }

    @Test("Western spaces widen first, up to half an em each, before any other gap")
    func spacesFirst() {
        // "这是一个 real space" needs 3.6 pt more at 95 pt: the two spaces take it all.
        let narrow = f.compose("这是一个 real space test，也是一个测试。", width: 95)
        let line = narrow.lines[0]
        #expect(line.text == "这是一个 real space")
        let spaces = line.placements.filter { $0.text == " " }
        let natural = spaces[0].naturalAdvance
        #expect(spaces.allSatisfy { abs($0.advance - (natural + (95 - f.width("这是一个 real space")) / 2)) < 0.001 })
        #expect(spaces[0].advance < 5)
        #expect((0..<(line.placements.count - 1)).allSatisfy { line.gap(after: $0) == 0 })
        // At 100 pt the spaces stop at half an em and the Han gaps share the rest evenly.
        let wide = f.compose("这是一个 real space test，也是一个测试。", width: 100).lines[0]
        #expect(wide.placements.filter { $0.text == " " }.allSatisfy { abs($0.advance - 5) < 0.001 })
        let han = (0..<3).map { rounded(wide.gap(after: $0)) }
        #expect(han[0] > 0 && han.allSatisfy { $0 == han[0] })
        #expect(abs(wide.right - 100) < 0.1)
    }

    @Test("then Han–Latin gaps widen, up to an eighth of an em more, before Han–Han gaps")
    func hanLatinSecond() {
        let text = "我们用GPU和AI平台做了很多测试"
        let natural = f.width(text)
        // 4 pt more than natural: the four Han–Latin gaps take 1 pt each.
        let p = f.compose(text + "然后继续写下去。", width: natural + 4)
        let line = p.lines[0]
        #expect(line.text == text)
        let gaps = (0..<(line.placements.count - 1)).map { rounded(line.gap(after: $0)) }
        #expect(gaps == [0, 0, 3.5, 0, 0, 3.5, 3.5, 0, 3.5, 0, 0, 0, 0, 0, 0, 0])
        // 8 pt more: each Han–Latin gap stops at 2.5 + 1.25; the 3 pt left spread evenly
        // over the 13 gaps between characters (Han–Han and Han–Latin alike), none inside GPU, AI.
        let q = f.compose(text + "然后继续写下去。", width: natural + 8).lines[0]
        let gaps2 = (0..<(q.placements.count - 1)).map { rounded(q.gap(after: $0)) }
        let e = rounded(3.0 / 13), h = rounded(3.75 + 3.0 / 13)
        #expect(gaps2 == [e, e, h, 0, 0, h, h, 0, h, e, e, e, e, e, e, e])
    }

    @Test("marks stay with the character they follow or precede; pairs of marks are not pulled apart")
    func marksHug() {
        let p = f.compose("我们说：“好的，明白了。”然后大家一起出发去上班，路上很顺利。", width: 167)
        for line in p.lines.dropLast() {
            for k in 0..<(line.placements.count - 1) {
                let l = line.placements[k], r = line.placements[k + 1]
                if l.cls == .open || r.cls == .close || r.cls == .stop {
                    #expect(line.gap(after: k) == 0, "\(line.text): \(l.text)|\(r.text)")
                }
            }
        }
    }

    @Test("a line too long gives up its line-end mark's blank half before any mid-line mark's")
    func shrinkLineEndFirst() {
        let p = f.compose("一二、三四五六七八，九十。", width: 95)
        #expect(p.lines.map(\.text) == ["一二、三四五六七八，", "九十。"])
        #expect(p.lines[0].placement("，")!.advance == 5)
        #expect(p.lines[0].placement("、")!.advance == 10)
        #expect(p.lines[0].right == 95)
        // Half an em more to give: the mid-line mark gives its blank half too.
        let q = f.compose("一二、三四五六七八，九十。", width: 90)
        #expect(q.lines[0].text == "一二、三四五六七八，")
        #expect(q.lines[0].placement("、")!.advance == 5 && q.lines[0].placement("，")!.advance == 5)
    }
}
