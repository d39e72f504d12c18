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

    public init(resources: Resources) {
        self.resources = resources
    }

    /// The tool's identity in manifests: version plus the executable's size and date, so
    /// a rebuilt tool re-makes everything.
    public static var toolIdentity: String {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attributes?[.size] as? Int) ?? 0
        let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "folio \(version) (\(size)-\(Int(mtime)))"
    }

    func fonts() throws -> FontSet {
        if let fontSet { return fontSet }
        do {
            let set = try FontSet(configFile: resources.fontConfig)
            fontSet = set
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
    public func load(_ options: BuildOptions) throws -> Inputs {
        let loaded = ReportLoader().load(directory: options.reportDirectory)
        var diagnostics = loaded.diagnostics
        let loader = LayoutLoader(directory: resources.layoutsDirectory)
        var layout: LayoutSpec?
        let layoutName = options.layout ?? loaded.report?.layout ?? "brochure"
        if options.brochure || options.layout != nil || loaded.report?.layout != nil {
            let requested = options.layout == nil ? loaded.report?.locations["layout"] : nil
            let (spec, d) = loader.load(name: layoutName, card: false, requestedAt: requested)
            diagnostics += d
            layout = spec
        }
        var cards: [LayoutSpec] = []
        if options.cards {
            let names = options.cardPresets ?? loaded.report?.cards ?? loader.cardNames()
            for name in names {
                let requested = options.cardPresets == nil ? loaded.report?.locations["cards"] : nil
                let (spec, d) = loader.load(name: name, card: true, requestedAt: requested)
                diagnostics += d
                if let spec {
                    cards.append(spec)
                }
            }
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
    public func check(_ options: BuildOptions) throws -> [Diagnostic] {
        let inputs = try load(options)
        var diagnostics = inputs.warnings
        let fonts = try self.fonts()
        let composer = Composer(fonts: fonts, cache: shapingCache)
        diagnostics += CoverageCheck(fonts: fonts, layout: inputs.layout).check(inputs.report)
        do {
            let typesetter = try Typesetter(spec: inputs.layout, composer: composer)
            _ = try BrochureLayout(typesetter: typesetter).document(for: inputs.report)
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
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        return diagnostics
    }

    // MARK: - Building

    /// Builds the outputs that are missing or out of date.
    public func build(_ options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) throws -> BuildSummary {
        let started = Date()
        PhaseClock.mark("build started")
        let inputs = try load(options)
        PhaseClock.mark("loaded report and layouts")
        let report = inputs.report
        let outDir = try outputDirectory(options, report: report)
        let previous = Manifest.read(from: outDir)
        let old = options.force ? nil : previous
        let oldCache = BuildCache.read(from: outDir)
        var cache = oldCache
        let oldUserCache = UserCache.read()
        var userCache = oldUserCache
        let fontPrint = FontFingerprint(configPath: resources.fontConfig).compute(cache: &userCache)
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
            let fonts = try self.fonts()
            let composer = Composer(fonts: fonts, cache: shapingCache)
            PhaseClock.mark("font set")
            let coverage = CoverageCheck(fonts: fonts, layout: inputs.layout).check(report)
            PhaseClock.mark("coverage check")
            diagnostics += coverage
            if coverage.hasErrors { throw BuildError.input(diagnostics) }
            // Lay out everything first: input problems surface before any file is touched.
            var document: Document?
            if needed.contains(where: { $0.kind == "brochure" || $0.kind == "print" }) {
                do {
                    let typesetter = try Typesetter(spec: inputs.layout, composer: composer)
                    document = try BrochureLayout(typesetter: typesetter).document(for: report)
                    pages = document?.pages.count ?? 0
                    progress(.laidOut(pages: pages))
                    PhaseClock.mark("brochure laid out")
                } catch let e as LayoutError {
                    throw BuildError.input(diagnostics + e.diagnostics)
                }
            }
            // Cards: one layout per preset, then every card laid out on every core.
            var cardLayouts: [String: CardLayout] = [:]
            for spec in inputs.cards where needed.contains(where: { $0.kind == "card" && $0.preset == spec.name }) {
                do {
                    cardLayouts[spec.name] = CardLayout(typesetter: try Typesetter(spec: spec, composer: composer))
                } catch let e as LayoutError {
                    throw BuildError.input(diagnostics + e.diagnostics)
                }
            }
            let events = Dictionary(report.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let cardJobs = needed.filter { $0.kind == "card" && cardLayouts[$0.preset ?? ""] != nil && events[$0.event ?? ""] != nil }
            var cardPages: [Page] = []
            switch CardRenderQueue.layout(count: cardJobs.count, { [cardLayouts] i in
                try cardLayouts[cardJobs[i].preset!]!.page(report: report, event: events[cardJobs[i].event!]!)
            }) {
            case .success(let pages): cardPages = pages
            case .failure(let failure):
                throw BuildError.input(diagnostics + failure.errors.flatMap { error -> [Diagnostic] in
                    (error as? LayoutError)?.diagnostics ?? [.error("card", at: nil, "\(error)")]
                })
            }

            PhaseClock.mark("cards laid out")
            // Render into temporary files next to their targets.
            if let document {
                for out in needed where out.kind == "brochure" || out.kind == "print" {
                    let data = out.kind == "print"
                        ? try PrintPDF(fonts: fonts).make(document, marks: options.marks)
                        : try PDFExporter(fonts: fonts).export(document)
                    let (temp, record) = try Self.stage(data, out, outDir: outDir)
                    staged.append((temp, (outDir as NSString).appendingPathComponent(out.path)))
                    records[out.path] = record
                }
            }
            PhaseClock.mark("brochure written")
            if !cardPages.isEmpty {
                PhaseClock.mark("cards: rendering")
                // Each worker stages its card's bytes itself: memory stays flat.
                let exporter = PNGExporter(fonts: fonts)
                let total = cardPages.count
                let results = CardRenderQueue.render(cardPages, exporter: exporter, scale: options.scale, write: { i, data in
                    try Self.stage(data, cardJobs[i], outDir: outDir)
                }, progress: { done in progress(.cardsRendered(done: done, total: total)) })
                var firstError: Error?
                for (out, result) in zip(cardJobs, results) {
                    switch result {
                    case .success(let (temp, record)):
                        staged.append((temp, (outDir as NSString).appendingPathComponent(out.path)))
                        records[out.path] = record
                    case .failure(let error):
                        firstError = firstError ?? error
                    }
                }
                if let firstError { throw firstError }
            }
            PhaseClock.mark("cards: rendered")
        }

        // Commit: rename every staged file, remove stale cards, then the manifest.
        progress(.writing)
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
            try AtomicFile.write(manifestData, to: manifestPath)
        }
        if !records.isEmpty || !removed.isEmpty {
            try? CardIndex.write(outDir: outDir, manifest: manifest)
        }
        if cache != oldCache { try? cache.write(to: outDir) }
        PhaseClock.mark("committed")
        return BuildSummary(outputDirectory: outDir, written: records.keys.sorted(), unchanged: unchanged.sorted(),
                            removed: removed.sorted(), warnings: diagnostics.filter { $0.severity == .warning },
                            pages: pages, cards: records.values.filter { $0.kind == "card" }.count,
                            seconds: Date().timeIntervalSince(started))
    }

    private static func stage(_ data: Data, _ out: PlannedOutput, outDir: String) throws -> (String, Manifest.Output) {
        let final = (outDir as NSString).appendingPathComponent(out.path)
        let dir = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = (dir as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw BuildError.io("cannot write \(temp)")
        }
        return (temp, Manifest.Output(path: out.path, kind: out.kind, event: out.event, preset: out.preset, inputs: out.inputs,
                                      sha256: Fingerprint.sha256(data), size: data.count))
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

    /// The output folder, refusing the report folder and Folio's own source folders.
    public func outputDirectory(_ options: BuildOptions, report: Report) throws -> String {
        let name = URL(fileURLWithPath: report.directory).lastPathComponent
        let dir = URL(fileURLWithPath: options.outputDirectory ?? "out/\(name)").standardizedFileURL.resolvingSymlinksInPath().path
        let reportDir = URL(fileURLWithPath: report.directory).resolvingSymlinksInPath().path
        let forbidden = [reportDir] + ["Sources", "Layouts", "Fonts", "Reports", "Tests", "docs"].map {
            URL(fileURLWithPath: (resources.root as NSString).appendingPathComponent($0)).resolvingSymlinksInPath().path
        } + [URL(fileURLWithPath: resources.root).resolvingSymlinksInPath().path]
        for f in forbidden where dir == f || (f != forbidden.last && dir.hasPrefix(f + "/")) {
            throw BuildError.input([.error("bad-output", at: nil, "the output folder \(DisplayPath.relative(dir)) is \(dir == reportDir || dir.hasPrefix(reportDir + "/") ? "inside the report folder" : "one of Folio's own folders")",
                                           hint: "write outputs elsewhere, e.g. --out out/\(name)")])
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        AtomicFile.sweep(dir)
        return dir
    }
}
