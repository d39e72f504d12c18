import FolioBuild
import FolioModel
import Foundation

/// Writes what the user sees: diagnostics on standard error, progress on a terminal
/// only, and a last line saying what was written where.
struct Console: Sendable {
    let options: OutputOptions
    let renderer = DiagnosticRenderer.forStandardError()
    let isTerminal = isatty(2) != 0

    init(_ options: OutputOptions) {
        self.options = options
    }

    func diagnostics(_ list: [Diagnostic]) {
        guard !list.isEmpty else { return }
        if options.diagnostics == .json {
            print(DiagnosticRenderer.json(list))
            return
        }
        let shown = options.quiet ? list.filter { $0.severity == .error } : list
        guard !shown.isEmpty else { return }
        error(renderer.render(shown), newline: false)
    }

    func error(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
    }

    func info(_ text: String) {
        guard !options.quiet, options.diagnostics == .text else { return }
        // Unbuffered, so a watching pipe sees each line as it happens.
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func verbose(_ text: String) {
        guard options.verbose, !options.quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A progress line that overwrites itself, on a terminal only.
    func progress(_ text: String) {
        guard isTerminal, !options.quiet, options.diagnostics == .text else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    func endProgress() {
        guard isTerminal, !options.quiet, options.diagnostics == .text else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// Reports a failed build and exits 1.
    func fail(_ error: Error) -> Never {
        endProgress()
        switch error {
        case BuildError.input(let list):
            diagnostics(list)
            if options.diagnostics == .text {
                self.error("nothing was written; previous outputs are unchanged")
            }
        default:
            self.error("error: \(error)")
            self.error("nothing was written; previous outputs are unchanged")
        }
        exit(1)
    }
}
