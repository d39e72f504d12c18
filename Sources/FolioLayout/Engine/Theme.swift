import FolioCharts
import FolioCore
import FolioText

extension Typesetter {
    /// The chart look from the layout: styles `chart-title`, `chart-label`, `chart-value`,
    /// `chart-note`, `chart-big`, `chart-unit` and colours `chart-1`…`chart-8`, `accent`,
    /// `axis`, `grid`, `negative`, `chart-positive`, `chart-target`, `chart-tile`, `paper`
    /// (each falls back to something sensible). `grouping` is put between thousands of
    /// numbers written out (a charts block's or chart frame's `separator`).
    public func chartTheme(scale: Double = 1, grouping: String? = nil) -> ChartTheme {
        func style(_ name: String, _ fallback: String, size: Double) -> CharacterStyle {
            let s = spec.styles[name] ?? spec.styles[fallback]
                ?? StyleSpec(font: spec.fonts.keys.sorted().first ?? "sans", size: size, leading: size * 1.4)
            return characterStyle(s, size: s.size * scale)
        }
        var palette: [Color] = []
        for i in 1...8 {
            if let c = spec.colors["chart-\(i)"] { palette.append(c) }
        }
        let axis = spec.colors["axis"] ?? Color(hex: "#666666")!
        let title = style("chart-title", "caption", size: 10)
        return ChartTheme(title: title, label: style("chart-label", "caption", size: 8),
                          value: style("chart-value", "caption", size: 8), note: style("chart-note", "caption", size: 7),
                          big: style("chart-big", "figure-value", size: 28), unit: style("chart-unit", "figure-unit", size: 11),
                          palette: palette, accent: spec.colors["accent"] ?? palette.first ?? ChartTheme.defaultPalette[1],
                          axis: axis, grid: spec.colors["grid"] ?? Color(hex: "#DDDDDD")!,
                          negative: spec.colors["negative"] ?? Color(hex: "#D55E00")!, positive: spec.colors["chart-positive"],
                          target: spec.colors["chart-target"] ?? title.color, tile: spec.colors["chart-tile"],
                          background: spec.colors["paper"] ?? .white, settings: spec.text,
                          grouping: grouping.flatMap { $0.isEmpty ? nil : $0 })
    }
}
