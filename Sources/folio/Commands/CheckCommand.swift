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
          folio check Reports/ningbo-2022 --diagnostics json
        """
    )

    @Argument(help: "The report folder (it holds report.yaml).", completion: .directory)
    var report: String

    @Option(name: .long, help: "Brochure layout to check against (default: the report's).")
    var layout: String?

    @Option(name: .long, help: "Card presets to check, comma-separated (default: the report's, else all).")
    var cards: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = Console(output)
        let resources = console.resources(writes: false)
        let options = BuildOptions(reportDirectory: report, layout: layout,
                                   cardPresets: cards.map { $0.split(separator: ",").map(String.init) })
        do {
            let warnings = try Builder(resources: resources).check(options)
            console.diagnostics(warnings)
            console.info("\(DisplayPath.relative(report)): no errors")
        } catch {
            console.fail(error, writes: false)
        }
    }
}
