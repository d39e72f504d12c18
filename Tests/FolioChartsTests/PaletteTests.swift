import FolioCharts
import FolioCore
import Testing

@Suite("Chart palette")
struct PaletteTests {
    @Test("the default palette stays apart for colour-blind readers and, for four series, in greyscale")
    func defaultPalette() {
        #expect(ColorVision.check(ChartTheme.defaultPalette).isEmpty, "\(ColorVision.check(ChartTheme.defaultPalette))")
    }

    @Test("the brochure's chart colours pass the same check, and the accent stands apart from the first series")
    func brochure() {
        let theme = ChartFixture.brochure.chartTheme()
        #expect(theme.palette.count == 4)
        #expect(ColorVision.check(theme.palette).isEmpty, "\(ColorVision.check(theme.palette))")
        // The highlighted bar (accent) against the plain ones (chart-1), in grey.
        #expect(abs(ColorVision.lightness(theme.accent) - ColorVision.lightness(theme.palette[0])) > 30)
    }

    @Test("the check catches what it should: red against green, and two mid greys")
    func catches() {
        let redGreen = ["#D62728", "#2CA02C"].compactMap(Color.init(hex:))
        let problems = ColorVision.check(redGreen)
        #expect(problems.contains { $0.condition == "deuteranopia" })
        #expect(problems.contains { $0.condition == "greyscale" })
        let blueOrangeSameGrey = ["#56B4E9", "#E69F00"].compactMap(Color.init(hex:)) // Okabe–Ito sky blue, orange
        #expect(ColorVision.check(blueOrangeSameGrey).contains { $0.condition == "greyscale" })
        #expect(!ColorVision.check(blueOrangeSameGrey).contains { $0.condition != "greyscale" })
    }
}
