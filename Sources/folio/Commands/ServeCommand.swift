import ArgumentParser
import Dispatch
import FolioBuild
import FolioModel
import FolioServe
import Foundation

/// Set from the signal handler when the user presses Ctrl-C.
nonisolated(unsafe) private var serveStopRequested: sig_atomic_t = 0

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a report in the browser, updated live on every save.",
        discussion: """
        Builds the report like `folio watch`, and serves a page that shows the brochure's \
        pages, its contents and the cards by preset, with links to the PDF, each card and \
        the manifest. Every save of the data, an image, a layout or a font rebuilds what \
        changed and updates the page in place; a broken save shows its diagnostics over \
        the last good view. Only this computer can connect unless --host says otherwise. \
        Ctrl-C stops.

        Examples:
          folio serve Reports/ningbo-2022                 # then open http://127.0.0.1:8000/
          folio serve Reports/ningbo-2022 --port 0        # any free port
          folio serve Reports/ningbo-2022 --cards square,og --out /tmp/preview
        """
    )

    /// The report, output folder, layout, presets, scale and print options, as for build and watch.
    @OptionGroup var target: BuildTarget

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: Int = 8000

    @Option(name: .long, help: "Address to listen on (default: this computer only).")
    var host: String = "127.0.0.1"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let console = Console(output)
        let resources = console.resources(writes: true)
        let options = try target.options(command: "serve")
        let builder = Builder(resources: resources)
        let (outDir, problems) = builder.outputDirectory(options)
        if !problems.isEmpty { console.fail(BuildError.input(problems), writes: false) }

        // One server per output folder.
        let lock: ServeLock
        do {
            lock = try ServeLock(directory: outDir)
        } catch ServeLock.Failure.held(let holder) {
            let who = holder.map { " (process \($0.pid), \($0.url))" } ?? ""
            console.error("error: \(DisplayPath.relative(outDir)) is already previewed by another `folio serve`\(who)")
            console.error("    hint: open that page, or stop it (Ctrl-C) first; to preview twice, give this one another --out")
            throw ExitCode(2)
        } catch {
            console.error("error: cannot lock the output folder: \(error)")
            throw ExitCode(2)
        }
        defer { lock.release() }

        let hub = PreviewHub()
        let renderer = PageRenderer()
        let server = PreviewServer(hub: hub, renderer: renderer, outputDirectory: outDir)
        do {
            try await server.start(host: host, port: port)
        } catch {
            console.error("error: \(error)")
            throw ExitCode(2)
        }
        lock.record(url: server.url)
        console.info("serving \(DisplayPath.relative(options.reportDirectory)) at \(server.url) — open it in a browser; Ctrl-C stops")

        // A parent (a test runner, a build tool) may have left these blocked; we need them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in serveStopRequested = 1 }
        signal(SIGTERM) { _ in serveStopRequested = 1 }
        signal(SIGPIPE, SIG_IGN) // a browser that goes away mid-reply is not an error

        let session = PreviewSession(builder: builder, options: options, outputDirectory: outDir, hub: hub, renderer: renderer)
        do {
            try await session.run(shouldStop: { serveStopRequested != 0 }) { event in
                let stamp = WatchCommand.clock()
                switch event {
                case .watching:
                    break
                case .built(let summary):
                    console.diagnostics(summary.warnings)
                    console.info("[\(stamp)] built \(WatchCommand.describe(summary)) in \(String(format: "%.2fs", summary.seconds))")
                case .rebuilt(let changed, let summary):
                    console.diagnostics(summary.warnings)
                    console.info("[\(stamp)] \(WatchCommand.list(changed)) changed → \(WatchCommand.describe(summary)) in \(String(format: "%.2fs", summary.seconds))")
                case .failed(let changed, let error):
                    if case BuildError.input(let list) = error { console.diagnostics(list) } else { console.error("error: \(error)") }
                    let what = changed.isEmpty ? "the first build failed" : "\(WatchCommand.list(changed)) changed → not rebuilt"
                    console.info("[\(stamp)] \(what); the page shows the problems over the last good view")
                }
            }
        } catch {
            await server.stop()
            console.fail(error, writes: false)
        }
        await server.stop()
        console.info("stopped")
    }
}
