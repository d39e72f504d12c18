import FolioCore
import FolioModel

extension ChartTheme {
    /// Okabe & Ito's colour-blind-safe set, tried after the layout's own colours and their
    /// tints and shades.
    static let okabeIto: [Color] = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                                    "#999999", "#000000", "#FFFFFF"].compactMap(Color.init(hex:))

    /// The palette grown to at least `count` colours (a donut of 8 slices, a line chart of
    /// 8 series) when the layout names fewer: each added colour is a tint or shade of the
    /// layout's colours or one of Okabe & Ito's, taken only when the palette with it still
    /// passes `ColorVision.check` and it stands apart from the background. The layout's
    /// own colours come first, unchanged.
    public func distinctPalette(count: Int) -> [Color] {
        guard count > palette.count else { return palette }
        var chosen = palette
        var candidates: [Color] = []
        for base in palette {
            for (target, amount) in [(Color.white, 0.45), (Color.black, 0.45), (Color.white, 0.7), (Color.black, 0.7)] {
                candidates.append(Self.mix(base, target, amount))
            }
        }
        candidates += Self.okabeIto + ChartTheme.defaultPalette
        let ground = ColorVision.lab(ColorVision.linear(background))
        for candidate in candidates where chosen.count < count {
            guard !chosen.contains(candidate),
                  ColorVision.distance(ColorVision.lab(ColorVision.linear(candidate)), ground) >= 25,
                  ColorVision.check(chosen + [candidate]).isEmpty else { continue }
            chosen.append(candidate)
        }
        return chosen
    }

    /// `a` moved towards `b` by `amount` (0 … 1), in sRGB.
    static func mix(_ a: Color, _ b: Color, _ amount: Double) -> Color {
        Color(red: a.red + (b.red - a.red) * amount, green: a.green + (b.green - a.green) * amount,
              blue: a.blue + (b.blue - a.blue) * amount)
    }

    /// How many colours `chart` draws: its slices (donut) or its series.
    static func colorsNeeded(_ chart: Chart) -> Int {
        chart.kind == .donut ? chart.categories.count : chart.series.count
    }
}
