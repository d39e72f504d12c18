import FolioCharts
import Testing

@Suite("Chinese number formatting")
struct NumberFormatTests {
    @Test("万 and 亿 as CLDR zh short decimals", arguments: [
        (10_000.0, "1万"), (260_000.0, "26万"), (1e8, "1亿"), (5300.0, "5300"), (36.4, "36.4"), (125_000.0, "12.5万"),
    ])
    func wan(_ value: Double, _ expected: String) {
        #expect(ChineseNumber.format(value) == expected)
    }

    @Test("thousands separators when asked")
    func thousands() {
        #expect(ChineseNumber.format(5300, thousands: true) == "5,300")
        #expect(ChineseNumber.format(999, thousands: true) == "999")
    }
}
