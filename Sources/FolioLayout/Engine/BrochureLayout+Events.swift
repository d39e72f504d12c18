import FolioCore
import FolioModel

/// Events in one continuous flow (`placement: continuous` on the event template): each
/// event's blocks follow the previous event's, beginning where `start:` allows, its head
/// set in the flow by the template's own blocks (a `group` for rank and meta, the title).
/// Every event keeps its destination (`event-<id>`, where its head is), its outline entry
/// and its H2, so the contents and the outline find it as with a page per event.
extension BrochureLayout {
    func appendContinuousEvents(_ p: inout Pass, report: Report, template: TemplateSpec, numbers: [String: Int],
                                contents: [ContentsEntry], sections: SectionMemo) throws {
        guard let flow = template.flow, !report.events.isEmpty else { return }
        let key = SectionMemo.Key(template: "event", destination: "events", firstIndex: p.pages.count)
        if let made = sections.made[key] {
            p.pages += made.pages
            p.destinations.merge(made.destinations) { _, new in new }
            appendOutline(&p, report: report, destinations: made.destinations)
            p.flowEnd = made.end
            return
        }
        let firstIndex = p.pages.count
        let first = firstIndex + 1
        let continuation = template.continuation.flatMap { spec.templates[$0] }
        let region = flowRegion(flow, continuation: continuation, first: first)
        let r0 = region(0)
        var items: [FlowItem] = []
        var errors: [Diagnostic] = []
        let variants = EventVariants(typesetter: typesetter, base: template, region: region)
        // Events that begin a page show their template's frames there (a page band).
        var pageFrames: [String: (Event, [FrameSpec])] = [:]
        // What fills the white an event leaves at a column's foot (GapFiller.swift).
        var gaps = flow.gaps.map(GapFiller.init)
        for (n, event) in report.events.enumerated() {
            let scope = TemplateScope(report: report, event: event, rankLimit: spec.rankLimit)
            var builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: r0.columnWidth, regionWidth: r0.rect.width)
            builder.pageNumbers = numbers
            builder.contents = contents
            do {
                let chosen = try variants.template(for: event, report: report).template
                let start = chosen.start ?? template.start ?? .anywhere
                if n == 0 || start == .page { pageFrames["event-\(event.id)"] = (event, chosen.frames) }
                var (own, growable) = gaps == nil ? (try builder.items(chosen.flow?.blocks ?? flow.blocks), [])
                    : try builder.itemsMarkingGrowth(chosen.flow?.blocks ?? flow.blocks)
                if n > 0, let k = own.firstIndex(where: { $0.start == nil && !isAnchor($0) }) {
                    own[k] = own[k].starting(start)
                }
                items.append(.anchor("event-\(event.id)"))
                gaps?.growable.formUnion(growable.map { $0 + items.count })
                items += own
                if gaps != nil { gaps?.fillers[items.count] = try builder.items(chosen.flow?.filler ?? flow.filler) }
            } catch let error as LayoutError {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw LayoutError(errors) }
        let grid = BaselineGrid(origin: spec.page.margins.top, step: spec.page.baseline)
        let result: FlowResult
        do {
            var engine = FlowEngine(grid: grid, paginate: flow.paginate, region: region)
            engine.gaps = gaps
            engine.balance = flow.balance
            result = try engine.run(items)
        } catch let overflow as FlowEngine.Overflow {
            throw LayoutError(.error("overflow", at: overflow.origin?.location,
                                     "\(overflow.origin?.owner ?? "the report"): '\(overflow.origin?.field ?? "text")' does not fit the event pages",
                                     hint: "shorten it or use a layout that lets it run on"))
        }
        // The event each page belongs to: the first that begins on it, else the one running on.
        // (Each event's head page looked up once: the 200-event report has 116 pages.)
        var headPage: [String: Int] = [:]
        for anchor in result.anchors where headPage[anchor.name] == nil { headPage[anchor.name] = anchor.page }
        let eventPages = report.events.map { headPage["event-\($0.id)"] }
        var starts: [Int: Event] = [:]
        for (event, page) in zip(report.events, eventPages).reversed() {
            if let page { starts[page] = event }
        }
        var running = report.events.first
        for (k, flowItems) in result.pages.enumerated() {
            let pageNumber = first + k
            let event = starts[k] ?? running
            if let last = eventPages.lastIndex(where: { $0.map { $0 <= k } ?? false }) {
                running = report.events[last]
            }
            let pageTemplate = k == 0 ? template : (continuation ?? TemplateSpec(master: template.master, folio: template.folio))
            let pageScope = TemplateScope(report: report, event: event, page: pageNumber, section: event?.title, rankLimit: spec.rankLimit)
            let renderer = FrameRenderer(typesetter: typesetter, page: spec.page, scope: pageScope, pageNumber: pageNumber, template: "event")
            var pageItems = try underlay(pageTemplate, renderer: renderer, pageNumber: pageNumber)
            for anchor in result.anchors where anchor.page == k {
                guard let (owner, frames) = pageFrames[anchor.name], !frames.isEmpty else { continue }
                let scope = TemplateScope(report: report, event: owner, page: pageNumber, section: owner.title, rankLimit: spec.rankLimit)
                pageItems += try FrameRenderer(typesetter: typesetter, page: spec.page, scope: scope, pageNumber: pageNumber,
                                               template: "event").render(frames)
            }
            pageItems += flowItems
            for anchor in result.anchors where anchor.page == k {
                pageItems.append(.destination(name: anchor.name, at: anchor.point))
            }
            var page = Page(size: spec.page.size, bleed: spec.page.bleed, items: pageItems, label: label(pageTemplate, pageNumber: pageNumber),
                            role: "event")
            page.endsOpen = template.endsOpen && k == result.pages.count - 1
            p.pages.append(page)
        }
        var destinations: [String: Int] = [:]
        for anchor in result.anchors { destinations[anchor.name] = first + anchor.page }
        p.destinations.merge(destinations) { _, new in new }
        appendOutline(&p, report: report, destinations: destinations)
        p.flowEnd = FlowEnd(pageIndex: p.pages.count - 1, end: result.end, bottom: result.bottom,
                            columns: region(result.pages.count - 1).columns)
        sections.made[key] = SectionMemo.Made(pages: Array(p.pages[firstIndex...]), destinations: destinations, outline: nil,
                                              end: p.flowEnd)
    }

    /// An outline entry per event, at the page its head is on.
    private func appendOutline(_ p: inout Pass, report: Report, destinations: [String: Int]) {
        for event in report.events {
            let dest = "event-\(event.id)"
            guard let page = destinations[dest] else { continue }
            p.outline.append(OutlineEntry(title: String(format: "%02d ", event.rank) + event.title, pageIndex: page - 1, destination: dest))
        }
    }
}
