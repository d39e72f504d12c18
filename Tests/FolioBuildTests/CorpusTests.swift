import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// The corpus (Tests/Corpus): reports unlike the default one — 1, 3, 10, 30 and 200
/// events, long titles and publishers, photos, every chart kind. Each must check with
/// zero errors on both brochure layouts and every card preset (`Builder.check` lays out
/// every page and every card without rendering).
@Suite("Corpus")
struct CorpusTests {
    static let reports = ["lanshan-2025", "tingzhou-2023", "qinglan-2024", "haicheng-2024", "donglin-2025"]
    static let layouts = ["brochure", "brochure-16k"]

    static func directory(_ name: String) -> String { TestSupport.path("Tests/Corpus/\(name)") }

    @Test("every corpus report loads and has the number of events its name promises")
    func loads() throws {
        let counts = ["lanshan-2025": 1, "tingzhou-2023": 3, "qinglan-2024": 10, "haicheng-2024": 30, "donglin-2025": 200]
        for name in Self.reports {
            let result = ReportLoader().load(directory: Self.directory(name))
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(name): \(errors.map(\.description))")
            #expect(result.report?.events.count == counts[name], "\(name)")
        }
    }

    @Test("every corpus report checks with zero errors on every layout and card preset",
          arguments: CorpusTests.reports, CorpusTests.layouts)
    func checks(report: String, layout: String) throws {
        let builder = Builder(resources: Resources(root: TestSupport.root))
        // The cards do not depend on the brochure layout: lay them out once per report.
        let options = BuildOptions(reportDirectory: Self.directory(report), layout: layout, cards: layout == "brochure")
        do {
            _ = try builder.check(options)
        } catch BuildError.input(let diagnostics) {
            let errors = diagnostics.filter { $0.severity == .error }
            Issue.record("\(report) on \(layout): \(errors.count) errors:\n\(errors.prefix(12).map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("a 20000×20000 JPEG is refused with a limit error before it is decoded")
    func hugeImage() throws {
        let dir = TestSupport.temporaryDirectory("huge") + "/lanshan"
        try FileManager.default.copyItem(atPath: Self.directory("lanshan-2025"), toPath: dir)
        let path = dir + "/images/chip-plant.jpg"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The baseline frame header (FF C0): length, precision, then height and width.
        let sof = try #require((0..<bytes.count - 9).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        for (offset, value) in [(sof + 5, 20_000), (sof + 7, 20_000)] {
            bytes[offset] = UInt8(value >> 8)
            bytes[offset + 1] = UInt8(value & 0xFF)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var diagnostics: [Diagnostic] = []
        do {
            _ = try Builder(resources: Resources(root: TestSupport.root)).check(BuildOptions(reportDirectory: dir))
        } catch BuildError.input(let d) {
            diagnostics = d
        }
        let limit = diagnostics.filter { $0.code == "bad-image" && $0.message.contains("megapixels") }
        #expect(limit.count == 1, "\(diagnostics.map(\.description))")
        #expect(limit.first?.message.contains("20000×20000") == true)
        #expect(limit.first?.location?.file.hasSuffix("report.yaml") == true)
    }
}
