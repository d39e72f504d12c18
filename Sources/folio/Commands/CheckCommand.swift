import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a report without writing anything.",
        discussion: """
        Checks the data, the layout and card presets it uses, the fonts, and that every \
        text fits its frame. Every problem is reported at once as path:line:col.

        Examples:
          folio check Reports/ningbo-2022
          folio check                                   # inside a report folder
          folio check Reports/ningbo-2022 --diagnostics json
        """
    )

    @Argument(help: "The report folder, or its report.yaml (default: the current folder, when it holds report.yaml).",
              completion: .directory)
    var report: String?

    @Option(name: .long, help: "Brochure layout to check against (default: the report's).")
    var layout: String?

    @Option(name: .long, help: "Card presets to check, comma-separated (default: the report's, else all).")
    var cards: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try CommandLineValues.checkNames(layout: layout, cards: cards)
    }

    func run() throws {
        let console = Console(output)
        let report = try CommandLineValues.reportFolder(self.report, command: "check")
        let resources = console.resources(writes: false)
        let options = BuildOptions(reportDirectory: report, layout: layout, cardPresets: cards.map(CommandLineValues.list))
        do {
            let warnings = try Builder(resources: resources).check(options)
            console.diagnostics(warnings)
            console.info("\(DisplayPath.relative(report)): no errors")
        } catch {
            console.fail(error, writes: false)
        }
    }
}
