import FolioCore
import FolioModel
import FolioText

/// What every chart drawer shares: the composer, the theme, and the text and mark
/// helpers built on them.
struct ChartContext {
    let composer: Composer
    let theme: ChartTheme

    /// The scale of strokes and gaps (1 at an 8pt label).
    var u: Double { theme.unitSize }

    func line(_ text: String, _ style: CharacterStyle) -> ChartText {
        ChartText.line(text, style, composer: composer, settings: theme.settings)
    }

    func line(_ spans: [TextSpan]) -> ChartText {
        ChartText.line(spans, composer: composer, settings: theme.settings)
    }

    func wrapped(_ text: String, _ style: CharacterStyle, width: Double, alignment: Alignment = .left,
                 balanced: Bool = false) -> ChartText {
        ChartText.wrapped(text, style, width: max(1, width), alignment: alignment, balanced: balanced,
                          composer: composer, settings: theme.settings, leading: theme.leading)
    }

    /// `style` in another colour.
    func style(_ style: CharacterStyle, color: Color) -> CharacterStyle {
        var s = style
        s.color = color
        return s
    }

    /// The label style in the value style's weight: a highlighted category name.
    var strongLabel: CharacterStyle {
        CharacterStyle(font: theme.value.font.withSize(theme.label.font.size), color: theme.value.color,
                       tracking: theme.label.tracking)
    }

    /// The text colour that reads on `fill`: the background colour on dark fills, else the value colour.
    func textColor(on fill: Color) -> Color {
        fill.luminance < 0.35 ? theme.background : theme.value.color
    }

    /// A value on a chart with an axis, as its label reads: the chart's prefix, the number
    /// in the axis's magnitude (so labels and ticks agree), and the unit when asked.
    func valueLabel(_ value: Double, chart: Chart, withUnit: Bool = false) -> String {
        let format = ValueAxis.format(chart, grouping: theme.grouping)
        return (chart.prefix ?? "") + format.value(value) + (withUnit ? format.magnitude + (chart.unit ?? "") : "")
    }

    /// A filled mark; derived values are a light tint with a dashed outline, so they stay
    /// apart from read values in colour and in grey.
    func mark(_ path: Path, color: Color, derived: Bool) -> Item {
        if derived {
            return .shape(Shape(path: path, fill: tint(color), stroke: Stroke(color: color, width: 0.9 * u, dash: [2.5 * u, 1.5 * u])))
        }
        return .shape(Shape(path: path, fill: color))
    }

    /// `color` at 30% over the background, opaque (grid lines do not show through).
    func tint(_ color: Color, _ amount: Double = 0.3) -> Color {
        let b = theme.background
        return Color(red: b.red + (color.red - b.red) * amount, green: b.green + (color.green - b.green) * amount,
                     blue: b.blue + (color.blue - b.blue) * amount)
    }

    func rule(from a: Point, to b: Point, color: Color, width: Double, dash: [Double] = []) -> Item {
        .shape(Shape(path: .line(from: a, to: b), stroke: Stroke(color: color, width: width, dash: dash)))
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
