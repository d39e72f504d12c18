import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Limits: file size, alias expansion ("billion laughs"), nesting, events, text length.
@Suite("Input limits")
struct LimitTests {
    /// A classic "billion laughs": nine levels of nine aliases each (9⁹ ≈ 387 million
    /// "lol"s if expanded), defined under keys the report does not know.
    static let laughs: String = {
        var y = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            y += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return y
    }()

    @Test("a file over the size limit is refused before it is read")
    func fileSize() throws {
        let dir = Checking.folder(Data(String(repeating: "# padding\n", count: 30).utf8))
        var diagnostics: [Diagnostic] = []
        let source = SourceFile.read(path: (dir as NSString).appendingPathComponent("report.yaml"), displayPath: "report.yaml",
                                     limits: InputLimits(maxFileBytes: 100), diagnostics: &diagnostics)
        #expect(source == nil)
        #expect(DiagnosticRenderer(color: false).render(diagnostics) == """
        report.yaml:1:1: error: the file has 300 bytes; the limit is 100 bytes
            hint: a report of a thousand events is about 2 MB; is this the right file?
        1 error

        """)
    }

    @Test("the defaults let a 1,000-event report load, with room to spare")
    func thousandEvents() throws {
        let yaml = TestSupport.generatedReportYAML(events: 1_000)
        let result = TestSupport.loadReport(yaml: yaml)
        #expect(result.diagnostics.isEmpty)
        #expect(result.report?.events.count == 1_000)
        let limits = InputLimits.default
        #expect(yaml.utf8.count * 2 < limits.maxFileBytes)
        #expect(1_000 * 2 < limits.maxEvents)
        // The longest paragraph and line of the default report are far below the limits.
        let report = TestSupport.defaultReport
        let longest = (report.intro + report.events.flatMap(\.body)).map(\.count).max() ?? 0
        #expect(longest * 10 < limits.maxParagraphCharacters)
        let longestLine = ([report.title, report.subtitle ?? ""] + report.events.flatMap { [$0.title, $0.summary ?? ""] }).map(\.count).max() ?? 0
        #expect(longestLine * 5 < limits.maxLineCharacters)
    }

    @Test("more events than the limit")
    func tooManyEvents() {
        let yaml = Checking.minimalHead + "events:\n" + (1...4).map { "  - {id: e\($0), title: 标题, body: [正文]}\n" }.joined()
        #expect(Checking.output(yaml, limits: InputLimits(maxEvents: 3)) == """
        report.yaml:6:3: error: the report has 4 events; the limit is 3
              - {id: e1, title: 标题, body: [正文]}
              ^
            hint: a brochure of that many events would run to thousands of pages; split the report
        1 error

        """)
    }

    @Test("a paragraph or a one-line text over its limit")
    func longText() {
        let yaml = Checking.minimalHead + "subtitle: 一二三四五六七八九十十一十二\nevents:\n  - id: a\n    title: 一\n    body:\n      - 一二三四五六七八九十十一\n"
        #expect(Checking.output(yaml, limits: InputLimits(maxParagraphCharacters: 10, maxLineCharacters: 12)) == """
        report.yaml:5:11: error: `subtitle` in the report has 14 characters; the limit is 12
            subtitle: 一二三四五六七八九十十一十二
                      ^
            hint: shorten it; running text belongs in paragraphs
        report.yaml:10:9: error: paragraph 1 of the body of event 1 (a) has 12 characters; the limit is 10
                  - 一二三四五六七八九十十一
                    ^
            hint: split it into several paragraphs
        2 errors

        """)
    }

    @Test("the one-line limit holds for every single value read, charts' included")
    func chartTitleLimit() {
        let yaml = Checking.minimalHead + "charts:\n  - id: c\n    title: " + String(repeating: "x", count: 1_001)
            + "\n    kind: kpi\n    series:\n      - {name: 年数, values: [2600]}\n" + Checking.minimalEvents
        #expect(Checking.load(yaml).diagnostics.map(\.message) == ["`title` in chart 1 (c) has 1001 characters; the limit is 1000"])
    }

    @Test("numbers beyond ±10^15 (a donut of 1e308 crashed the chart drawing) and whole numbers too large to hold")
    func hugeNumbers() {
        let yaml = Checking.minimalHead.replacingOccurrences(of: "edition: 2022", with: "edition: 99999999999999999999")
            + "charts:\n  - id: c\n    title: 构成\n    kind: donut\n    categories: [a, b]\n    series:\n      - {name: 数, values: [1e308, 1]}\n"
            + Checking.minimalEvents
        #expect(Checking.load(yaml).diagnostics.map(\.message) == [
            "`edition` in the report is `99999999999999999999`, which is far too large",
            "value 1 of series 1 ('数') of chart 1 (c) is `1e308`, beyond ±10^15",
        ])
    }

    @Test("billion laughs used as values: read without expanding, each wrong value reported")
    func laughsAsValues() {
        let yaml = Checking.minimalHead + Self.laughs + "intro: *i\n" + Checking.minimalEvents
        let result = Checking.load(yaml)
        #expect(result.report == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 9)
        #expect(errors.first?.message == "paragraph 1 of the foreword must be a single value, found a list")
        #expect(result.diagnostics.filter { $0.code == "unknown-key" }.count == 9)
    }

    @Test("billion laughs as keys (alias, list, mapping, explicit, across lines) are refused before parsing")
    func laughsAsKeys() {
        let cases: [(String, String)] = [
            ("events:\n  - *i : 1\n", "report.yaml:15:5: error: an alias (`*name`) may not be used as a key"),
            ("events:\n  - [*i, *i]: 1\n", "report.yaml:15:5: error: a list or mapping may not be used as a key"),
            ("events: [{[*i, *i]: 1}]\n", "report.yaml:14:11: error: a list or mapping may not be used as a key"),
            ("events:\n  - {*i : 1}\n", "report.yaml:15:6: error: an alias (`*name`) may not be used as a key"),
            ("events:\n  - {*i: 1}\n", "report.yaml:15:6: error: an alias (`*name`) may not be used as a key"),
            ("events:\n  - ? *i\n    : 1\n", "report.yaml:15:5: error: explicit keys (`? `) are not supported"),
            ("events: [{\n  *i\n  : 1}]\n", "report.yaml:15:3: error: an alias (`*name`) may not be used as a key"),
            ("events: [{\n  [*i, *i]\n  : 1}]\n", "report.yaml:15:3: error: a list or mapping may not be used as a key"),
            ("events:\n  - &k [*i, *i]: 1\n", "report.yaml:15:8: error: a list or mapping may not be used as a key"),
        ]
        for (tail, head) in cases {
            let yaml = Checking.minimalHead + Self.laughs + tail
            let output = Checking.output(yaml)
            #expect(output.hasPrefix(head + "\n"), "\(tail)")
            #expect(output.hasSuffix("1 error\n"), "\(tail)")
        }
    }

    @Test("a node budget stops any expansion that gets through")
    func nodeBudget() {
        let yaml = Checking.minimalHead + "x: &x [1, 2, 3, 4, 5, 6, 7, 8]\nevents: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n"
        let diagnostics = Checking.load(yaml, limits: InputLimits(maxNodes: 12)).diagnostics
        #expect(diagnostics.first { $0.code == "too-many-values" }?.message == "the file expands to more than 12 values")
    }

    @Test("nesting deeper than the parser's limit is an error; just below it reads fine")
    func nesting() {
        let deep = Checking.minimalHead + "intro: " + String(repeating: "[", count: 1_001) + "\n"
        #expect(Checking.load(deep).diagnostics.map(\.message) == ["lists and mappings are nested more than 1000 levels deep"])
        let shallow = Checking.minimalHead + "intro: " + String(repeating: "[", count: 990) + String(repeating: "]", count: 990) + "\n"
            + Checking.minimalEvents
        #expect(Checking.load(shallow).diagnostics.map(\.message) == ["paragraph 1 of the foreword must be a single value, found a list"])
    }
}
