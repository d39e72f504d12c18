import ArgumentParser
import FolioBuild
import FolioModel
import FolioPreflight
import Foundation

struct PreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Check a PDF for print: PDF/X, bleed, fonts, colour, black text, ink, rules, images.",
        discussion: """
        Works on any PDF, not only Folio's. Prints a table of checks with the pages of \
        every problem, then each problem on a line of its own. Needs qpdf, poppler-utils \
        and ghostscript (the total ink is measured on Ghostscript's tiffsep separations).

        Exit status: 0 fit to print (warnings allowed); 1 problems found; 2 a tool is \
        missing or the file cannot be read.

        Examples:
          folio preflight out/ningbo-2022/brochure-print.pdf
          folio preflight other.pdf --pages-multiple 4 --ink-limit 280
        """
    )

    @Argument(help: "The PDF to check.")
    var file: String

    @Option(name: .long, help: "The page count must be a multiple of this (4 for saddle stitching).")
    var pagesMultiple: Int?

    @Option(name: .long, help: "Total ink limit in percent (default: the output intent's condition, e.g. 300 for FOGRA39).")
    var inkLimit: Double?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = Console(output)
        guard FileManager.default.isReadableFile(atPath: file) else {
            console.error("error: \(file): no such file")
            throw ExitCode(2)
        }
        let code = Self.preflight(file, options: .init(pageMultiple: pagesMultiple, inkLimit: inkLimit), console: console)
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the checks on `path`, prints the table (errors go to standard error even when
    /// quiet; `brief`: a clean file gets its last line only, the table with --verbose) and
    /// returns the exit status: 0 clean, 1 problems, 2 environment.
    static func preflight(_ path: String, options: Preflight.Options, console: Console, brief: Bool = false) -> Int32 {
        do {
            let report = try Preflight(options: options).check(path, displayName: DisplayPath.relative(path))
            if report.passed {
                let table = report.rendered()
                if brief {
                    let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    console.verbose(lines.dropLast().joined(separator: "\n"))
                    console.info(lines.last ?? "")
                } else {
                    console.info(table)
                }
                return 0
            }
            console.error(report.rendered())
            return 1
        } catch {
            console.error("error: \(error)")
            return 2
        }
    }

    /// After a build that wrote the print file: its preflight (exit status 1 when it fails).
    static func afterBuild(_ summary: BuildSummary, console: Console) throws {
        guard summary.written.contains("brochure-print.pdf") else { return }
        let path = (summary.outputDirectory as NSString).appendingPathComponent("brochure-print.pdf")
        let code = preflight(path, options: .init(pageMultiple: summary.pageMultiple), console: console, brief: true)
        if code != 0 { throw ExitCode(code) }
    }
}
