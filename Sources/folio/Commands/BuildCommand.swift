import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Make the brochure PDF and the social cards of a report.",
        discussion: """
        Only outputs whose inputs changed are re-made; a failed build leaves the previous \
        outputs and manifest exactly as they were.

        Without a folder, the current folder is the report when it holds report.yaml. The \
        outputs go to out/<report folder name> in the current folder; when that would be \
        inside the report folder (you stand in it), to out/<name> in the nearest folder \
        above the report that has an out/ folder or a .git, else next to the report folder. \
        One build at a time writes into an output folder: another one waits for it.

        Examples:
          folio build Reports/ningbo-2022
          folio build                                    # inside a report folder
          folio build Reports/ningbo-2022 --out /tmp/nb --layout brochure-16k
          folio build Reports/ningbo-2022 --cards square,og --scale 2
        """
    )

    @OptionGroup var target: BuildTarget

    @Flag(name: .long, help: "Re-make every output, changed or not.")
    var force = false

    @Option(name: .long, help: "The print file's printing condition: fogra39 (default), fogra29, gracol or swop.")
    var condition: String?

    @Flag(name: .long, help: "Skip the cards.")
    var noCards = false

    @Flag(name: .long, help: "Skip the brochure.")
    var noBrochure = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let console = Console(output)
        var options = try target.options(command: "build")
        let resources = console.resources(writes: true)
        options.force = force
        if let condition, !["fogra39", "fogra29", "gracol", "swop"].contains(condition.lowercased()) {
            throw ValidationError("--condition \(condition): use fogra39, fogra29, gracol or swop")
        }
        options.condition = condition?.lowercased()
        options.brochure = !noBrochure
        options.cards = !noCards
        let builder = Builder(resources: resources)
        builder.onWait = { console.waiting($0) }
        console.progress("reading \(DisplayPath.relative(options.reportDirectory))")
        do {
            let summary = try await builder.build(options) { p in
                switch p {
                case .laidOut(let pages): console.progress("laid out \(pages) pages")
                case .cardsRendered(let done, let total): console.progress("rendered \(done)/\(total) cards")
                case .writing: console.progress("writing")
                }
            }
            console.endProgress()
            console.diagnostics(summary.warnings)
            for path in summary.written { console.verbose("wrote \(DisplayPath.relative((summary.outputDirectory as NSString).appendingPathComponent(path)))") }
            for path in summary.removed { console.verbose("removed \(path)") }
            let dir = DisplayPath.relative(summary.outputDirectory)
            let time = String(format: "%.2fs", summary.seconds)
            if summary.written.isEmpty && summary.removed.isEmpty {
                console.info("\(dir): up to date (\(summary.unchanged.count) outputs) in \(time)")
            } else {
                var parts: [String] = []
                if summary.written.contains("brochure.pdf") { parts.append("brochure.pdf (\(summary.pages) pages)") }
                if summary.written.contains("brochure-print.pdf") { parts.append("brochure-print.pdf") }
                if summary.cards > 0 { parts.append("\(summary.cards) card\(summary.cards == 1 ? "" : "s")") }
                if !summary.removed.isEmpty { parts.append("removed \(summary.removed.count) stale") }
                console.info("wrote \(parts.joined(separator: ", ")) to \(dir)/ in \(time)")
            }
            try PreflightCommand.afterBuild(summary, console: console)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.fail(error, writes: true)
        }
    }
}
