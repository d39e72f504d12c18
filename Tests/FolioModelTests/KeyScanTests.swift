@testable import FolioModel
import Testing

/// The scan that refuses complex keys before parsing must not mistake text for keys.
@Suite("Complex-key scan")
struct KeyScanTests {
    func scan(_ text: String) -> KeyScan.Finding? { KeyScan(text: text).firstComplexKey() }

    @Test("text that merely looks like YAML syntax is left alone")
    func noFalsePositives() {
        let texts = [
            "title: What ? Yes\nsummary: a * b: c is math\n",
            "body:\n  - \"引用[1]: 见注\"\n  - '[x]: y'\n  - 'it''s [a]: b'\n",
            "body:\n  - |\n    [1]: 一\n    *a: 二\n    ? 三\n  - >-\n    {x}: y\nnext: 1\n",
            "- key: |\n    [1]: x\n  title: t\n",
            "title: 第一行\n  [注1]: 继续\n",
            "body:\n  - 这是第一行\n    [注1] 第二行 ? 是\n",
            "title: x # [a]: b ? c\n",
            "figures: [{value: \"9\", label: x}, {value: '[1]', label: y}]\n",
            "a: &x [1, 2]\nb: *x\nc: [*x, *x]\nd: {e: *x}\n",
            "%YAML 1.1\n---\ntitle: x\n...\n",
            "url: [http://example.com/a?b=c]\n",
            "text: \"escaped \\\" [a]: b\"\n",
        ]
        for text in texts {
            #expect(scan(text) == nil, "\(text)")
        }
    }

    @Test("aliases, collections and explicit keys used as keys are found where they start")
    func findings() {
        #expect(scan("*a : 1\n") == KeyScan.Finding(kind: .aliasKey, line: 1, column: 1))
        #expect(scan("x:\n  - *a: 1\n") == KeyScan.Finding(kind: .aliasKey, line: 2, column: 5))
        #expect(scan("[a, b]: 1\n") == KeyScan.Finding(kind: .collectionKey, line: 1, column: 1))
        #expect(scan("x: {{a: 1}: 2}\n") == KeyScan.Finding(kind: .collectionKey, line: 1, column: 5))
        #expect(scan("x: {[a]:1}\n") == KeyScan.Finding(kind: .collectionKey, line: 1, column: 5))
        #expect(scan("? a\n: b\n") == KeyScan.Finding(kind: .explicitKey, line: 1, column: 1))
        #expect(scan("x: [{\n  *a\n  : 1}]\n") == KeyScan.Finding(kind: .aliasKey, line: 2, column: 3))
        #expect(scan("body: |\n  text\nnext:\n  [*a]: 1\n") == KeyScan.Finding(kind: .collectionKey, line: 4, column: 3))
    }
}
