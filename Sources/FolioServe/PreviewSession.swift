import FolioBuild
import FolioCore
import FolioGraphics
import FolioLayout
import FolioModel
import FolioText
import Foundation

/// Keeps the preview current: runs the watch loop of `folio watch` (the same incremental
/// builds) and after each build publishes what changed — the brochure's pages and their
/// hashes, the cards, the downloads — or, for a broken save, the diagnostics over the
/// last good view.
public struct PreviewSession {
    public let builder: Builder
    public let options: BuildOptions
    public let outputDirectory: String
    public let hub: PreviewHub
    public let renderer: PageRenderer
    private let sizes = PNGSizeMemo()

    public init(builder: Builder, options: BuildOptions, outputDirectory: String, hub: PreviewHub, renderer: PageRenderer) {
        self.builder = builder
        self.options = options
        self.outputDirectory = outputDirectory
        self.hub = hub
        self.renderer = renderer
    }

    /// Watches and rebuilds until `shouldStop`; `report` sees each event after the
    /// preview was updated (for the terminal).
    public func run(debounce: Double = 0.03, shouldStop: () -> Bool, report: (WatchEvent) -> Void) async throws {
        var session = WatchSession(builder: builder, options: options)
        session.debounce = debounce
        var shown: Document?
        try await session.run(shouldStop: shouldStop) { event in
            switch event {
            case .built(let summary), .rebuilt(_, let summary):
                ServeClock.mark("build done in \(Int(summary.seconds * 1000)) ms")
                publish(summary: summary, shown: &shown)
                ServeClock.mark("snapshot published")
            case .failed(_, let error):
                let text = Self.text(of: error)
                hub.update { $0.errors = text }
            case .watching:
                break
            }
            report(event)
        }
    }

    /// After a good build: the brochure the builder laid out (or, when the outputs were
    /// already current, one laid out here once), the outputs of the manifest.
    private func publish(summary: BuildSummary, shown: inout Document?) {
        var brochure = builder.lastBrochure ?? shown
        if brochure == nil { brochure = try? layOut() }
        // Glyph runs carry their font files' identities: new fonts make another document.
        let changed = brochure != shown
        shown = brochure
        let document = brochure
        let manifest = Manifest.read(from: outputDirectory)
        let time = String(format: "%.2fs", summary.seconds)
        let warnings = summary.warnings.isEmpty ? "" : DiagnosticRenderer(color: false).render(summary.warnings.withSourceLines())
        let hashes = changed ? document.map { $0.pages.map(PreviewSnapshot.hash) } : nil
        if changed, let document, let hashes {
            // The pages' new images must be drawable before any browser hears of them.
            renderer.setDocument(document, hashes: hashes)
            // The pages browsers look at are drawn now, while the news travels to them.
            for view in hub.viewedPages {
                DispatchQueue.global(qos: .userInitiated).async { [renderer] in _ = try? renderer.png(page: view.page, scale: view.scale) }
            }
        }
        hub.update { s in
            if changed, let document { s.setDocument(document, hashes: hashes) }
            s.setOutputs(manifest, outputDirectory: outputDirectory, sizes: sizes)
            s.report = DisplayPath.relative(options.reportDirectory)
            s.errors = ""
            s.warnings = warnings
            s.status = summary.written.isEmpty ? "up to date (\(time))" : "re-made \(summary.written.count) output\(summary.written.count == 1 ? "" : "s") in \(time)"
        }
    }

    /// The brochure laid out with the builder's inputs (used once, when the first build
    /// had nothing to re-make and so laid nothing out), with a font set of its own.
    func layOut() throws -> Document {
        let inputs = try builder.load(options)
        let fonts = try FontSet(configFile: builder.resources.fontConfig)
        let typesetter = try Typesetter(spec: inputs.layout, composer: Composer(fonts: fonts))
        return try BrochureLayout(typesetter: typesetter).document(for: inputs.report)
    }

    /// The CLI's text of a failed build: every diagnostic with its place, line and caret.
    public static func text(of error: Error) -> String {
        let renderer = DiagnosticRenderer(color: false)
        switch error {
        case BuildError.input(let list): return renderer.render(list.withSourceLines())
        case let d as Diagnostic: return renderer.render([d].withSourceLines())
        default: return "error: \(error)\n"
        }
    }
}
