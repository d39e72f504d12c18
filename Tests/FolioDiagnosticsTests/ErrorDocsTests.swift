import FolioTestSupport
import Foundation
import Testing

/// docs/errors.md is the output of `ErrorCatalog` run through the real binary: this test
/// regenerates it and compares. After changing a message, run
/// `FOLIO_UPDATE_DOCS=1 swift test --filter ErrorDocsTests` and review the diff.
@Suite("Error documentation", .serialized)
struct ErrorDocsTests {
    static let docPath = TestSupport.path("docs/errors.md")

    /// Every code the sources can emit: `.error("code"`, `.warning("code"`, `error("code"`
    /// on a context, and `code: "code"`.
    static func codesInSources() throws -> Set<String> {
        let regex = try NSRegularExpression(pattern: #"(?:error|warning)\(\s*"([a-z0-9-]+)"|code: "([a-z0-9-]+)""#)
        var codes: Set<String> = []
        let sources = TestSupport.path("Sources")
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOfFile: (sources as NSString).appendingPathComponent(file), encoding: .utf8)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 where m.range(at: group).location != NSNotFound {
                    codes.insert(String(text[Range(m.range(at: group), in: text)!]))
                }
            }
        }
        return codes
    }

    @Test("every code the sources can emit is in the catalog, and every catalog code is emitted somewhere")
    func codesMatch() throws {
        let emitted = try Self.codesInSources()
        let documented = Set(ErrorCatalog.examples.map(\.code))
        #expect(emitted.subtracting(documented).sorted() == [], "emitted but not documented")
        #expect(documented.subtracting(emitted).sorted() == [], "documented but never emitted")
        #expect(ErrorCatalog.examples.count == documented.count, "a code is listed twice")
    }

    @Test("docs/errors.md is exactly what the examples print today")
    func documentIsCurrent() throws {
        let generated = try Self.generate()
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_DOCS"] == "1" {
            try FileManager.default.createDirectory(atPath: TestSupport.path("docs"), withIntermediateDirectories: true)
            try generated.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
        }
        let onDisk = (try? String(contentsOfFile: Self.docPath, encoding: .utf8)) ?? ""
        #expect(onDisk == generated, "docs/errors.md is out of date: run FOLIO_UPDATE_DOCS=1 swift test --filter ErrorDocsTests")
    }

    /// Codes for trouble around Folio rather than in its input, and for wrong use of the command line: exit status 2.
    static let environmentCodes: Set<String> = ["cannot-write", "environment", "no-resources", "usage"]

    @Test("each example produces its own code, with the documented severity and exit status (1 for input errors, 2 for the environment)")
    func examplesProduceTheirCodes() throws {
        for example in ErrorCatalog.examples {
            guard let run = try Self.run(example) else { continue }
            let status: Int32 = example.severity == "error" ? (Self.environmentCodes.contains(example.code) ? 2 : 1) : 0
            #expect(run.status == status, "\(example.code)")
            let json = try Self.run(example, json: true)
            let items = (try? JSONSerialization.jsonObject(with: Data((json?.stdout ?? "").utf8))) as? [[String: Any]] ?? []
            #expect(items.contains { $0["code"] as? String == example.code && $0["severity"] as? String == example.severity },
                    "\(example.code): \(run.stderr.prefix(400))")
        }
    }

    // MARK: - Running the examples

    /// Runs an example in a fresh workspace; nil when it has no example.
    static func run(_ example: ErrorExample, json: Bool = false) throws -> (status: Int32, stdout: String, stderr: String, workspace: String)? {
        guard let setup = example.setup else { return nil }
        let fm = FileManager.default
        let work = TestSupport.temporaryDirectory("errors")
        func write(_ relative: String, _ data: Data) throws {
            let path = (work as NSString).appendingPathComponent(relative)
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            fm.createFile(atPath: path, contents: data)
        }
        // Every example runs against its own copy of the built-in layout and card preset.
        let writesFonts: Bool
        if case .files(let files, _, _) = setup { writesFonts = files.keys.contains { $0.hasPrefix("folio/Fonts/") } } else { writesFonts = false }
        let home = try CLI.home(in: work, linkFonts: !writesFonts)
        switch setup {
        case .report(let text):
            try write("report/report.yaml", Data(text.utf8))
        case .bytes(let bytes, _):
            try write("report/report.yaml", Data(bytes))
        case .files(let files, let links, _):
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                if name.hasSuffix("/.keep") {
                    try fm.createDirectory(atPath: (work as NSString).appendingPathComponent((name as NSString).deletingLastPathComponent),
                                           withIntermediateDirectories: true)
                } else if text.hasPrefix("@copy ") {
                    try write(name, try Data(contentsOf: URL(fileURLWithPath: TestSupport.path(String(text.dropFirst(6))))))
                } else {
                    try write(name, Data(text.utf8))
                }
            }
            for (name, target) in links { try fm.createSymbolicLink(atPath: (work as NSString).appendingPathComponent(name), withDestinationPath: target) }
        case .generated(_, let make):
            try write("report/report.yaml", Data(make().utf8))
        }
        var environment = ["NO_COLOR": "1", "FOLIO_HOME": home]
        var executable = CLI.executable
        if example.homeless {
            // A copy of the binary far from any Layouts/, with no FOLIO_HOME.
            let bin = (work as NSString).appendingPathComponent("bin")
            try fm.createDirectory(atPath: bin, withIntermediateDirectories: true)
            executable = (bin as NSString).appendingPathComponent("folio")
            try fm.copyItem(atPath: CLI.executable, toPath: executable)
            environment["FOLIO_HOME"] = ""
        }
        let arguments = example.command + (json ? ["--diagnostics", "json"] : [])
        let r = try TestSupport.run(executable, arguments, cwd: work, environment: environment)
        return (r.status, r.stdout, r.stderr, work)
    }

    /// The whole of docs/errors.md.
    static func generate() throws -> String {
        var doc = """
        # Folio's diagnostics

        <!-- Generated by Tests/FolioDiagnosticsTests (ErrorCatalog + ErrorDocsTests) from the real
             `folio` binary. Do not edit by hand: change the catalog or the messages, then run
             FOLIO_UPDATE_DOCS=1 swift test --filter ErrorDocsTests -->

        `folio check` and `folio build` read everything first and report every problem they
        find in one go, sorted by file and line:

        ```text
        path:line:column: error|warning: what is wrong
            the line of the file
            ^ (under the place)
            hint: what to do
        N errors, M warnings
        ```

        - Errors stop the run: nothing is written, and the exit status is 1. Warnings
          (unknown keys, a derived figure without a note) are printed and the run goes on.
        - Trouble around Folio rather than in the input (`environment`, `no-resources`,
          `cannot-write`) exits with 2, as does wrong use of the command line (an unknown
          option, a missing argument).
        - Colour is used on a terminal only; `NO_COLOR=1`, `TERM=dumb` or a pipe give plain text.
        - `--diagnostics json` prints one JSON array on standard output instead, each item
          with `severity`, `code`, `message`, and `file`, `line`, `column`, `hint` when known.
        - A problem in a spreadsheet is placed at its cell, `path:sheet!cell` (`cell` in
          JSON), with the cell's content, and a `note:` at the report.yaml line that reads
          the file (`notes` in JSON); in a CSV file at `path:line:column`.
        - Values quoted in messages are cut to 40 characters; long source lines are cut
          around the caret; invisible characters are shown as ␀, ␈, � and so on.
        - Limits (far above what real reports need): files of 8 MiB, 1,000,000 YAML values
          after alias expansion, 1,000 levels of nesting, 5,000 events, paragraphs of 20,000
          characters, one-line texts of 1,000 characters, images of 32,767 pixels a side;
          data files of 16 MiB and 200,000 cells.

        The examples below were run in a folder holding `report/report.yaml` and a copy of
        Folio's built-in layout, card preset and fonts in `folio/` (`FOLIO_HOME=folio`).

        | code | severity | when | example input | output |
        |---|---|---|---|---|

        """
        var sections = ""
        for e in ErrorCatalog.examples {
            sections += "\n## \(e.code)\n\n\(e.meaning)\n\n"
            guard let setup = e.setup, let run = try run(e) else {
                sections += "No example: this should never happen.\n"
                doc += "| [`\(e.code)`](#\(e.code)) | \(e.severity) | \(cell(e.meaning)) | — | — |\n"
                continue
            }
            let example = try tableExample(e)
            doc += "| [`\(e.code)`](#\(e.code)) | \(e.severity) | \(cell(e.meaning)) | \(example.input) | \(cell(example.output)) |\n"
            let input: String
            switch setup {
            case .report(let text): input = "report/report.yaml:\n" + text
            case .bytes(_, let shown): input = "report/report.yaml:\n" + shown + "\n"
            case .files(_, _, let shown): input = shown + "\n"
            case .generated(let shown, _): input = "report/report.yaml:\n" + shown + "\n"
            }
            sections += "```yaml\n" + visible(input) + "```\n\n"
            var output = run.stderr + run.stdout
            output = output.replacingOccurrences(of: run.workspace, with: "/tmp/work")
                .replacingOccurrences(of: TestSupport.root, with: "/opt/folio")
            if e.abbreviate {
                let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 12 {
                    output = (lines.prefix(4) + ["…"] + lines.suffix(6)).joined(separator: "\n")
                }
            }
            sections += "```console\n$ folio \(e.command.joined(separator: " "))\n" + output + "$ echo $?\n\(run.status)\n```\n"
        }
        return doc + sections
    }

    /// The table's example: the offending line of the input (or what was done) and the
    /// first line the example prints for its code.
    static func tableExample(_ e: ErrorExample) throws -> (input: String, output: String) {
        guard let json = try run(e, json: true),
              let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]],
              let item = items.first(where: { $0["code"] as? String == e.code }) else { return ("—", "—") }
        let message = (item["message"] as? String ?? "").replacingOccurrences(of: json.workspace, with: "/tmp/work")
        guard let file = item["file"] as? String, let line = item["line"] as? Int, let column = item["column"] as? Int else {
            let what = e.command == ["check", "report"] ? shownFirstLine(e) : "`folio \(e.command.joined(separator: " "))`"
            return (what, "\(e.severity): \(message)")
        }
        if let cellName = item["cell"] as? String { // a spreadsheet's cell: no text line to show
            return (shownFirstLine(e), "\(file.replacingOccurrences(of: json.workspace + "/", with: "")):\(cellName): \(e.severity): \(message)")
        }
        let path = file.hasPrefix("/") ? file : (json.workspace as NSString).appendingPathComponent(file)
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        let lines = String(decoding: bytes.prefix(200_000), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var source = line <= lines.count ? String(lines[line - 1]).trimmingCharacters(in: .whitespaces) : ""
        if source.count > 50 { source = String(source.prefix(50)) + "…" }
        let shownFile = file.replacingOccurrences(of: json.workspace + "/", with: "")
        return (source.isEmpty ? "(empty line)" : code(visible(source)), "\(shownFile):\(line):\(column): \(e.severity): \(message)")
    }

    static func shownFirstLine(_ e: ErrorExample) -> String {
        if e.homeless { return "(no Layouts/ in reach, no FOLIO_HOME)" }
        guard let setup = e.setup else { return "—" }
        let shown: String
        switch setup {
        case .files(_, _, let s), .generated(let s, _): shown = s
        default: return "—"
        }
        let lines = shown.split(separator: "\n").map(String.init)
        guard let first = lines.first else { return "—" }
        // "file:" then its first line.
        return first.hasSuffix(":") && lines.count > 1 ? "\(first) \(code(lines[1]))" : cell(first)
    }

    /// Text for a table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// An inline code span that survives backticks inside.
    static func code(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "|", with: "\\|")
        return text.contains("`") ? "`` \(escaped) ``" : "`\(escaped)`"
    }

    /// Control characters made visible for the document.
    static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s -> Unicode.Scalar in
            s.value < 0x20 && s.value != 0x0A ? Unicode.Scalar(0x2400 + s.value)! : s
        }))
    }
}
