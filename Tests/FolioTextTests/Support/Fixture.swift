import FolioCore
import FolioGraphics
import FolioTestSupport
import FolioText

/// Composes hand-written sentences for the composer's tests, at 10 pt so one em is 10 pt.
struct Fixture {
    static let composer = Composer(fonts: TestSupport.fonts)
    static let serif = CharacterStyle(font: FontSpec(family: "Noto Serif CJK SC", size: 10))
    static let sans = CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", size: 10))

    var style = Fixture.serif
    var settings = ComposerSettings()

    func compose(_ text: String, width: Double, indent: Double = 0, alignment: Alignment = .justify,
                 balanced: Bool = false) -> ComposedParagraph {
        Self.composer.compose(ParagraphSpec(spans: [TextSpan(text, style: style)], width: width, firstLineIndent: indent,
                                            alignment: alignment, settings: settings, balanced: balanced))
    }

    /// The lines' texts.
    func lines(_ text: String, width: Double, indent: Double = 0, alignment: Alignment = .justify,
               balanced: Bool = false) -> [String] {
        compose(text, width: width, indent: indent, alignment: alignment, balanced: balanced).lines.map(\.text)
    }

    /// The natural advance (em = 10 pt) of a text set on one line.
    func width(_ text: String) -> Double {
        let p = compose(text, width: 10_000, alignment: .left)
        return p.lines.first.map { $0.right - $0.left } ?? 0
    }
}

extension ComposedLine {
    /// The placement of the `n`-th occurrence of `text` on the line.
    func placement(_ text: String, _ n: Int = 0) -> Placement? {
        placements.filter { $0.text == text }.dropFirst(n).first
    }

    /// The gap between the end of one placement and the start of the next.
    func gap(after index: Int) -> Double {
        placements[index + 1].x - (placements[index].x + placements[index].advance)
    }
}
