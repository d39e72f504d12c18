import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Byte-order marks, line ends, encodings and invisible characters.
@Suite("Text and encoding diagnostics")
struct TextTests {
    let yaml = Checking.minimalHead + "remark: x\n" + Checking.minimalEvents
    let expected = """
    report.yaml:5:1: warning: unknown key `remark` in the report is ignored
        remark: x
        ^
        hint: the keys of the report are `title`, `subtitle`, `publisher`, `edition`, `published`, `layout`, `intro`, `events`, `charts`, `cards`, `cover`, `source`, `short-title`, `short-publisher`
    1 warning

    """

    @Test("a byte-order mark is dropped: same report, same places")
    func byteOrderMark() {
        let bytes = Data([0xEF, 0xBB, 0xBF] + Array(yaml.utf8))
        #expect(Checking.output(bytes) == expected)
        let dir = Checking.folder(Data())
        #expect(Checking.load(bytes, directory: dir).report == Checking.load(yaml, directory: dir).report)
    }

    @Test("CRLF and lone CR line ends read like LF: same report, same places")
    func lineEnds() {
        let crlf = Data(yaml.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let cr = Data(yaml.replacingOccurrences(of: "\n", with: "\r").utf8)
        #expect(Checking.output(crlf) == expected)
        #expect(Checking.output(cr) == expected)
        let dir = Checking.folder(Data())
        #expect(Checking.load(crlf, directory: dir).report == Checking.load(yaml, directory: dir).report)
        #expect(Checking.load(cr).report?.events.first?.body == ["正文第一段。"])
    }

    @Test("GBK bytes: the first bad byte, its line and column, and how to convert")
    func notUTF8() {
        let gbk: [UInt8] = [196, 234, 182, 200, 177, 168, 184, 230] // 年度报告
        let bytes = Data(Array("publisher: 局\ntitle: ".utf8) + gbk + Array("\n".utf8))
        #expect(Checking.output(bytes) == """
        report.yaml:2:8: error: byte 0xC4 is not valid UTF-8; the file must be saved as UTF-8
            title: \u{FFFD}\u{FFFD}ȱ\u{FFFD}\u{FFFD}\u{FFFD}
                   ^
            hint: GBK and GB 18030 files must be converted, e.g. iconv -f GB18030 -t UTF-8
        1 error

        """)
    }

    @Test("UTF-16, with or without a byte-order mark, is named as such")
    func utf16() {
        let units = Array(yaml.utf16)
        let le = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [[0xFF, 0xFE] + le, [0xFE, 0xFF] + be, le, be] {
            #expect(Checking.output(Data(bytes)) == """
            report.yaml:1:1: error: the file is UTF-16; Folio reads UTF-8
                hint: save the file as UTF-8 in your editor (e.g. iconv -f UTF-16 -t UTF-8)
            1 error

            """)
        }
    }

    @Test("control characters: each named and shown, and the rest of the file is still checked")
    func controlCharacters() {
        let text = Checking.minimalHead + "subtitle: 副\u{8}标题\u{0}\nsource: 来源\u{2028}\nremark: x\n" + Checking.minimalEvents
        #expect(Checking.output(text) == """
        report.yaml:5:12: error: invisible control character U+0008 (backspace) in the text
            subtitle: 副␈标题␀
                        ^
            hint: delete it; such characters come in with text pasted from web pages and word processors
        report.yaml:5:15: error: invisible control character U+0000 (null) in the text
            subtitle: 副␈标题␀
                             ^
            hint: delete it; such characters come in with text pasted from web pages and word processors
        report.yaml:6:11: error: invisible control character U+2028 (line separator) in the text
            source: 来源\u{FFFD}
                        ^
            hint: delete it; such characters come in with text pasted from web pages and word processors
        report.yaml:7:1: warning: unknown key `remark` in the report is ignored
            remark: x
            ^
            hint: the keys of the report are `title`, `subtitle`, `publisher`, `edition`, `published`, `layout`, `intro`, `events`, `charts`, `cards`, `cover`, `source`, `short-title`, `short-publisher`
        3 errors, 1 warning

        """)
    }

    @Test("thousands of control characters make 20 diagnostics and one count")
    func manyControlCharacters() {
        let text = Checking.minimalHead + "intro:\n  - \"副" + String(repeating: "\u{1}", count: 5_000) + "标题\"\n" + Checking.minimalEvents
        let diagnostics = Checking.load(text).diagnostics
        #expect(diagnostics.count == 21)
        #expect(diagnostics.last?.message == "report.yaml has 4980 more invisible control characters")
        #expect(diagnostics.last?.location == nil)
    }
}
