import FolioCore
import FolioModel

/// Chooses each event's template among the event template's `variants:` — the first whose
/// condition holds, else the event template — deciding measured conditions (`short`,
/// `long`) on the event's flow set alone in the event template's first region.
struct EventVariants {
    let typesetter: Typesetter
    let base: TemplateSpec
    let region: (Int) -> FlowRegion

    var spec: LayoutSpec { typesetter.spec }

    /// The template for `event`, and its name (nil: the event template itself).
    func template(for event: Event, report: Report) throws -> (name: String?, template: TemplateSpec) {
        var measured: (pages: Int, share: Double)?
        for variant in base.variants {
            guard let template = spec.templates[variant.template] else { continue }
            let names = variant.when.map { $0.split(separator: ",").map(String.init) } ?? []
            var holds = true
            for name in names where holds {
                if EventVariant.measured.contains(name) {
                    if name == "figures-3" { holds = event.figures.count >= 3; continue }
                    if measured == nil { measured = try measure(event, report: report) }
                    let m = measured ?? (1, 1)
                    holds = name == "short" ? (m.pages == 1 && m.share <= 0.5) : m.pages > 1
                } else {
                    holds = Condition.holds(name, Condition.Facts(report: report, event: event, rankLimit: spec.rankLimit,
                                                                 hasLogo: spec.logo != nil))
                }
            }
            if holds { return (variant.template, template) }
        }
        return (nil, base)
    }

    /// Pages the event's flow takes in the event template, and the share of the first
    /// region's height it fills on its last page.
    private func measure(_ event: Event, report: Report) throws -> (pages: Int, share: Double) {
        guard let flow = base.flow else { return (1, 0) }
        let r0 = region(0)
        let scope = TemplateScope(report: report, event: event, rankLimit: spec.rankLimit)
        let builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: r0.columnWidth, regionWidth: r0.rect.width)
        let items = try builder.items(flow.blocks)
        let grid = BaselineGrid(origin: spec.page.margins.top, step: spec.page.baseline)
        guard let result = try? FlowEngine(grid: grid, paginate: true, region: region).run(items) else { return (2, 1) }
        let last = region(result.pages.count - 1).rect
        let used = (result.bottom - last.minY) / max(1, last.height)
        return (result.pages.count, used)
    }
}
