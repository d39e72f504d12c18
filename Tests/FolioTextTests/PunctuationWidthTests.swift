import FolioCore
import FolioText
import Testing

/// Punctuation widths in the three styles (1 em = 10 pt here).
@Suite("Punctuation width")
struct PunctuationWidthTests {
    let f = Fixture()

    /// Advances of the placements of `text` set on one line, by character.
    func advances(_ text: String, style: PunctuationStyle = .gb) -> [String: [Double]] {
        var g = f
        g.settings.punctuation = style
        let line = g.compose(text, width: 1000, alignment: .left).lines[0]
        return Dictionary(grouping: line.placements, by: \.text).mapValues { $0.map(\.advance) }
    }

    func line(_ text: String, style: PunctuationStyle = .gb) -> ComposedLine {
        var g = f
        g.settings.punctuation = style
        return g.compose(text, width: 1000, alignment: .left).lines[0]
    }

    @Test("gb: two adjacent marks take 1.5 em; the first gives up its blank half when it can",
          arguments: [("。”", 5.0, 10.0), ("），", 5, 10), ("”（", 5, 10), ("、“", 5, 10), ("”、", 5, 10),
                      ("：“", 5, 10), ("！”", 5, 10), ("》）", 5, 10), ("（“", 10, 5), ("“《", 10, 5)])
    func gbPairs(pair: String, first: Double, second: Double) {
        let l = line("甲\(pair)乙")
        #expect(l.placements.map(\.advance) == [10, first, second, 10])
        #expect(l.right - l.left == 35)
    }

    @Test("gb: three marks in a row: ”（、 。”、 ）。 take 2 em")
    func gbRuns() {
        #expect(line("甲。”）乙").placements.map(\.advance) == [10, 5, 5, 10, 10])
        #expect(line("甲）。”乙").placements.map(\.advance) == [10, 5, 5, 10, 10])
        #expect(line("甲”、“乙").placements.map(\.advance) == [10, 5, 5, 10, 10])
        #expect(line("甲”（“乙").placements.map(\.advance) == [10, 5, 10, 5, 10])
    }

    @Test("gb: the compressed mark uses its halt form: an opening mark's glyph moves half an em left")
    func haltForm() {
        let l = line("（“乙")
        // Line start: （ loses its leading half; “ after it loses its blank left half.
        #expect(l.placements.map(\.advance) == [5, 5, 10])
        let glyphs = l.runs.flatMap(\.glyphs)
        #expect(glyphs.map(\.x) == [-5, 0, 10])
        // A closing mark keeps its glyph where it is: only the advance shrinks.
        let c = line("甲”（乙")
        #expect(c.runs.flatMap(\.glyphs).map(\.x) == [0, 10, 15, 25])
    }

    @Test("an opening mark at a line start loses its leading half (first line and later lines)")
    func openingAtLineStart() {
        let p = f.compose("“从0到1”是一个长期的过程，（而且）需要坚持不懈的努力。", width: 100)
        #expect(p.lines[0].placements[0].text == "“" && p.lines[0].placements[0].advance == 5)
        #expect(p.lines[0].placements[1].x == 5)
        let q = f.compose("一二三四五六七八九十（甲乙）。", width: 100)
        #expect(q.lines.map(\.text) == ["一二三四五六七八九十", "（甲乙）。"])
        #expect(q.lines[1].placements[0].advance == 5 && q.lines[1].placements[1].x == 5)
    }

    @Test("a mark at a line end keeps its full em when the line is flush without giving it up")
    func lineEndFullWhenNotNeeded() {
        let p = f.compose("一二三四，五六七八。", width: 50)
        #expect(p.lines.map(\.text) == ["一二三四，", "五六七八。"])
        #expect(p.lines[0].placements.last!.advance == 10)
        #expect(p.lines[0].right == 50)
    }

    @Test("fullwidth: every mark keeps its em, at line start too")
    func fullwidth() {
        #expect(line("甲。”）乙", style: .fullwidth).placements.map(\.advance) == [10, 10, 10, 10, 10])
        #expect(line("“甲”，乙", style: .fullwidth).placements.map(\.advance) == [10, 10, 10, 10, 10])
        #expect(line("甲·乙", style: .fullwidth).placements.map(\.advance) == [10, 10, 10])
    }

    @Test("kaiming: 。！？ keep a full em, every other mark is half an em")
    func kaiming() {
        #expect(line("甲，乙、丙；丁：戊", style: .kaiming).placements.map(\.advance) == [10, 5, 10, 5, 10, 5, 10, 5, 10])
        #expect(line("甲。乙！丙？丁", style: .kaiming).placements.map(\.advance) == [10, 10, 10, 10, 10, 10, 10])
        #expect(line("甲“乙”（丙）《丁》", style: .kaiming).placements.map(\.advance) == [10, 5, 10, 5, 5, 10, 5, 5, 10, 5])
        // 。” : the full stop keeps its em.
        #expect(line("甲。”乙", style: .kaiming).placements.map(\.advance) == [10, 10, 5, 10])
    }

    @Test("middle dot: half an em, centred, in gb and kaiming", arguments: [PunctuationStyle.gb, .kaiming])
    func middleDot(style: PunctuationStyle) {
        for family in [Fixture.serif, Fixture.sans] {
            var g = f
            g.style = family
            g.settings.punctuation = style
            let l = g.compose("马克思·韦伯", width: 1000, alignment: .left).lines[0]
            let dot = l.placement("·")!
            #expect(dot.advance == 5 && dot.x == 30)
            // The glyph's own advance is centred in the half em.
            let glyph = l.runs.flatMap(\.glyphs)[3]
            #expect(abs(glyph.x + dot.naturalAdvance / 2 - 32.5) < 0.001)
        }
    }

    @Test("dashes and ellipses: — one em, —— and …… two")
    func dashes() {
        let a = advances("甲——乙—丙……丁")
        #expect(a["——"] == [20])
        #expect(a["—"] == [10])
        #expect(a["…"] == [10, 10])
    }
}
