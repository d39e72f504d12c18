import FolioTestSupport
import Foundation
import Testing

/// One mistake, one diagnostic, in the right place — through the real binary.
@Suite("One mistake, one diagnostic")
struct OneMistakeTests {
    static let event = """
    events:
      - id: first
        title: 第一件
        body: [正文]

    """

    static func check(_ yaml: String) throws -> (status: Int32, stderr: String, items: [[String: Any]]) {
        let dir = CLI.workspace(yaml)
        let text = try CLI.run(["check", "report"], cwd: dir)
        let json = try CLI.run(["check", "report", "--diagnostics", "json"], cwd: dir)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        return (text.status, text.stderr, items)
    }

    @Test("a chart with a bad kind is one error: the event naming it does not get a second one")
    func badChartKind() throws {
        let yaml = Checking.minimalHead + Self.event + "    charts: [hitech-total]\n" + """
        charts:
          - id: hitech-total
            title: 高新技术企业总数
            kind: column
            categories: ["2021", "2022"]
            series:
              - {name: 企业, values: [3886, 5300]}

        """
        let r = try Self.check(yaml)
        #expect(r.status == 1)
        #expect(r.items.count == 1, "\(r.stderr)")
        #expect(r.items.first?["code"] as? String == "bad-value")
        #expect(!r.stderr.contains("not among the report's charts"))
        // A chart that is really missing is still reported.
        let missing = try Self.check(Checking.minimalHead + Self.event + "    charts: [nowhere]\n")
        #expect(missing.items.map { $0["code"] as? String } == ["unknown-chart"])
    }

    @Test("a misspelt optional key is an error (its value would be lost); a key unlike any known one stays a warning")
    func misspeltOptionalKey() throws {
        let figure = try Self.check(Checking.minimalHead + Self.event + "    figure:\n      - {value: \"9\", label: 项目}\n")
        #expect(figure.status == 1, "the build must not go on without the figures")
        #expect(figure.items.count == 1)
        #expect(figure.items.first?["code"] as? String == "misspelt-key")
        #expect(figure.items.first?["severity"] as? String == "error")
        #expect(figure.items.first?["line"] as? Int == 9)
        #expect(figure.items.first?["hint"] as? String == "rename it to `figures:`")
        let other = try Self.check(Checking.minimalHead + Self.event + "    remark: 内部备注\n")
        #expect(other.status == 0)
        #expect(other.items.map { $0["code"] as? String } == ["unknown-key"])
        #expect(other.items.first?["severity"] as? String == "warning")
        // Short keys allow one edit only: `dote` is `date`, `ab` is nothing in particular.
        #expect(try Self.check(Checking.minimalHead + Self.event + "    dote: 2022\n").items.first?["code"] as? String == "misspelt-key")
        #expect(try Self.check(Checking.minimalHead + Self.event + "    ab: 1\n").items.first?["code"] as? String == "unknown-key")
    }

    @Test("a missing required key whose misspelling is there: one error, at the misspelt key")
    func misspeltRequiredKey() throws {
        let yaml = Checking.minimalHead.replacingOccurrences(of: "publisher:", with: "publsher:") + Self.event
        let r = try Self.check(yaml)
        #expect(r.status == 1)
        #expect(r.items.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("""
        report/report.yaml:2:1: error: `publsher` looks like `publisher`, which the report needs
            publsher: 科技局
            ^
            hint: rename it to `publisher:`
        """), "\(r.stderr)")
        // `published` is a key of its own: a missing `publisher` is not blamed on it.
        let other = try Self.check(Checking.minimalHead.replacingOccurrences(of: "publisher: 科技局\n", with: "") + Self.event)
        #expect(other.items.first?["line"] as? Int == 1)
        #expect((other.items.first?["message"] as? String)?.contains("the report has no `publisher`") == true)
    }

    @Test("the caret of a missing-glyph error points at the character, not at the start of the value")
    func caretAtTheCharacter() throws {
        let yaml = Checking.minimalHead + Self.event.replacingOccurrences(of: "title: 第一件", with: "title: 第一\u{30000}件")
        let r = try Self.check(yaml)
        #expect(r.status == 1)
        let item = try #require(r.items.first { $0["code"] as? String == "missing-glyph" })
        #expect(item["line"] as? Int == 7)
        #expect(item["column"] as? Int == 14, "title: at column 5, the value at 12, the character two further")
        // In a paragraph written over several lines, the caret finds the line.
        let body = Checking.minimalHead + """
        events:
          - id: first
            title: 第一件
            body:
              - >-
                第一行文字
                第二行有\u{30000}字

        """
        let multi = try Self.check(body)
        let glyph = try #require(multi.items.first { $0["code"] as? String == "missing-glyph" })
        #expect(glyph["line"] as? Int == 11)
        #expect(glyph["column"] as? Int == 13)
    }
}
