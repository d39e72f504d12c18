import Dispatch
import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioText
import Foundation

/// Builds a report: checks the input, lays out what changed, renders it, and commits
/// the outputs atomically with a manifest. Owns the font set (a C resource), so a
/// watching process reuses it from rebuild to rebuild.
public final class Builder: @unchecked Sendable {
    public let resources: Resources
    public static let version = "0.1.0"
    private var fontSet: FontSet?
    private let shapingCache = ShapingCache()
    /// Encoded PDF pages kept from build to build (a watching process re-encodes only
    /// the pages that changed).
    private let pageCache = PDFPageCache()
    /// Layout files kept from build to build, likewise (composed paragraphs are kept by
    /// the shaping cache).
    private let layoutMemo = LayoutMemo()
    /// The font set's hash at the last build: when the fonts change under a watching
    /// process, the font set and everything made with it are dropped.
    private var lastFontHash: String?
    /// Texts found drawable by the current font set.
    private var coverageMemo = CoverageMemo()
    /// The brochure as laid out by the last build that re-made it and succeeded, and the
    /// font set that shaped it (the one that can draw it), for the live preview
    /// (`folio serve`); nil until then.
    public private(set) var lastBrochure: (document: Document, fonts: FontSet)?

    /// Told when a build must wait for another process that writes into the same output
    /// folder (see `OutputLock`), with a description of it: "folio watch … (pid 1234)".
    public var onWait: (@Sendable (String) -> Void)?

    public init(resources: Resources) {
        self.resources = resources
    }

    /// The tool's identity in manifests: version plus the executable's size and date, so
    /// a rebuilt tool re-makes everything.
    public static var toolIdentity: String { identity }

