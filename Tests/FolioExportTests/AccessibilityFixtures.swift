import FolioCore
@testable import FolioExport
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

/// Screen brochures of several reports and layouts, written once, and readers for what
/// PDF/UA asks of them: the two PyPI checkers run as processes, and a structure reader of
/// our own over qpdf's JSON, so a broken rule fails even where the checkers are lenient.
enum AccessibilityFixtures {
    static let directory = TestSupport.temporaryDirectory("accessibility")

    /// A report unlike the default: 24 events (the contents runs onto a second page),
    /// long titles mixing Han, Latin and digits.
    static let generatedReport: Result<Report, Error> = Result {
        // Each event's paragraph numbered: the generated events repeat the default report's ten
        // paragraphs word for word, and in one flow of events the same line would fall at the
        // top of every seventh page — a running head to the checkers, not a real report's text.
        var n = 0
        let yaml = TestSupport.generatedReportYAML(events: 24, longTitles: true, paragraphs: 1)
            .split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasPrefix("      - \"") else { return String(line) }
                n += 1
                return "      - \"（\(n)）" + line.dropFirst(9)
            }.joined(separator: "\n")
        let loaded = TestSupport.loadReport(yaml: yaml)
        guard let report = loaded.report else { throw LayoutError(loaded.diagnostics) }
        return report
    }

    static let imagesReport: Result<Report, Error> = Result {
        let loaded = ReportLoader().load(directory: TestSupport.path("Tests/Fixtures/with-images"))
        guard let report = loaded.report else { throw LayoutError(loaded.diagnostics) }
        return report
    }

    /// The laid-out document of `report` in `layout`.
    static func document(_ report: Report, layout: String) throws -> Document {
        let (loaded, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: layout, card: false)
        guard let spec = loaded else { throw LayoutError(diagnostics) }
        let typesetter = try Typesetter(spec: spec, composer: Composer(fonts: TestSupport.fonts))
        return try BrochureLayout(typesetter: typesetter).document(for: report)
    }

    /// Writes the screen PDF of `report` in `layout` as `name`.pdf; returns its path.
    static func brochure(_ report: Report, layout: String, name: String) throws -> String {
        let data = try PDFExporter().export(document(report, layout: layout))
        let path = (directory as NSString).appendingPathComponent(name + ".pdf")
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return path
    }

    // MARK: - The checkers

    struct Verdict {
        var errors: Int
        var warnings: Int
        var output: String
    }

    /// Runs a checker installed by `make test-deps`; a missing one is an error that says so.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try TestSupport.run(tool, arguments)
        if result.status == 127 || result.stderr.contains("No such file or directory") && result.stdout.isEmpty {
            throw CheckerMissing(tool: tool)
        }
        return (result.status, result.stdout + result.stderr)
    }

    struct CheckerMissing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) is not installed: run `make test-deps` (it installs the PDF checkers from PyPI and Debian)" }
    }

    /// `outloud FILE`: its first line is `PASS|FAIL|REVIEW FILE: N error(s), M warning(s), …`.
    static func outloud(_ path: String) throws -> Verdict {
        let (_, output) = try run("outloud", [path])
        return Verdict(errors: count(output, before: " error(s)") ?? -1, warnings: count(output, before: " warning(s)") ?? -1,
                       output: output)
    }

    /// `pdfua check FILE`: a line `result: … errors=N warnings=M …`.
    static func pdfua(_ path: String) throws -> Verdict {
        let (_, output) = try run("pdfua", ["check", path])
        return Verdict(errors: count(output, after: "errors=") ?? -1, warnings: count(output, after: "warnings=") ?? -1,
                       output: output)
    }

    /// The number just before the first `marker`.
    static func count(_ text: String, before marker: String) -> Int? {
        guard let r = text.range(of: marker) else { return nil }
        return Int(String(text[..<r.lowerBound].reversed().prefix { $0.isNumber }.reversed()))
    }

    /// The number just after the first `marker`.
    static func count(_ text: String, after marker: String) -> Int? {
        guard let r = text.range(of: marker) else { return nil }
        return Int(String(text[r.upperBound...].prefix { $0.isNumber }))
    }

    // MARK: - Text of a page, three ways

    static func poppler(_ path: String, page: Int) throws -> String {
        try run("pdftotext", ["-f", String(page), "-l", String(page), path, "-"]).output
    }

    static func mupdf(_ path: String, page: Int) throws -> String {
        let result = try TestSupport.run("mutool", ["draw", "-q", "-F", "txt", "-o", "-", path, String(page)])
        if result.status == 127 { throw CheckerMissing(tool: "mutool (Debian mupdf-tools)") }
        return result.stdout
    }

    static func pdfium(_ path: String, page: Int) throws -> String {
        let script = "import sys, pypdfium2 as p; sys.stdout.write(p.PdfDocument(sys.argv[1])[int(sys.argv[2])].get_textpage().get_text_range())"
        let result = try TestSupport.run("python3", ["-c", script, path, String(page - 1)])
        if result.stderr.contains("No module named") { throw CheckerMissing(tool: "pypdfium2") }
        return result.stdout
    }

    /// Spaces between a Han character and a Latin letter or digit, or the other way round:
    /// spaces a reader invented where the layout left a ¼-em gap (the data has none).
    static func inventedSpaces(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        for i in scalars.indices.dropFirst().dropLast() where scalars[i] == " " {
            let a = scalars[i - 1], b = scalars[i + 1]
            let han = { (s: Unicode.Scalar) in s.properties.isIdeographic }
            let latin = { (s: Unicode.Scalar) in s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
            if (han(a) && latin(b)) || (latin(a) && han(b)) {
                found.append(String(String.UnicodeScalarView(scalars[max(0, i - 4)..<min(scalars.count, i + 5)])))
            }
        }
        return found
    }
}
