import ArgumentParser

/// How diagnostics are printed.
enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Options every command that reads a report shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every output written and every step.")
    var verbose = false

    @Option(name: .long, help: "Diagnostics as text (default) or json, for editors and scripts.")
    var diagnostics: DiagnosticsFormat = .text
}
