import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

@Suite("Overflow")
struct OverflowTests {
    func report(title: String) throws -> Report {
        let yaml = """
        title: \(title)
        publisher: 测试局
        edition: 2023
        published: 2024-01-15
        events:
          - id: a
            title: 事件
            body: [正文一段。]
        """
        let result = TestSupport.loadReport(yaml: yaml)
        guard let report = result.report else { throw LayoutError(result.diagnostics) }
        return report
    }

    @Test("text that cannot fit a fixed frame is an error naming the field and how much did not fit")
    func error() throws {
        let title = String(repeating: "科技创新年度大事记", count: 30)
        let report = try report(title: title)
        do {
            _ = try LayoutTestSupport.document(report, layout: "brochure")
            Issue.record("a 270-character title fitted the cover")
        } catch let error as LayoutError {
            let cover = error.diagnostics.first { $0.message.contains("cover page") }
            #expect(cover?.code == "overflow")
            #expect(cover?.location?.line == 1)
            #expect(cover?.message.hasPrefix("the report: 'title' does not fit its frame on the cover page: ") == true)
            #expect(cover?.message.contains("too many") == true)
            #expect(cover?.hint?.contains("shrink") == true)
        }
    }

    @Test("a frame that may shrink sets a long title smaller instead of failing")
    func shrink() throws {
        let title = "二〇二三年度宁波市科技创新十件大事暨重大科技成果转化、创新平台建设与高新技术企业培育与科技金融服务体系建设工作的综合报告"
        let document = try LayoutTestSupport.document(try report(title: title), layout: "brochure")
        let cover = document.pages[0]
        let titleRuns = LayoutTestSupport.runs(cover).filter { $0.text.contains("二〇") || $0.text.contains("报告") }
        #expect(!titleRuns.isEmpty)
        let style = try LayoutTestSupport.spec("brochure").styles["cover-title"]!
        #expect(titleRuns.allSatisfy { $0.size < style.size && $0.size >= style.minSize }, "\(titleRuns.map { "\($0.size) \($0.text)" })")
    }
}
