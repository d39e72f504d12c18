import FolioCore
import FolioText
import Testing

/// Han ↔ Latin/digit spacing: a quarter em (configurable), never at a line's start or
/// end, never a U+0020 in the text.
@Suite("Han–Latin spacing")
struct SpacingTests {
    let f = Fixture()

    func line(_ text: String, autospace: Double = 0.25) -> ComposedLine {
        var g = f
        g.settings.autospace = autospace
        return g.compose(text, width: 1000, alignment: .left).lines[0]
    }

    /// The gaps between consecutive placements.
    func gaps(_ l: ComposedLine) -> [Double] {
        (0..<(l.placements.count - 1)).map { (l.gap(after: $0) * 1000).rounded() / 1000 }
    }

    @Test("a quarter em between Han and Latin letters or digits, on both sides")
    func quarterEm() {
        #expect(gaps(line("在2022年")) == [2.5, 0, 0, 0, 2.5])
        #expect(gaps(line("用AI平台")) == [2.5, 0, 2.5, 0])
        #expect(gaps(line("增长36.4%的")) == [0, 2.5, 0, 0, 0, 0, 2.5])
        #expect(gaps(line("气温−5℃")) == [0, 2.5, 0, 0])
    }

    @Test("configurable: off, or any fraction of an em", arguments: [0.0, 0.125, 0.5])
    func configurable(amount: Double) {
        #expect(gaps(line("用GPU算", autospace: amount)) == [10 * amount, 0, 0, 10 * amount])
    }

    @Test("none next to punctuation, inside a Latin word, or inside a name with a hyphen")
    func noneBesideMarks() {
        #expect(gaps(line("“GPU”，")).allSatisfy { $0 == 0 })
        #expect(gaps(line("（5G）")).allSatisfy { $0 == 0 })
        #expect(gaps(line("氦-3")) == [0, 0])
    }

    @Test("none at a line's start or end")
    func noneAtLineEdges() {
        let p = f.compose("一二三四五六七八GPU九十甲乙丙丁戊己5G庚辛", width: 110)
        for line in p.lines {
            #expect(line.placements.first!.x == line.left)
        }
        #expect(p.lines.map(\.text) == ["一二三四五六七八GPU", "九十甲乙丙丁戊己5G", "庚辛"])
        #expect(abs(p.lines[0].right - 110) < 0.1 && abs(p.lines[1].right - 110) < 0.1)
        // Inside the lines the space is there: 八|G and 己|5.
        #expect(p.lines[0].gap(after: 7) >= 2.5)
        #expect(p.lines[1].gap(after: 7) >= 2.5)
    }

    @Test("never a U+0020: the line's text and its glyph runs hold only the data's characters")
    func noInsertedSpace() {
        let text = "在2022年用AI平台、GPU和5G把增长提到36.4%。"
        let p = f.compose(text, width: 120)
        #expect(p.lines.map(\.text).joined() == text)
        for run in p.lines.flatMap(\.runs) {
            #expect(!run.text.contains(" "))
            #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
        }
    }
}
