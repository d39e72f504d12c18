import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// How diagnostics look: head line, excerpt with caret, hint, summary, colour, JSON.
@Suite("Diagnostic rendering")
struct RendererTests {
    let plain = DiagnosticRenderer(color: false)

    func at(_ line: Int, _ column: Int, file: String = "r.yaml") -> FolioModel.SourceLocation {
        FolioModel.SourceLocation(file: file, line: line, column: column)
    }

    @Test("the caret counts Chinese characters as two cells, combining marks as none")
    func caretUnderWideCharacters() {
        let d = Diagnostic(.error, code: "x", at: at(3, 8), "message", hint: "do this", sourceLine: "标题：年度报告 2022")
        #expect(plain.render(d) == """
        r.yaml:3:8: error: message
            标题：年度报告 2022
                          ^
            hint: do this

        """)
        let accent = Diagnostic(.error, code: "x", at: at(1, 4), "m", sourceLine: "e\u{301}te")
        #expect(plain.render(accent) == "r.yaml:1:4: error: m\n    e\u{301}te\n      ^\n")
    }

    @Test("a long line is cut around the caret")
    func longLine() {
        let line = String(repeating: "a", count: 150) + "X" + String(repeating: "b", count: 150)
        let d = Diagnostic(.error, code: "x", at: at(1, 151), "m", sourceLine: line)
        let expected = "r.yaml:1:151: error: m\n    …" + String(repeating: "a", count: 33) + "X" + String(repeating: "b", count: 64)
            + "…\n    " + String(repeating: " ", count: 34) + "^\n"
        #expect(plain.render(d) == expected)
    }

    @Test("tabs and control characters are shown so the caret lines up")
    func invisibleCharacters() {
        let d = Diagnostic(.error, code: "x", at: at(1, 4), "m", sourceLine: "\ta\u{1}b")
        #expect(plain.render(d) == "r.yaml:1:4: error: m\n     a␁b\n       ^\n")
    }

    @Test("all diagnostics sorted by file, line and column, then a summary")
    func sortedWithSummary() {
        let list: [Diagnostic] = [
            .warning("w", at: at(9, 1, file: "b.yaml"), "third"),
            .error("e", at: at(2, 5), "second"),
            .error("e", at: at(2, 1), "first"),
            .error("e", at: nil, "no place"),
        ]
        #expect(plain.render(list) == """
        error: no place
        r.yaml:2:1: error: first
        r.yaml:2:5: error: second
        b.yaml:9:1: warning: third
        3 errors, 1 warning

        """.replacingOccurrences(of: "r.yaml:2:1: error: first\nr.yaml:2:5: error: second\nb.yaml:9:1: warning: third",
                                 with: "b.yaml:9:1: warning: third\nr.yaml:2:1: error: first\nr.yaml:2:5: error: second"))
        #expect(DiagnosticRenderer.summary(errors: 1, warnings: 0) == "1 error")
        #expect(DiagnosticRenderer.summary(errors: 0, warnings: 2) == "2 warnings")
        #expect(plain.render([Diagnostic]()) == "")
    }

    @Test("colour marks severity, place, caret and hint; plain text has no escape codes")
    func colour() {
        let d = Diagnostic(.error, code: "x", at: at(1, 1), "bad", hint: "fix", sourceLine: "x")
        let e = "\u{1B}["
        #expect(DiagnosticRenderer(color: true).render(d) == """
        \(e)1mr.yaml:1:1: \(e)0m\(e)1;31merror:\(e)0m \(e)1mbad\(e)0m
            x
            \(e)1;32m^\(e)0m
            \(e)1;36mhint:\(e)0m fix

        """)
        #expect(!plain.render([d]).contains("\u{1B}"))
    }

    @Test("colour only on a terminal, never under NO_COLOR or TERM=dumb")
    func colourDecision() {
        #expect(DiagnosticRenderer.useColor(isTerminal: true, environment: [:]))
        #expect(!DiagnosticRenderer.useColor(isTerminal: false, environment: [:]))
        #expect(!DiagnosticRenderer.useColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(DiagnosticRenderer.useColor(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!DiagnosticRenderer.useColor(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test("JSON: one sorted array with place, code and hint")
    func json() {
        let list: [Diagnostic] = [
            .warning("unknown-key", at: at(4, 3), "unknown key `x`", hint: "did you mean `y`?"),
            .error("no-report", at: nil, "no report"),
        ]
        #expect(DiagnosticRenderer.json(list) == """
        [
          {
            "code" : "no-report",
            "message" : "no report",
            "severity" : "error"
          },
          {
            "code" : "unknown-key",
            "column" : 3,
            "file" : "r.yaml",
            "hint" : "did you mean `y`?",
            "line" : 4,
            "message" : "unknown key `x`",
            "severity" : "warning"
          }
        ]
        """)
        #expect(DiagnosticRenderer.json([]) == "[\n\n]")
    }

    @Test("every message is one line of bounded length, whatever value it echoes")
    func boundedMessages() {
        let huge = String(repeating: "x", count: 10_000)
        let d = Diagnostic.error("bad-value", at: nil, "colour 'deep' is '\(huge)', not #RRGGBB", hint: "a\nb")
        #expect(d.message == "colour 'deep' is '" + String(repeating: "x", count: 40) + "…', not #RRGGBB")
        #expect(d.hint == "a⏎b")
        #expect(Diagnostic.error("x", at: nil, "kind '\u{0}' is wrong").message == "kind '�' is wrong")
        #expect(Diagnostic.error("x", at: nil, String(repeating: "y ", count: 400)).message.count == Diagnostic.maxMessage + 1)
        let apostrophe = "Folio's set lacks 'SimSun'" + String(repeating: "; more words", count: 50)
        #expect(Diagnostic.error("x", at: nil, apostrophe).message.hasPrefix("Folio's set lacks 'SimSun'; more words"))
    }

    @Test("diagnostics from layout steps get their source line from the file")
    func sourceLinesFromFiles() throws {
        let dir = TestSupport.temporaryDirectory("lines")
        let path = (dir as NSString).appendingPathComponent("f.yaml")
        try "one\r\ntwo\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        let filled = [Diagnostic.error("x", at: FolioModel.SourceLocation(file: path, line: 2, column: 1), "m")].withSourceLines()
        #expect(filled.first?.sourceLine == "two")
    }
}
