import FolioGraphics
import FolioTestSupport
import Testing

/// Text the shaper must survive whatever an input file holds.
@Suite("Shaping odd input")
struct ShapingInputTests {
    @Test("a NUL byte is shaped as a space (pango_itemize aborts the process on one); offsets are kept")
    func nulByte() {
        let spec = FontSpec(family: "Noto Sans CJK SC", size: 10)
        let shaped = TestSupport.fonts.shape("ab\u{0}cd中", font: spec)
        let spaced = TestSupport.fonts.shape("ab cd中", font: spec)
        #expect(shaped.glyphs.map(\.cluster) == spaced.glyphs.map(\.cluster))
        #expect(shaped.glyphs.map(\.id) == spaced.glyphs.map(\.id))
        #expect(shaped.text == "ab\u{0}cd中")
    }

    @Test("control characters, separators and bidi marks shape without a crash, one cluster each")
    func controls() {
        let spec = FontSpec(family: "Noto Sans CJK SC", size: 10)
        for text in ["a\u{1}b", "a\u{2028}b", "中\u{2029}文", "\u{202E}abc", "\u{FEFF}abc", "a\tb"] {
            let shaped = TestSupport.fonts.shape(text, font: spec)
            #expect(!shaped.glyphs.isEmpty, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
