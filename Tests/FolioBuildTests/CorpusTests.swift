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
}
