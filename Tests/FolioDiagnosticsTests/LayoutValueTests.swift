import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Layout values the fuzzer found to crash or garble layout (Double→Int traps in the flow
/// engine, a negative prefix, Pango refusing sizes) are now diagnostics.
@Suite("Layout values out of range")
struct LayoutValueTests {
    /// Checks the default report against a copy of brochure.yaml with `from` replaced by `to`.
    func messages(_ from: String, _ to: String) throws -> [String] {
        let work = TestSupport.temporaryDirectory("layout-values")
        let home = try CLI.home(in: work)
        let path = (home as NSString).appendingPathComponent("Layouts/brochure.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(from))
        try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try Builder(resources: Resources(root: home)).check(BuildOptions(reportDirectory: TestSupport.path("Reports/ningbo-2022")))
            return []
        } catch BuildError.input(let list) {
            return list.filter { $0.severity == .error }.map(\.message)
        }
    }

    @Test("leadings, sizes and lengths far out of range, and negative limits")
    func outOfRange() throws {
        let title = "event-title: {font: sans-bold, size: 20pt, leading: 29pt"
        #expect(try messages(title, "event-title: {font: sans-bold, size: 20pt, leading: 1e308pt")
            == ["`leading` in style 'event-title' is `1e308pt`, which is out of range"])
        #expect(try messages(title, "event-title: {font: sans-bold, size: 20pt, leading: 199999999999999999999pt")
            == ["`leading` in style 'event-title' is `199999999999999999999pt`, which is out of range"])
        #expect(try messages(title, "event-title: {font: sans-bold, size: 20pt, leading: 0pt")
            == ["the leading of style `event-title` must be above 0"])
        #expect(try messages(title, "event-title: {font: sans-bold, size: -20pt, leading: 29pt")
            == ["the size of style `event-title` must be above 0pt and at most 1000pt"])
        let spacing = try messages("style: signature, space-before: 8mm", "style: signature, space-before: 1e308mm")
        #expect(spacing
            == ["`space-before` in block 5 is `1e308mm`, which is out of range"])
        #expect(try messages("{type: figures, columns: 3,", "{type: figures, columns: 3, limit: -1,")
            == ["`limit` in block 6 is -1; it must be 0 or more"])
    }
}
