import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Bad values of the keys issue 21 added: file:line:col errors with a hint.
@Suite("Copyfit and padding keys: errors")
struct CopyfitReaderTests {
    /// The diagnostics of the shipped brochure layout with `old` replaced by `new`.
    static func diagnostics(replacing old: String, with new: String) throws -> [Diagnostic] {
        let source = try String(contentsOfFile: TestSupport.path("Layouts/brochure.yaml"), encoding: .utf8)
        #expect(source.contains(old), "the layout has \(old)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-copyfit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.replacingOccurrences(of: old, with: new)
            .write(to: folder.appendingPathComponent("brochure.yaml"), atomically: true, encoding: .utf8)
        return LayoutLoader(directory: folder.path).load(name: "brochure", card: false).1
    }

    static func text(_ d: Diagnostic) -> String { "\(d) \(d.hint ?? "")" }

    static let copyfit = "copyfit: {spill: 35%, leading: 1.5pt, size: 0.5pt, tracking: 0.02, space: 50%}"

    @Test("the shipped copyfit reads without problems")
    func shipped() throws {
        #expect(try Self.diagnostics(replacing: Self.copyfit, with: Self.copyfit).isEmpty)
    }

    @Test("an unknown copyfit key, a bad otherwise, a share above 100 %", arguments: [
        ("copyfit: {spil: 35%}", "spil"),
        ("copyfit: {otherwise: spred}", "did you mean 'spread'"),
        ("copyfit: {space: 150%}", "share from 0% to 100%"),
        ("copyfit: {leading: -1pt}", "0 or more"),
        ("copyfit: {tracking: 2}", "0 to 0.25"),
    ])
    func badCopyfit(replacement: String, expected: String) throws {
        let problems = try Self.diagnostics(replacing: Self.copyfit, with: replacement)
        #expect(problems.contains { Self.text($0).contains(expected) && $0.location?.line != nil }, "\(problems)")
    }

    @Test("pad-with must name templates that exist")
    func badPadWith() throws {
        let problems = try Self.diagnostics(replacing: "pad-with: [summary, notes]", with: "pad-with: [sumary, notes]")
        #expect(problems.contains { Self.text($0).contains("sumary") && Self.text($0).contains("did you mean 'summary'") }, "\(problems)")
    }

    @Test("ends-open is yes or no; grow is for spacers, charts, contents and events")
    func badTemplateKeys() throws {
        let open = try Self.diagnostics(replacing: "ends-open: true\n    flow:", with: "ends-open: maybe\n    flow:")
        #expect(open.contains { Self.text($0).contains("ends-open") }, "\(open)")
        let grow = try Self.diagnostics(replacing: #"{type: text, content: "CONTENTS", style: kicker,"#,
                                        with: #"{type: text, content: "CONTENTS", style: kicker, grow: true,"#)
        #expect(grow.contains { Self.text($0).contains("may grow") }, "\(grow)")
    }
}
