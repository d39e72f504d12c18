import ArgumentParser
import Foundation

/// `folio`: turns a year's event data into a typeset Chinese brochure and social cards.
@main
struct Folio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Typeset a year's events as a print-ready Chinese brochure (PDF) and social cards (PNG).",
        discussion: """
        Examples:
          folio init Reports/ningbo-2023 --edition 2023   # a new report
          folio build Reports/ningbo-2023                 # → out/ningbo-2023/
          folio check Reports/ningbo-2023                 # validate only
          folio watch Reports/ningbo-2023                 # rebuild on every save

        Exit status: 0 success; 1 problems in the input (each reported as
        path:line:col); 2 wrong usage, or a broken environment (fonts, tools,
        an output folder that cannot be written).
        Shell completions: folio --generate-completion-script bash|zsh|fish
        """,
        version: "folio 0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, WatchCommand.self, ServeCommand.self,
                      FontsCommand.self, LayoutsCommand.self]
    )

    /// Runs the command, mapping usage errors to exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}
