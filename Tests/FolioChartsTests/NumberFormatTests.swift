import FolioCharts
import Testing

@Suite("Chinese number formatting")
struct NumberFormatTests {
    @Test("万 and 亿 as CLDR zh short decimals", arguments: [
        (10_000.0, "1万"), (260_000.0, "26万"), (1e8, "1亿"), (5300.0, "5300"), (36.4, "36.4"), (125_000.0, "12.5万"),
        (9990.0, "9990"), (99_999.0, "10万"), (123_456.0, "12.35万"), (2.6e8, "2.6亿"), (1e12, "1万亿"),
        (0.0, "0"), (-260_000.0, "-26万"), (-0.01, "0"),
    ])
    func wan(_ value: Double, _ expected: String) {
        #expect(ChineseNumber.format(value) == expected)
    }

    @Test("a value that rounds up to the next magnitude takes its word: 99,999,999 is 1亿, 9999.96 is 1万")
    func rollover() {
        #expect(ChineseNumber.format(99_999_999) == "1亿")
        #expect(ChineseNumber.format(9999.96) == "1万")
        #expect(ChineseNumber.format(9999.94) == "9999.9")
    }

    @Test("the number and its magnitude word come apart for typesetting: 260000 → 26 + 万")
    func parts() {
        let p = ChineseNumber.parts(260_000)
        #expect(p.number == "26")
        #expect(p.magnitude == "万")
        #expect(ChineseNumber.parts(450).magnitude == "")
    }

    @Test("thousands separators when asked, and only for numbers written out")
    func thousands() {
        #expect(ChineseNumber.format(5300, thousands: true) == "5,300")
        #expect(ChineseNumber.format(999, thousands: true) == "999")
        #expect(ChineseNumber.format(1234.5, thousands: true) == "1,234.5")
        #expect(ChineseNumber.format(5300) == "5300")
        #expect(ChineseNumber.format(5300, grouping: "\u{2009}") == "5\u{2009}300")
        #expect(ChineseNumber.format(260_000, thousands: true) == "26万")
    }

    @Test("an axis writes every tick in one magnitude and names it once")
    func axis() {
        let plain = AxisNumberFormat(maxAbs: 10_000)
        #expect(plain.magnitude == "")
        #expect([0.0, 2000, 10_000].map { plain.label($0, step: 2000) } == ["0", "2000", "10000"])
        let wan = AxisNumberFormat(maxAbs: 260_000)
        #expect(wan.magnitude == "万")
        #expect([0.0, 50_000, 300_000].map { wan.label($0, step: 50_000) } == ["0", "5", "30"])
        let small = AxisNumberFormat(maxAbs: 1)
        #expect([0.0, 0.25, 0.5].map { small.label($0, step: 0.25) } == ["0", "0.25", "0.5"])
        #expect(AxisNumberFormat(maxAbs: 3e9).label(2e9, step: 1e9) == "20")
        #expect(AxisNumberFormat(maxAbs: 10_000, grouping: ",").label(10_000, step: 2000) == "10,000")
        // Data values follow the axis: written out below 100,000 (no "1.2万" beside "12000").
        #expect(plain.value(12_000) == "12000" && plain.value(3885.6) == "3885.6")
        #expect(wan.value(260_000) == "26" && wan.value(123_456) == "12.35")
    }

    @Test("percentages keep one decimal at most")
    func percent() {
        #expect(ChineseNumber.percent(36.3636) == "36.4%")
        #expect(ChineseNumber.percent(20) == "20%")
    }
}
