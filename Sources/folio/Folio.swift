import ArgumentParser
import FolioGraphics
import FolioModel
import Foundation

/// `folio`: turns a year's event data into a typeset Chinese brochure and social cards.
@main
struct Folio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Typeset a year's events as a print-ready Chinese brochure (PDF) and social cards (PNG).",
        discussion: """
        Examples:
          folio init Reports/ningbo-2023 --edition 2023   # a new report
          folio build Reports/ningbo-2023                 # → out/ningbo-2023/
          folio check Reports/ningbo-2023                 # validate only
          folio watch Reports/ningbo-2023                 # rebuild on every save

        Inside a report folder, build, check, watch and fonts need no folder. Folio finds \
        its layouts and fonts next to its binary, in the repository it was built in, or in \
        ../share/folio (make install); FOLIO_HOME names another folder.

        Exit status: 0 success; 1 problems in the input (each reported as
        path:line:col); 2 wrong usage, or a broken environment (fonts, tools,
        an output folder that cannot be written).
        Shell completions: folio --generate-completion-script bash|zsh|fish
        """,
        version: "folio 0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, WatchCommand.self, ServeCommand.self,
                      FontsCommand.self, LayoutsCommand.self, PreflightCommand.self]
    )

    /// Runs the command, mapping usage errors to exit status 2 (as one JSON array on
    /// standard output under `--diagnostics json`).
    static func main() async {
        AllocatorTuning.apply()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let json = zip(arguments, arguments.dropFirst()).contains { $0 == ("--diagnostics", "json") }
            || arguments.contains("--diagnostics=json")
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
            if !names.contains(first) {
                let list = "the commands are \(names.dropLast().joined(separator: ", ")); folio --help describes them"
                let hint = Suggestions.closest(to: first, in: names).map { "did you mean '\($0)'? — \(list)" } ?? list
                usage("unknown command '\(first)'", hint: hint, full: "Error: unknown command '\(first)'\n    hint: \(hint)", json: json)
            }
        }
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run() // build, watch and serve
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .failure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            let lines = message(for: error).components(separatedBy: "\n")
            let hint = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("hint: ") }
            usage(lines[0], hint: hint.map { String($0.dropFirst(6)) }, full: fullMessage(for: error), json: json)
        }
    }

    /// Reports a wrong use of the command line and exits with status 2.
    static func usage(_ message: String, hint: String?, full: String, json: Bool) -> Never {
        if json {
            print(DiagnosticRenderer.json([.error("usage", at: nil, message, hint: hint)]))
        } else {
            FileHandle.standardError.write(Data((full + "\n").utf8))
        }
        Foundation.exit(2)
    }
}