    /// Computed once: the executable as it was when this process started using it.
    /// `/proc/self/exe` names it even when it was started through `PATH` by a bare name.
    private static let identity: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attributes?[.size] as? Int) ?? 0
        let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "folio \(version) (\(size)-\(Int(mtime)))"
    }()

    func fonts() throws -> FontSet {
        if let fontSet { return fontSet }
        do {
            let set = try FontSet(configFile: resources.fontConfig)
            fontSet = set
            shapingCache.removeAll() // shaped and composed with another font set
            coverageMemo = CoverageMemo()
            return set
        } catch {
            throw BuildError.environment("\(error)")
        }
    }

    // MARK: - Loading

    /// Everything read from disk and checked, ready to lay out.
    public struct Inputs: Sendable {
        public var report: Report
        public var layout: LayoutSpec
        public var cards: [LayoutSpec]
        public var warnings: [Diagnostic]
    }

    /// Loads and checks the report and the layouts it needs; every problem in one pass.
    /// `extra` diagnostics (e.g. about the output folder) are reported with them.
    public func load(_ options: BuildOptions, extra: [Diagnostic] = []) throws -> Inputs {
        let loaded = ReportLoader().load(directory: options.reportDirectory)
        var diagnostics = extra + loaded.diagnostics
        let loader = LayoutLoader(directory: resources.layoutsDirectory, memo: layoutMemo)
        var layout: LayoutSpec?
        let requested = options.layout == nil ? loaded.requests.layout : nil
        let layoutName = options.layout ?? requested?.name ?? "brochure"
        func badName(_ name: String, _ what: String) -> Bool {
            guard !ReportReader.isIdentifier(name) else { return false }
            diagnostics.append(.error("unknown-layout", at: nil, "there is no \(what) named \(Quoting.code(name))",
                                      hint: "names use a-z, 0-9 and '-', e.g. \(what == "layout" ? "brochure" : "square")"))
            return true
        }
        if options.brochure || options.layout != nil || requested != nil, !badName(layoutName, "layout") {
            let (spec, d) = loader.load(name: layoutName, card: false, requestedAt: requested?.location)
            diagnostics += d
            layout = spec
        }
        var cards: [LayoutSpec] = []
        if options.cards {
            let names: [(name: String, location: SourceLocation?)] = options.cardPresets.map { $0.map { ($0, nil) } }
                ?? (loaded.requests.cards.isEmpty ? loader.cardNames().map { ($0, nil) } : loaded.requests.cards)
            for (name, location) in names where !badName(name, "card preset") {
                let (spec, d) = loader.load(name: name, card: true, requestedAt: location)
                diagnostics += d
                if let spec {
                    cards.append(spec)
                }
            }
        }
        if let request = loaded.requests.layoutFile { // the report's own brand layout
            let branded = loader.loadBranded(file: request.path, base: options.layout, requestedAt: request.location, cards: cards)
            diagnostics += branded.diagnostics
            if let spec = branded.brochure { layout = spec }
            cards = branded.cards
        }
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        guard let report = loaded.report else { throw BuildError.input(diagnostics) }
        if layout == nil {
            let (spec, d) = loader.load(name: layoutName, card: false)
            if d.hasErrors { throw BuildError.input(diagnostics + d) }
            layout = spec
        }
        return Inputs(report: report, layout: layout!, cards: cards, warnings: diagnostics)
    }

    /// Checks the input without writing anything: data, layouts, fonts, and whether
    /// everything fits its frames.
    /// With `layout: false`, stops after the data, layouts, fonts and images (no page is
    /// laid out), for quick checks such as fuzzing.
    public func check(_ options: BuildOptions, layout: Bool = true) throws -> [Diagnostic] {
        defer { shapingCache.sweep() } // a builder that checks case after case keeps only the last one's paragraphs
        let inputs = try load(options)
        var diagnostics = inputs.warnings
        let fonts = try self.fonts()
        let composer = Composer(fonts: fonts, cache: shapingCache)
        diagnostics += CoverageCheck(fonts: fonts, layout: inputs.layout).check(inputs.report)
        let images = ImageCheck().check(inputs.report)
        diagnostics += images
        // Layout reads the images too: stop before it when one cannot be read.
        if images.hasErrors || !layout {
            if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
            return diagnostics
        }
        do {
            let typesetter = try Typesetter(spec: inputs.layout, composer: composer)
            do { _ = try BrochureLayout(typesetter: typesetter).document(for: inputs.report) } catch let e as LayoutError {
                diagnostics += e.diagnostics // and the cards are checked too: every problem in one run
            }
            for card in inputs.cards {
                let t = try Typesetter(spec: card, composer: composer)
                for event in inputs.report.events {
                    do { _ = try CardLayout(typesetter: t).page(report: inputs.report, event: event) } catch let e as LayoutError {
                        diagnostics += e.diagnostics
                    }
                }
            }
        } catch let e as LayoutError {
            diagnostics += e.diagnostics
        }
        diagnostics = CardDiagnostics.merge(diagnostics) // one per cause, not one per card
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        return diagnostics
    }

    // MARK: - Building

    /// Builds the outputs that are missing or out of date.
    public func build(_ options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) throws -> BuildSummary {
        while true {
            do {
                return try buildOnce(options, progress: progress)
            } catch is OutputLock.Contended {
                continue // another build made the output folder meanwhile: plan again from what it wrote
            }
        }
    }

    private func buildOnce(_ options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void) throws -> BuildSummary {
        let started = Date()
        PhaseClock.mark("build started")
        // Every input problem, the output folder's included, is reported before anything is written.
        let (outDir, outputProblems) = outputDirectory(options)
        // One writer per output folder (see `OutputLock`); a folder made later is locked when made.
        let lock = OutputLock(directory: outDir)
        defer { lock.release() }
        lock.acquire { [onWait] in onWait?($0) }
        if !options.force, outputProblems.isEmpty, let summary = quickNoOp(options, outDir: outDir, started: started) {
            return summary
        }
        // The raw inputs before and after the build: a record for the quick check is made
        // only if nothing changed while the build ran.
        let filesBefore = QuickCheck.fileHashes(reportDirectory: options.reportDirectory, layouts: resources.layoutsDirectory)
        let inputs = try load(options, extra: outputProblems)
        let imagesBefore = QuickCheck.imageStamps(QuickCheck.imagePaths(inputs.report) + [inputs.layout.logo].compactMap { $0 })
        PhaseClock.mark("loaded report and layouts")
        let report = inputs.report
        let previous = Manifest.read(from: outDir)
        let old = options.force ? nil : previous
        let oldCache = BuildCache.read(from: outDir)
        var cache = oldCache
        let oldUserCache = UserCache.read()
        var userCache = oldUserCache
        let fontPrint = FontFingerprint(configPath: resources.fontConfig).compute(cache: &userCache)
        if let lastFontHash, lastFontHash != fontPrint.hash {
            fontSet = nil // the next fonts() makes a new set and forgets what the old one made
            pageCache.removeAll()
        }
        lastFontHash = fontPrint.hash
        PhaseClock.mark("font fingerprint")
        let plan = OutputPlan(options: options, inputs: inputs, fontHash: fontPrint.hash, tool: Builder.toolIdentity, cache: &userCache)
        if userCache != oldUserCache { userCache.write() }
        let needed = plan.outputs.filter { out in !isCurrent(out, old: old, outDir: outDir, cache: &cache) }
        PhaseClock.mark("planned: \(needed.count) of \(plan.outputs.count) outputs to make")

        var diagnostics = inputs.warnings
        var staged: [(temp: String, final: String)] = []
        var records: [String: Manifest.Output] = [:]
        var pages = 0
        defer { for s in staged { unlink(s.temp) } }

        if !needed.isEmpty {
            // Whatever happens, what this build did not use is forgotten at its end.
            defer { shapingCache.sweep() }
            let fonts = try self.fonts()
            let composer = Composer(fonts: fonts, cache: shapingCache)
            PhaseClock.mark("font set")
            let coverage = CoverageCheck(fonts: fonts, layout: inputs.layout, memo: coverageMemo).check(report)
                + ImageCheck().check(report)
            PhaseClock.mark("coverage check")
            diagnostics += coverage
            if coverage.hasErrors { throw BuildError.input(diagnostics) }
            // Lay out everything first: input problems surface before any file is touched.
            // The brochure is laid out on a thread of its own while the cards are laid out.
            let brochureJob: BackgroundJob<Document>? = needed.contains(where: { $0.kind == "brochure" || $0.kind == "print" })
                ? BackgroundJob { [composer] in
                    let document = try BrochureLayout(typesetter: try Typesetter(spec: inputs.layout, composer: composer))
                        .document(for: report)
                    PhaseClock.mark("brochure laid out")
                    return document
                }
                : nil
            // Cards: one layout per preset, then every card laid out on every core.
            var cardLayouts: [String: CardLayout] = [:]
            var cardSetupError: Error?
            for spec in inputs.cards where needed.contains(where: { $0.kind == "card" && $0.preset == spec.name }) {
                do {
                    cardLayouts[spec.name] = CardLayout(typesetter: try Typesetter(spec: spec, composer: composer))
                } catch {
                    cardSetupError = error
                    break
                }
            }
            let events = Dictionary(report.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let cardJobs = needed.filter { $0.kind == "card" && cardLayouts[$0.preset ?? ""] != nil && events[$0.event ?? ""] != nil }
            let cardLayout = cardSetupError != nil ? nil : CardRenderQueue.layout(count: cardJobs.count, { [cardLayouts] i in
                try cardLayouts[cardJobs[i].preset!]!.page(report: report, event: events[cardJobs[i].event!]!)
            })
            PhaseClock.mark("cards laid out")
            // The cards are drawn and encoded on every core from now on; their bytes wait
            // at the gate until the build knows it may write (see `StagingGate`).
            let gate = StagingGate()
            var renderJob: BackgroundJob<[Result<StagingGate.Ticket, Error>]>?
            if cardSetupError == nil, case .success(let laidOutCards)? = cardLayout, !laidOutCards.isEmpty {
                PhaseClock.mark("cards: rendering")
                let exporter = PNGExporter(fonts: fonts)
                let total = laidOutCards.count, scale = options.scale
                renderJob = BackgroundJob {
                    let results = CardRenderQueue.render(laidOutCards, exporter: exporter, scale: scale, write: { i, data in
                        try gate.pass(i, data) { try Self.stage($0, cardJobs[i], outDir: outDir) }
                    }, progress: { done in progress(.cardsRendered(done: done, total: total)) }, skip: { gate.isClosed })
                    PhaseClock.mark("cards: rendered")
                    return results
                }
            }
            /// A failure before anything may be written: the cards' bytes are dropped.
            func abandonCards() {
                gate.close()
                _ = renderJob?.wait()
            }
            // The brochure's problems come first, as when it was laid out first.
            var document: Document?
            switch brochureJob?.wait() {
            case .success(let laidOut)?:
                document = laidOut
                pages = laidOut.pages.count
                progress(.laidOut(pages: pages))
            case .failure(let e as LayoutError)?:
                abandonCards()
                throw BuildError.input(diagnostics + CardDiagnostics.merge(e.diagnostics))
            case .failure(let e)?:
                abandonCards()
                throw e
            case nil:
                break
            }
            // (The cards are drawn only when every card was laid out and set up.)
            if let e = cardSetupError as? LayoutError { throw BuildError.input(diagnostics + e.diagnostics) }
            if let cardSetupError { throw cardSetupError }
            if case .failure(let failure)? = cardLayout {
                throw BuildError.input(diagnostics + CardDiagnostics.merge(failure.errors.flatMap { error -> [Diagnostic] in
                    (error as? LayoutError)?.diagnostics ?? [.error("card", at: nil, "\(error)")]
                }))
            }

            // Render into temporary files next to their targets: the PDFs on a thread of
            // their own while the cards are drawn and encoded on every core.
            do {
                try prepare(outDir, sweep: true, lock: lock)
            } catch {
                abandonCards()
                throw error
            }
            let subsetCache = UserCache.path.map {
                FontSubsetCache(directory: (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("subsets"))
            }
            let pdfJob: BackgroundJob<[Staged]>? = document.map { document in
                BackgroundJob { [pageCache] in
                    var made: [Staged] = []
                    for out in needed where out.kind == "brochure" || out.kind == "print" {
                        do {
                            let data = out.kind == "print"
                                ? try PrintPDF(subsetCache: subsetCache, pageCache: pageCache, profilesDirectory: self.resources.profilesDirectory)
                                    .make(document, marks: options.marks, condition: Self.condition(options, inputs.layout))
                                : try PDFExporter(subsetCache: subsetCache, pageCache: pageCache).export(document, options: .init(archive: options.archive))
                            let (temp, record) = try Self.stage(data, out, outDir: outDir)
                            made.append(Staged(temp: temp, final: (outDir as NSString).appendingPathComponent(out.path), record: record))
                        } catch let error as GraphicsError {
                            // A font that cannot be embedded: the environment, not the input.
                            throw StagedFailure(staged: made, error: BuildError.environment(error.description))
                        } catch {
                            throw StagedFailure(staged: made, error: error)
                        }
                    }
                    pageCache.sweep()
                    PhaseClock.mark("brochure written")
                    return made
                }
            }
            var firstError: Error?
            var cardResults: [Result<(String, Manifest.Output), Error>] = []
            if let renderJob {
                // Cards made while the brochure was laid out are staged now; the rest stage themselves.
                var early: [Int: Result<(String, Manifest.Output), Error>] = [:]
                for (i, data) in gate.open() {
                    early[i] = Result { try Self.stage(data, cardJobs[i], outDir: outDir) }
                }
                let tickets: [Result<StagingGate.Ticket, Error>]
                switch renderJob.wait() {
                case .success(let t): tickets = t
                case .failure(let error): tickets = cardJobs.indices.map { early[$0] != nil ? .success(.held) : .failure(error) }
                }
                for (i, ticket) in tickets.enumerated() {
                    let result: Result<(String, Manifest.Output), Error>
                    switch ticket {
                    case .success(.staged(let temp, let record)): result = .success((temp, record))
                    case .success(.held): result = early[i] ?? .failure(BuildError.io("card \(i + 1) was not written"))
                    case .success(.dropped): result = .failure(BuildError.io("card \(i + 1) was not written"))
                    case .failure(let error): result = .failure(error)
                    }
                    cardResults.append(result)
                }
            }
            // Everything staged is recorded (and so removed on failure) before any error is thrown.
            switch pdfJob?.wait() {
            case .success(let made)?:
                for m in made {
                    staged.append((m.temp, m.final))
                    records[m.record.path] = m.record
                }
            case .failure(let failure as StagedFailure)?:
                staged += failure.staged.map { ($0.temp, $0.final) }
                firstError = failure.error
            case .failure(let error)?:
                firstError = error
            case nil:
                break
            }
            for (out, result) in zip(cardJobs, cardResults) {
                switch result {
                case .success(let (temp, record)):
                    staged.append((temp, (outDir as NSString).appendingPathComponent(out.path)))
                    records[out.path] = record
                case .failure(let error):
                    firstError = firstError ?? error
                }
            }
            if let firstError { throw firstError }
            if let document { lastBrochure = (document, fonts) }
            PhaseClock.mark("rendered")
        }

        // Commit: rename every staged file, remove stale cards, then the manifest.
        progress(.writing)
        try prepare(outDir, sweep: staged.isEmpty, lock: lock)
        PhaseClock.mark("commit: folder ready")
        for s in staged {
            guard rename(s.temp, s.final) == 0 else { throw BuildError.io("cannot write \(s.final): \(String(cString: strerror(errno)))") }
        }
        for (path, _) in records {
            cache.outputs[path] = BuildCache.stat((outDir as NSString).appendingPathComponent(path))
        }
        staged = []
        var outputs: [Manifest.Output] = []
        var unchanged: [String] = []
        for out in plan.outputs {
            if let r = records[out.path] {
                outputs.append(r)
            } else if let o = old?.outputs.first(where: { $0.path == out.path }) {
                outputs.append(o)
                unchanged.append(out.path)
            }
        }
        var removed: [String] = []
        let eventIDs = Set(report.events.map(\.id))
        for o in previous?.outputs ?? [] where o.kind == "card" {
            let stillPlanned = plan.outputs.contains { $0.path == o.path }
            if stillPlanned { continue }
            if let e = o.event, eventIDs.contains(e), FileManager.default.fileExists(atPath: (outDir as NSString).appendingPathComponent(o.path)),
               !plan.outputs.contains(where: { $0.preset == o.preset && $0.event == e }) {
                outputs.append(o) // another preset's card, still valid
                continue
            }
            let path = (outDir as NSString).appendingPathComponent(o.path)
            if FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.removeItem(atPath: path)
                removed.append(o.path)
            }
            cache.outputs[o.path] = nil
        }
        let manifest = Manifest(tool: Builder.toolIdentity, report: DisplayPath.relative(report.directory),
                                layout: inputs.layout.name, outputs: outputs, fonts: fontPrint.files)
        let manifestData = try manifest.encoded()
        let manifestPath = (outDir as NSString).appendingPathComponent(Manifest.fileName)
        if FileManager.default.contents(atPath: manifestPath) != manifestData {
            // Not flushed, like the outputs it lists: after a crash a lost or torn manifest
            // (or output) only means those outputs are made again.
            try AtomicFile.write(manifestData, to: manifestPath, sync: false)
        }
        if !records.isEmpty || !removed.isEmpty {
            try? CardIndex.write(outDir: outDir, manifest: manifest, report: report)
        }
        PhaseClock.mark("manifest written")
        // A build with warnings is not decided quickly: a no-op prints its warnings again.
        cache.quick = diagnostics.isEmpty
            ? quickRecord(options, outDir: outDir, fontHash: fontPrint.hash, planned: plan.outputs.map(\.path),
                          filesBefore: filesBefore, imagesBefore: imagesBefore)
            : nil
        if cache != oldCache { try? cache.write(to: outDir) }
        PhaseClock.mark("committed")
        var summary = BuildSummary(outputDirectory: outDir, written: records.keys.sorted(), unchanged: unchanged.sorted(),
                                   removed: removed.sorted(), warnings: diagnostics.filter { $0.severity == .warning },
                                   pages: pages, cards: records.values.filter { $0.kind == "card" }.count,
                                   seconds: Date().timeIntervalSince(started))
        summary.pageMultiple = inputs.layout.page.padTo
        return summary
    }

    /// Whether an output exists with the content the manifest recorded for these inputs.
    /// A file whose size and time match the cache is trusted; otherwise its hash decides.
    private func isCurrent(_ out: PlannedOutput, old: Manifest?, outDir: String, cache: inout BuildCache) -> Bool {
        guard let old, let record = old.outputs.first(where: { $0.path == out.path }), record.inputs == out.inputs else { return false }
        let path = (outDir as NSString).appendingPathComponent(out.path)
        guard let stat = BuildCache.stat(path), stat.size == record.size else { return false }
        if cache.outputs[out.path] == stat { return true }
        guard Fingerprint.sha256(file: path) == record.sha256 else { return false }
        cache.outputs[out.path] = stat
        return true
    }
}
