import ArgumentParser
import FolioBuild

/// What `build` and `watch` make: the report, where the outputs go, the layout, the card
/// presets and their pixel density, and whether a print file is made.
struct BuildTarget: ParsableArguments {
    @Argument(help: "The report folder, or its report.yaml (default: the current folder, when it holds report.yaml).",
              completion: .directory)
    var report: String?

    @Option(name: .shortAndLong, help: "Output folder (default: out/<report folder name>, never inside the report folder).",
            completion: .directory)
    var out: String?

    @Option(name: .long, help: "Brochure layout from Layouts/ (default: the report's, else brochure).")
    var layout: String?

    @Option(name: .long, help: "Card presets, comma-separated (default: the report's cards:, else all).")
    var cards: String?

    @Option(name: .long, help: "Card pixel density: 2 renders at twice the pixels.")
    var scale: Double = 1

    @Flag(name: .long, help: "Also write brochure-print.pdf (PDF/X, CMYK) for the printer.")
    var print = false

    @Flag(name: .long, help: "Add crop and registration marks to the print file (implies --print).")
    var marks = false

    @Flag(name: .long, help: "Make brochure.pdf PDF/A-2u (for archiving) as well as PDF/UA-1.")
    var archive = false

    func validate() throws {
        guard scale >= 0.25 && scale <= 4 else {
            throw ValidationError("--scale must be between 0.25 and 4, e.g. --scale 2 for high-density screens")
        }
        try CommandLineValues.checkNames(layout: layout, cards: cards)
    }

    /// The report folder: the one given (or the folder of the report.yaml given), else the current one.
    func reportFolder(command: String) throws -> String {
        try CommandLineValues.reportFolder(report, command: command)
    }

    /// The build options, with the report folder as typed (the current folder when none
    /// is): for commands that resolve it themselves. `options(command:)` is stricter.
    var options: BuildOptions {
        if let options = try? options(command: "build") { return options }
        var options = BuildOptions(reportDirectory: report ?? ".", outputDirectory: out, layout: layout,
                                   cardPresets: cards.map(CommandLineValues.list), scale: scale, print: print || marks, marks: marks)
        options.archive = archive
        return options
    }

    /// The build options for this target; the rest keep their defaults unless changed.
    /// Throws a usage error when no folder is given and the current one holds no report.yaml.
    func options(command: String) throws -> BuildOptions {
        var options = BuildOptions(reportDirectory: try reportFolder(command: command), outputDirectory: out, layout: layout,
                                   cardPresets: cards.map(CommandLineValues.list), scale: scale, print: print || marks, marks: marks)
        options.archive = archive
        return options
    }
}
