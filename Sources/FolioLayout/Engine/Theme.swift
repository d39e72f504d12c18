import FolioCharts
import FolioCore
import FolioText

extension Typesetter {
    /// The chart look from the layout: styles `chart-title`, `chart-label`, `chart-value`,
    /// `chart-note`, `chart-big` and colours `chart-1`…`chart-6`, `accent`, `axis`, `grid`,
    /// `negative` (each falls back to something sensible).
    public func chartTheme(scale: Double = 1) -> ChartTheme {
        func style(_ name: String, _ fallback: String, size: Double) -> CharacterStyle {
            let s = spec.styles[name] ?? spec.styles[fallback] ?? StyleSpec(font: spec.fonts.keys.sorted().first ?? "sans", size: size, leading: size * 1.4)
            return characterStyle(s, size: s.size * scale)
        }
        var palette: [Color] = []
        for i in 1...8 {
            if let c = spec.colors["chart-\(i)"] { palette.append(c) }
        }
        if palette.isEmpty {
            // Okabe–Ito: distinguishable with colour-blindness and in greyscale order.
            palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"].compactMap(Color.init(hex:))
        }
        return ChartTheme(title: style("chart-title", "caption", size: 10), label: style("chart-label", "caption", size: 8),
                          value: style("chart-value", "caption", size: 8), note: style("chart-note", "caption", size: 7),
                          big: style("chart-big", "figure-value", size: 28), palette: palette,
                          accent: spec.colors["accent"] ?? palette[0], axis: spec.colors["axis"] ?? Color(hex: "#666666")!,
                          grid: spec.colors["grid"] ?? Color(hex: "#DDDDDD")!, negative: spec.colors["negative"] ?? Color(hex: "#D55E00")!,
                          settings: spec.text)
    }
}
