import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioText
import Foundation

/// Stages 2 to 4 of a build, run as one task group so that no core waits: the brochure is
/// laid out (`LayoutStage`) while the cards are laid out and then drawn and encoded; the
/// cards' bytes are held (`CardQueue`) until the brochure and every card are known to be
/// good and the output folder is ready, then each output is staged (`StagedFile`) and the
/// PDFs are written while the cards go on. A problem in the input stops the group before
/// anything is written; the brochure's problems are reported first.
struct RenderStage: Sendable {
    /// What the stage made: every file staged, and the brochure it laid out.
    struct Output: Sendable {
        /// The build's warnings so far: the inputs', the fonts' and the images'.
        var warnings: [Diagnostic]
        var staged: [StagedFile] = []
        var document: Document?
    }

    /// What one task of the group finished.
    private enum Step: Sendable {
        case brochure(Result<Document, Error>)
        case cards(Result<[CardJob], Error>)
        case card(Int, Result<CardQueue.Drawn, Error>)
        case pdfs(Result<[StagedFile], StagedFailure>)
    }

    let builder: Builder
    let plan: BuildPlan
    let options: BuildOptions
    let outDir: String
    let generation: BuildMemo.InUse
    let layout: LayoutStage
    let exporter: PNGExporter
    /// The inputs' warnings and the fonts' and images' (none of them an error).
    let warnings: [Diagnostic]

    /// Checks that the fonts draw every character and the images can be read (every
    /// problem at once), then prepares to lay out with `generation`'s fonts.
    init(builder: Builder, plan: BuildPlan, options: BuildOptions, outDir: String, generation: BuildMemo.InUse) throws {
        var coverage = generation.coverage
        let found = CoverageCheck(fonts: generation.fonts, layout: plan.inputs.layout).check(plan.inputs.report, memo: &coverage)
            + ImageCheck().check(plan.inputs.report)
        builder.memo.remember(coverage: coverage, of: generation)
        PhaseClock.mark("coverage check")
        warnings = plan.inputs.warnings + found
        if found.hasErrors { throw BuildError.input(warnings) }
        self.builder = builder
        self.plan = plan
        self.options = options
        self.outDir = outDir
        self.generation = generation
        exporter = PNGExporter(resources: generation.resources)
        layout = LayoutStage(inputs: plan.inputs, composer: Composer(fonts: generation.fonts, cache: generation.shaping))
    }

    /// Lays out, renders and stages every needed output. On failure nothing stays staged.
    func run(lock: OutputLock, progress: @escaping @Sendable (BuildProgress) -> Void) async throws -> Output {
        var output = Output(warnings: warnings)
        var cards = CardQueue()
        var pdfResult: Result<[StagedFile], StagedFailure>?
        try await withThrowingTaskGroup(of: Step.self) { group in
            var pending = (brochure: plan.needsBrochure, cards: true), cardError: Error?, writable = false
            if plan.needsBrochure { group.addTask { [layout] in .brochure(Result { try layout.brochure() }) } }
            group.addTask { [layout, needed = plan.needed] in
                do { return .cards(.success(try await layout.cards(needed))) } catch { return .cards(.failure(error)) }
            }
            while let step = try await group.next() { // (no task throws: each returns its result)
                switch step {
                case .brochure(let result):
                    let document = try result.mapError(brochureError).get() // nothing is staged before this
                    (output.document, pending.brochure) = (document, false)
                    progress(.laidOut(pages: document.pages.count))
                case .cards(.success(let jobs)):
                    pending.cards = false
                    cards.load(jobs)
                    if !jobs.isEmpty { PhaseClock.mark("cards: rendering") }
                case .cards(.failure(let error)):
                    (pending.cards, cardError) = (false, error)
                case .card(let index, let result):
                    cards.finish(index, result, stageIn: writable ? outDir : nil)
                    progress(.cardsRendered(done: cards.done, total: cards.jobs.count))
                    if cards.done == cards.jobs.count { PhaseClock.mark("cards: rendered") }
                case .pdfs(let result):
                    pdfResult = result
                }
                if !writable && !pending.brochure && !pending.cards {
                    if let cardError { throw self.cardError(cardError) } // the brochure's problems came first
                    try builder.prepare(outDir, sweep: true, lock: lock) // nothing is staged before this either
                    writable = true
                    cards.stageHeld(in: outDir)
                    if let document = output.document { group.addTask { .pdfs(self.writePDFs(document)) } }
                }
                while let (index, job) = cards.start(writable: writable) {
                    group.addTask { [writable] in .card(index, self.draw(job, stage: writable)) }
                }
            }
        }
        let (pdfFiles, pdfError): ([StagedFile], Error?) = switch pdfResult {
        case .success(let files)?: (files, nil)
        case .failure(let failure)?: (failure.staged, failure.error)
        case nil: ([], nil)
        }
        output.staged = pdfFiles + cards.staged
        if let error = pdfError ?? cards.firstError {
            StagedFile.discard(output.staged)
            throw error
        }
        return output
    }

    /// A brochure that cannot be laid out: its problems, after the build's warnings.
    private func brochureError(_ error: Error) -> Error {
        guard let e = error as? LayoutError else { return error }
        return BuildError.input(warnings + CardDiagnostics.merge(e.diagnostics))
    }

    /// Cards that cannot be set up or laid out: every problem, after the build's warnings.
    private func cardError(_ error: Error) -> Error {
        if let failure = error as? LayoutStage.CardFailure { return BuildError.input(warnings + failure.diagnostics) }
        if let e = error as? LayoutError { return BuildError.input(warnings + e.diagnostics) }
        return error
    }

    /// Draws and encodes one card; stages it when the build may write, else holds its bytes.
    private func draw(_ job: CardJob, stage: Bool) -> Result<CardQueue.Drawn, Error> {
        if Task.isCancelled { return .failure(BuildError.io("\(job.output.path) was not drawn: the build stopped")) }
        return Result {
            let data = try exporter.export(job.page, scale: options.scale)
            return stage ? .staged(try StagedFile(data, job.output, outDir: outDir)) : .held(data)
        }
    }

    /// Writes the screen and print PDFs the plan needs, one after the other (each encodes
    /// its pages on every core); what was staged before a failure is kept for removal.
    private func writePDFs(_ document: Document) -> Result<[StagedFile], StagedFailure> {
        let subsetCache = UserCache.path.map {
            FontSubsetCache(directory: (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("subsets"))
        }
        var made: [StagedFile] = []
        for out in plan.needed where out.kind.isBrochure {
            do {
                let data = out.kind == .print
                    ? try PrintPDF(subsetCache: subsetCache, pageCache: generation.pages, resources: generation.resources,
                                   profilesDirectory: builder.resources.profilesDirectory)
                        .make(document, marks: options.marks, condition: Builder.condition(options, plan.inputs.layout))
                    : try PDFExporter(subsetCache: subsetCache, pageCache: generation.pages, resources: generation.resources).export(document, options: .init(archive: options.archive))
                made.append(try StagedFile(data, out, outDir: outDir))
            } catch let error as GraphicsError { // a font that cannot be embedded: the environment, not the input
                return .failure(StagedFailure(staged: made, error: BuildError.environment(error.description)))
            } catch {
                return .failure(StagedFailure(staged: made, error: error))
            }
        }
        PhaseClock.mark("brochure written")
        return .success(made)
    }
}
