import ArgumentParser
import FolioBuild

/// What `build` and `watch` make: the report, where the outputs go, the layout, the card
/// presets and their pixel density.
struct BuildTarget: ParsableArguments {
    @Argument(help: "The report folder (it holds report.yaml).", completion: .directory)
    var report: String

    @Option(name: .shortAndLong, help: "Output folder (default: out/<report folder name>).", completion: .directory)
    var out: String?

    @Option(name: .long, help: "Brochure layout from Layouts/ (default: the report's, else brochure).")
    var layout: String?

    @Option(name: .long, help: "Card presets, comma-separated (default: the report's cards:, else all).")
    var cards: String?

    @Option(name: .long, help: "Card pixel density: 2 renders at twice the pixels.")
    var scale: Double = 1

    func validate() throws {
        guard scale >= 0.25 && scale <= 4 else { throw ValidationError("--scale must be between 0.25 and 4") }
        if let cards, cards.split(separator: ",").isEmpty { throw ValidationError("--cards needs at least one preset") }
    }

    /// The build options for this target; the rest keep their defaults unless changed.
    var options: BuildOptions {
        BuildOptions(reportDirectory: report, outputDirectory: out, layout: layout,
                     cardPresets: cards.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                     scale: scale)
    }
}
