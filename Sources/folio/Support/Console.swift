import FolioBuild
import FolioModel
import Foundation
import Synchronization

/// Writes what the user sees: diagnostics on standard error (or one JSON array on
/// standard output with `--diagnostics json`), progress on a terminal only, and a last
/// line saying what was written where.
struct Console: Sendable {
    let options: OutputOptions
    let renderer = DiagnosticRenderer.forStandardError()
    let isTerminal = isatty(2) != 0
    /// Whether a progress line is on the screen (to be erased before other output); the
    /// console is shared by a build's progress callbacks.
    private final class State: Sendable {
        let progressShown = Mutex(false)
    }
    private let state = State()

    init(_ options: OutputOptions) {
        self.options = options
    }

    /// Prints the diagnostics of a run: as text with a summary line on standard error, or
    /// as one JSON array (possibly empty) on standard output.
    func diagnostics(_ list: [Diagnostic]) {
        let list = list.withSourceLines()
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
        guard options.verbose, !options.quiet, options.diagnostics == .text else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Says that another process writes into the output folder and this one waits (on
    /// standard error, so standard output keeps its one last line).
    func waiting(_ holder: String) {
        guard !options.quiet else { return }
        endProgress()
        error("waiting for \(holder) to finish writing into the same output folder…")
    }

    /// A progress line that overwrites itself, on a terminal only.
    func progress(_ text: String) {
        guard isTerminal, !options.quiet, options.diagnostics == .text else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        state.progressShown.withLock { $0 = true }
    }

    func endProgress() {
        guard state.progressShown.withLock({ shown in defer { shown = false }; return shown }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// Diagnostic codes for trouble around Folio rather than in the input: exit status 2.
    static let environmentCodes: Set<String> = ["cannot-write", "environment", "no-resources"]

    /// Reports a failed run and exits: 1 for problems in the input, 2 for a broken
    /// environment (fonts, tools, an output folder that cannot be written). `writes` says
    /// whether the command writes files (then the user is told that nothing was).
    func fail(_ error: Error, writes: Bool) -> Never {
        endProgress()
        let shown: [Diagnostic]
        switch error {
        case BuildError.input(let list):
            shown = list
        case BuildError.io(let message):
            shown = [.error("cannot-write", at: nil, message, hint: "check the output folder's permissions and free space")]
        case BuildError.environment(let message):
            shown = [.error("environment", at: nil, message, hint: "run `make deps` to install what Folio needs")]
        case let d as Diagnostic:
            shown = [d]
        default:
            shown = [.error("internal", at: nil, "\(error)", hint: "this is a bug in Folio; please report it with the input")]
        }
        diagnostics(shown)
        if writes && options.diagnostics == .text {
            self.error("nothing was written; previous outputs are unchanged")
        }
        let errors = shown.filter { $0.severity == .error }
        exit(!errors.isEmpty && errors.allSatisfy { Self.environmentCodes.contains($0.code) } ? 2 : 1)
    }

    /// Folio's layouts and fonts, or a failed run.
    func resources(writes: Bool) -> Resources {
        switch Resources.locate() {
        case .success(let r):
            return r
        case .failure(let e):
            fail(Diagnostic.error("no-resources", at: nil, "\(e)", hint: e.hint), writes: writes)
        }
    }
}
