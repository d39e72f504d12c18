import FolioCore
import FolioGraphics
import FolioTestSupport
import FolioText
import Testing

@Suite("Composer basics")
struct ComposerBasicsTests {
    let composer = Composer(fonts: TestSupport.fonts)
    let style = CharacterStyle(font: FontSpec(family: "Noto Serif CJK SC", size: 10))

    func compose(_ text: String, width: Double, indent: Double = 0) -> ComposedParagraph {
        composer.compose(ParagraphSpec(spans: [TextSpan(text, style: style)], width: width, firstLineIndent: indent))
    }

    @Test("justified lines are flush on both edges; the last line is not stretched")
    func justified() {
        let p = compose(String(repeating: "宁波科技创新收获满满的一年，", count: 6), width: 205)
        #expect(p.lines.count > 2)
        for line in p.lines.dropLast() {
            #expect(abs(line.right - 205) < 0.1)
        }
        #expect(p.lines.last!.right < 205 - 1)
    }

    @Test("no copied text gains a space: the lines join back to the paragraph")
    func textIsClean() {
        let text = "测试GPU和5G的36.4%增长，2022—2025年，“从0到1”。这是一个 real space test。"
        let p = compose(text, width: 150)
        #expect(p.lines.map(\.text).joined() == text.replacingOccurrences(of: " real", with: "real")
            || p.lines.map(\.text).joined() == text)
        for run in p.lines.flatMap(\.runs) {
            #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
        }
    }
}
