import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

/// Set from the signal handler when the user presses Ctrl-C.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild a report whenever its data, images, layouts or fonts change.",
        discussion: """
        Builds once, then watches the report folder, the layouts and the fonts. Each burst \
        of saves rebuilds what changed and prints one line: what changed, what was re-made, \
        how long it took. A broken save prints its diagnostics and keeps the last good \
        outputs; a warning about text that did not change is printed once. The options \
        are those of build; a build started while the watch writes waits for it. Ctrl-C stops.

        Examples:
          folio watch Reports/ningbo-2022
          folio watch Reports/ningbo-2022 --cards square --out /tmp/preview
          folio watch --print --marks                     # inside a report folder
        """
    )

    @OptionGroup var target: BuildTarget

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let console = Console(output)
        let options = try target.options(command: "watch")
        let resources = console.resources(writes: true)
        // A parent (a test runner, a build tool) may have left these blocked; we need them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        let builder = Builder(resources: resources)
        builder.onWait = { console.waiting($0) }
        var session = WatchSession(builder: builder, options: options)
        let watched = DisplayPath.relative(options.reportDirectory)
        session.onUpdate = { update in
            console.diagnostics(update.fresh)
            if update.isFirst {
                let what: String
                if let summary = update.summary {
                    what = "\(Self.firstBuild(summary)) in \(Self.seconds(summary.seconds))"
                } else {
                    if let error = update.error, update.diagnostics.isEmpty { console.error("error: \(error)") }
                    what = "the first build failed; fix it and save"
                }
                console.info("\(what) — watching \(watched)")
                return
            }
            let stamp = Self.clock()
            if let summary = update.summary {
                console.info("[\(stamp)] \(Self.list(update.changed)) changed → \(Self.describe(summary)) in \(Self.seconds(summary.seconds))")
            } else {
                if let error = update.error, update.diagnostics.isEmpty { console.error("error: \(error)") }
                console.info("[\(stamp)] \(Self.list(update.changed)) changed → not rebuilt; the last good outputs are unchanged")
            }
        }
        try await session.run(shouldStop: { stopRequested != 0 }) { event in
            if case .watching(let roots) = event { console.verbose("watching \(roots.joined(separator: ", "))") }
        }
        console.info("stopped")
    }

    /// "built 16 pages and 50 cards", or "up to date (67 outputs)".
    static func firstBuild(_ s: BuildSummary) -> String {
        if s.written.isEmpty && s.removed.isEmpty { return "up to date (\(s.unchanged.count) outputs)" }
        var parts: [String] = []
        if s.pages > 0 { parts.append("\(s.pages) page\(s.pages == 1 ? "" : "s")") }
        if s.cards > 0 { parts.append("\(s.cards) card\(s.cards == 1 ? "" : "s")") }
        if parts.isEmpty { parts.append("\(s.written.count) file\(s.written.count == 1 ? "" : "s")") }
        return "built " + parts.joined(separator: " and ")
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

    static func seconds(_ s: Double) -> String {
        String(format: s < 10 ? "%.1f s" : "%.0f s", s)
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
