import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

/// Set from the signal handler when the user presses Ctrl-C.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild a report whenever its data, images, layouts or fonts change.",
        discussion: """
        Builds once, then watches the report folder, the layouts and the fonts. Each burst \
        of saves rebuilds what changed and prints one line: what changed, what was re-made, \
        how long it took. A broken save prints its diagnostics and keeps the last good \
        outputs. Ctrl-C stops.

        Examples:
          folio watch Reports/ningbo-2022
          folio watch Reports/ningbo-2022 --cards square --out /tmp/preview
        """
    )

    @OptionGroup var target: BuildTarget

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = Console(output)
        let resources: Resources
        switch Resources.locate() {
        case .success(let r): resources = r
        case .failure(let e): console.error("error: \(e)"); throw ExitCode(2)
        }
        let options = target.options
        // A parent (a test runner, a build tool) may have left these blocked; we need them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        let session = WatchSession(builder: Builder(resources: resources), options: options)
        try session.run(shouldStop: { stopRequested != 0 }) { event in
            let stamp = Self.clock()
            switch event {
            case .watching(let roots):
                console.info("watching \(roots.joined(separator: ", ")) — Ctrl-C stops")
            case .built(let summary):
                console.diagnostics(summary.warnings)
                console.info("[\(stamp)] built \(Self.describe(summary)) in \(String(format: "%.2fs", summary.seconds))")
            case .rebuilt(let changed, let summary):
                console.diagnostics(summary.warnings)
                console.info("[\(stamp)] \(Self.list(changed)) changed → \(Self.describe(summary)) in \(String(format: "%.2fs", summary.seconds))")
            case .failed(let changed, let error):
                if case BuildError.input(let list) = error { console.diagnostics(list) } else { console.error("error: \(error)") }
                let what = changed.isEmpty ? "the first build failed" : "\(Self.list(changed)) changed → not rebuilt"
                console.info("[\(stamp)] \(what); the last good outputs are unchanged")
            }
        }
        console.info("stopped")
    }

    static func describe(_ s: BuildSummary) -> String {
        if s.written.isEmpty && s.removed.isEmpty { return "nothing to re-make" }
        var parts: [String] = []
        if s.written.contains("brochure.pdf") { parts.append("brochure.pdf") }
        if s.written.contains("brochure-print.pdf") { parts.append("brochure-print.pdf") }
        let cards = s.written.filter { $0.hasPrefix("cards/") }.count
        if cards > 0 { parts.append("\(cards) card\(cards == 1 ? "" : "s")") }
        if !s.removed.isEmpty { parts.append("removed \(s.removed.count) stale") }
        return "re-made " + parts.joined(separator: ", ")
    }

    static func list(_ paths: [String]) -> String {
        paths.count <= 3 ? paths.joined(separator: ", ") : paths.prefix(3).joined(separator: ", ") + " and \(paths.count - 3) more"
    }

    static func clock() -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date())
    }
}
