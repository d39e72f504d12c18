import FolioModel
import FolioTestSupport
import Testing

@Suite("Report loading")
struct ReportLoaderTests {
    @Test("the default report loads with every event, figure and chart")
    func defaultReport() {
        let report = TestSupport.defaultReport
        #expect(report.events.count == 10)
        #expect(report.events.map(\.rank) == Array(1...10))
        #expect(report.events[0].id == "yongjiang-zone")
        #expect(report.events[0].title == "甬江科创区启动")
        #expect(report.events[0].date == PartialDate(year: 2022, month: 12, day: 29))
        #expect(report.published.description == "2023-02-01")
        #expect(report.intro.count == 10)
        #expect(report.charts.contains { $0.id == "hitech-total" && $0.series[0].values == [3886, 5300] })
        // Every body paragraph is the article's text: no page-break artefacts or line breaks.
        for event in report.events {
            for paragraph in event.body {
                #expect(!paragraph.contains("\n"))
                #expect(!paragraph.contains("  "))
            }
        }
    }

    @Test("a missing title, a wrong type and a duplicate id are all reported, with places")
    func brokenReport() {
        let yaml = """
        publisher: 局
        edition: twenty
        published: 2023-02-01
        events:
          - id: a
            title: 一
            body: [正文]
          - id: a
            title: 二
            body: [正文]
        """
        let result = TestSupport.loadReport(yaml: yaml)
        #expect(result.report == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.code == "missing-key" && $0.message == "the report has no `title`" && $0.location?.line == 1 })
        #expect(errors.contains { $0.code == "wrong-type" && $0.message.contains("edition") && $0.location?.line == 2 })
        #expect(errors.contains { $0.code == "duplicate-id" && $0.location?.line == 8 })
        #expect(errors.allSatisfy { $0.description.hasPrefix(($0.location?.file ?? "") + ":") })
    }

    @Test("dates accept YYYY, YYYY-MM and YYYY-MM-DD and reject impossible days")
    func dates() {
        #expect(PartialDate("2022") == PartialDate(year: 2022))
        #expect(PartialDate("2022-10") == PartialDate(year: 2022, month: 10))
        #expect(PartialDate("2024-02-29") != nil)
        #expect(PartialDate("2023-02-29") == nil)
        #expect(PartialDate("2022-13") == nil)
        #expect(PartialDate("22-10-01") == nil)
        #expect(PartialDate("2022-12-29")?.chinese == "2022年12月29日")
    }
}
