import FolioCore
import FolioLayout
import FolioModel
import FolioText

/// One card to draw: its planned output and its laid-out page.
struct CardJob: Sendable {
    var output: PlannedOutput
    var page: Page
}

/// Stage 2, lay out: the brochure and every card the plan needs, each problem reported
/// with all the others before anything is written. The brochure and the cards are laid
/// out at the same time (`RenderStage` runs both); the cards on every core.
struct LayoutStage: Sendable {
    let inputs: Builder.Inputs
    let composer: Composer

    /// The brochure's pages.
    func brochure() throws -> Document {
        let typesetter = try Typesetter(spec: inputs.layout, composer: composer)
        let document = try BrochureLayout(typesetter: typesetter).document(for: inputs.report)
        PhaseClock.mark("brochure laid out")
        return document
    }

    /// Every card among `needed`, in plan order; one layout per preset, then the cards in
    /// parallel. A preset that cannot be set up throws its error; cards that do not fit
    /// throw `CardFailure` with every card's problem.
    func cards(_ needed: [PlannedOutput]) async throws -> [CardJob] {
        let report = inputs.report
        var layouts: [String: CardLayout] = [:]
        for spec in inputs.cards where needed.contains(where: { $0.kind == .card && $0.preset == spec.name }) {
            layouts[spec.name] = CardLayout(typesetter: try Typesetter(spec: spec, composer: composer))
        }
        let events = Dictionary(report.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let work: [(output: PlannedOutput, layout: CardLayout, event: Event)] = needed.compactMap { out in
            guard out.kind == .card, let preset = out.preset, let layout = layouts[preset],
                  let id = out.event, let event = events[id] else { return nil }
            return (out, layout, event)
        }
        let pages = await Parallel.map(count: work.count) { i in
            try work[i].layout.page(report: report, event: work[i].event)
        }
        PhaseClock.mark("cards laid out")
        var jobs: [CardJob] = []
        var failures: [Error] = []
        for (item, page) in zip(work, pages) {
            switch page {
            case .success(let page): jobs.append(CardJob(output: item.output, page: page))
            case .failure(let error): failures.append(error)
            }
        }
        if !failures.isEmpty { throw CardFailure(errors: failures) }
        return jobs
    }

    /// The errors of the cards that could not be laid out.
    struct CardFailure: Error {
        var errors: [Error]

        /// Every problem, one per cause (not one per card).
        var diagnostics: [Diagnostic] {
            CardDiagnostics.merge(errors.flatMap { error -> [Diagnostic] in
                (error as? LayoutError)?.diagnostics ?? [.error("card", at: nil, "\(error)")]
            })
        }
    }
}
