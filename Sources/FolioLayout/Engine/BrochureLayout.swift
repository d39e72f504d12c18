import FolioCore
import FolioModel
import FolioText

/// Lays out the whole brochure: cover, foreword, contents, one section per event,
/// statistics, back cover; padding for binding; the outline and page labels.
public struct BrochureLayout: Sendable {
    public let typesetter: Typesetter

    public init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    var spec: LayoutSpec { typesetter.spec }

    /// The laid-out document. Contents page numbers are found by laying out until they
    /// stop changing.
    public func document(for report: Report) throws -> Document {
        var numbers: [String: Int] = [:]
        let sections = SectionMemo()
        var result = try pass(report, numbers: numbers, sections: sections)
        for _ in 0..<4 {
            if result.destinations == numbers { break }
            numbers = result.destinations
            result = try pass(report, numbers: numbers, sections: sections)
        }
        let info = DocumentInfo(title: report.title, author: report.publisher,
                                subject: [report.subtitle, "\(report.edition)年度"].compactMap { $0 }.joined(separator: " · "),
                                keywords: report.categories, creator: "Folio", creationDate: report.published.description)
        return Document(info: info, pages: result.pages, outline: result.outline)
    }

    struct Pass {
        var pages: [Page] = []
        var destinations: [String: Int] = [:]
        var outline: [OutlineEntry] = []
        /// Where the last section's flow ended, on the last page (nil after a section
        /// without a flow): a section with `start:` continues there.
        var flowEnd: FlowEnd?
    }

    /// Sections laid out by an earlier pass of the same document. Passes differ only in
    /// the page numbers the contents shows, so a section that shows none and starts on
    /// the same page comes out the same: it is taken from here instead of laid out again.
    final class SectionMemo {
        struct Key: Hashable {
            var template: String
            var destination: String
            var firstIndex: Int
            var resume: FlowEnd?
        }

        struct Made {
            var pages: [Page]
            var destinations: [String: Int]
            var outline: OutlineEntry?
            var end: FlowEnd?
        }

        var made: [Key: Made] = [:]
    }

    private func pass(_ report: Report, numbers: [String: Int], sections: SectionMemo) throws -> Pass {
        var p = Pass()
        var errors: [Diagnostic] = []
        let contents = contentsEntries(report)
        let backSections = spec.sequence.reversed().prefix { $0 == "back" }.count
        for (k, section) in spec.sequence.enumerated() {
            if k == spec.sequence.count - backSections {
                pad(&p, report: report, reserve: backSections)
            }
            guard included(section, report) else { continue }
            do {
                if section == "events", let template = spec.templates["event"], template.placement == .continuous {
                    try appendContinuousEvents(&p, report: report, template: template, numbers: numbers, contents: contents,
                                               sections: sections)
                } else if section == "events" {
                    for event in report.events {
                        let scope = TemplateScope(report: report, event: event, rankLimit: spec.rankLimit)
                        let dest = "event-\(event.id)"
                        let title = String(format: "%02d ", event.rank) + event.title
                        try append(&p, template: "event", scope: scope, destination: dest, outlineTitle: title,
                                   numbers: numbers, contents: contents, sections: sections)
                    }
                } else {
                    let scope = TemplateScope(report: report, section: spec.templates[section]?.title, rankLimit: spec.rankLimit)
                    try append(&p, template: section, scope: scope, destination: section,
                               outlineTitle: spec.templates[section]?.title, numbers: numbers, contents: contents, sections: sections)
                }
            } catch let error as LayoutError {
                errors += error.diagnostics
            }
        }
        if backSections == 0 { pad(&p, report: report, reserve: 0) }
        if !errors.isEmpty { throw LayoutError(errors) }
        return p
    }

    /// Whether a template's section is made for this report (`when:` conditions).
    private func included(_ section: String, _ report: Report) -> Bool {
        Condition.holds(spec.templates[section == "events" ? "event" : section]?.when,
                        Condition.Facts(report: report, rankLimit: spec.rankLimit, hasLogo: spec.logo != nil))
    }

    /// The contents: sections with titles, and every event with its rank.
    private func contentsEntries(_ report: Report) -> [ContentsEntry] {
        var entries: [ContentsEntry] = []
        for section in spec.sequence where included(section, report) {
            if section == "events" {
                for e in report.events {
                    var entry = ContentsEntry(destination: "event-\(e.id)", rank: String(format: "%02d", e.rank), title: e.title)
                    entry.event = e
                    entries.append(entry)
                }
            } else if let title = spec.templates[section]?.title, section != "contents", section != "cover", section != "back" {
                entries.append(ContentsEntry(destination: section, rank: nil, title: title))
            }
        }
        return entries
    }

    private func append(_ p: inout Pass, template name: String, scope: TemplateScope, destination: String,
                        outlineTitle: String?, numbers: [String: Int], contents: [ContentsEntry], sections: SectionMemo) throws {
        guard let template = spec.templates[name] else { return }
        let resume = resumption(name, template, p)
        let key = SectionMemo.Key(template: name, destination: destination, firstIndex: p.pages.count, resume: resume)
        let showsNumbers = template.flow?.blocks.contains { $0.kind == .contents } ?? false
        if !showsNumbers, let made = sections.made[key] {
            // A section that continues the one before remade that one's last page.
            if resume != nil { p.pages.removeLast() }
            p.pages += made.pages
            p.destinations.merge(made.destinations) { _, new in new }
            if let entry = made.outline { p.outline.append(entry) }
            p.flowEnd = made.end
            return
        }
        let before = (pages: p.pages.count - (resume == nil ? 0 : 1), destinations: p.destinations, outline: p.outline.count)
        try layOut(&p, template: template, name: name, scope: scope, destination: destination, outlineTitle: outlineTitle,
                   numbers: numbers, contents: contents)
        sections.made[key] = SectionMemo.Made(pages: Array(p.pages[before.pages...]),
                                              destinations: p.destinations.filter { before.destinations[$0.key] != $0.value },
                                              outline: p.outline.count > before.outline ? p.outline.last : nil, end: p.flowEnd)
    }

    func layOut(_ p: inout Pass, template: TemplateSpec, name: String, scope: TemplateScope, destination: String,
                        outlineTitle: String?, numbers: [String: Int], contents: [ContentsEntry]) throws {
        // A section with `start:` begins on the last page, where the section before ended.
        var resume = resumption(name, template, p)
        var firstIndex = p.pages.count - (resume == nil ? 0 : 1)
        var first = firstIndex + 1
        var flowPages: [[Item]] = [[]]
        var anchors: [(name: String, page: Int, point: Point)] = []
        p.flowEnd = nil
        if let flow = template.flow {
            let continuation = template.continuation.flatMap { spec.templates[$0] }
            let region = flowRegion(flow, continuation: continuation, first: first, continuing: resume != nil)
            let r0 = region(0)
            // One run of the flow; copyfitting (Copyfit.swift) may run it again with other
            // styles, grid or regions.
            let run = { (typesetter: Typesetter, step: Double, space: Double, growth: Double,
                         region: @escaping (Int) -> FlowRegion) throws -> FlowResult in
                var builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: r0.columnWidth,
                                           regionWidth: r0.rect.width)
                builder.pageNumbers = numbers
                builder.contents = contents
                builder.growth = growth
                var items = try builder.items(Copyfit.spaced(flow.blocks, space))
                if let resume {
                    if let k = items.firstIndex(where: { $0.start == nil && !isAnchor($0) }) { items[k] = items[k].starting(template.start ?? .anywhere) }
                    items.insert(.anchor(destination), at: 0)
                }
                let grid = BaselineGrid(origin: spec.page.margins.top, step: step)
                var engine = FlowEngine(grid: grid, paginate: flow.paginate, region: region)
                engine.balance = flow.balance
                return try engine.run(items, from: resume?.start(columns: r0.columns))
            }
            do {
                let result = try Copyfit(spec: flow.copyfit, typesetter: typesetter, grows: flow.blocks.contains { $0.grow })
                    .run(region: region, flow: run)
                flowPages = result.pages
                anchors = result.anchors
                p.flowEnd = FlowEnd(pageIndex: firstIndex + result.pages.count - 1, end: result.end, bottom: result.bottom,
                                    columns: region(result.pages.count - 1).columns)
                if resume != nil, flowPages.first?.isEmpty ?? false {
                    // Nothing fitted under the section before: the section begins a page.
                    flowPages.removeFirst()
                    anchors = anchors.filter { $0.name != destination }.map { ($0.name, $0.page - 1, $0.point) }
                    (resume, firstIndex, first) = (nil, firstIndex + 1, first + 1)
                }
            } catch let overflow as FlowEngine.Overflow {
                throw LayoutError(.error("overflow", at: overflow.origin?.location,
                                         "\(overflow.origin?.owner ?? "the report"): '\(overflow.origin?.field ?? "text")' does not fit the \(name) page",
                                         hint: "shorten it or use a layout that lets it run on"))
            }
        }
        for (k, flowItems) in flowPages.enumerated() {
            let pageNumber = first + k
            let pageTemplate = k == 0 ? template : (template.continuation.flatMap { spec.templates[$0] } ?? TemplateSpec(master: template.master, folio: template.folio))
            let pageScope = TemplateScope(report: scope.report, event: scope.event, page: pageNumber,
                                          section: scope.section ?? template.title ?? scope.event?.title, rankLimit: spec.rankLimit)
            let renderer = FrameRenderer(typesetter: typesetter, page: spec.page, scope: pageScope, pageNumber: pageNumber,
                                         template: name)
            var items = resume != nil && k == 0 ? [] : try underlay(pageTemplate, renderer: renderer, pageNumber: pageNumber)
            if k == 0 && resume == nil {
                items.append(.destination(name: destination, at: Point(x: 0, y: 0)))
                items += try renderer.render(template.frames)
            }
            items += flowItems
            for anchor in anchors where anchor.page == k {
                items.append(.destination(name: anchor.name, at: anchor.point))
            }
            let endsOpen = template.endsOpen && k == flowPages.count - 1
            if resume != nil && k == 0 {
                // The page shared with the section before: this section's flow goes under it.
                p.pages[firstIndex].items += items
                p.pages[firstIndex].endsOpen = endsOpen
                continue
            }
            var page = Page(size: spec.page.size, bleed: spec.page.bleed, items: items, label: label(pageTemplate, pageNumber: pageNumber), role: name)
            page.endsOpen = endsOpen
            p.pages.append(page)
        }
        if template.flow == nil { p.flowEnd = nil }
        p.destinations[destination] = first + (anchors.first { $0.name == destination }?.page ?? 0)
        for anchor in anchors { p.destinations[anchor.name] = first + anchor.page }
        if let outlineTitle {
            p.outline.append(OutlineEntry(title: outlineTitle, pageIndex: p.destinations[destination]! - 1, destination: destination))
        }
    }

    /// Pads the page count to the layout's multiple with blank (notes) pages, keeping
    /// `reserve` pages (the back cover) at the end.
    private func pad(_ p: inout Pass, report: Report, reserve: Int) {
        let multiple = spec.page.padTo
        guard multiple > 1 else { return }
        p.flowEnd = nil
        let projected = p.pages.count + reserve
        let missing = (multiple - projected % multiple) % multiple
        for k in 0..<missing {
            let number = p.pages.count + 1
            let name = spec.page.padWith[min(k, spec.page.padWith.count - 1)]
            if let made = padPage(p, template: name, report: report) {
                p.pages.append(made)
                continue
            }
            var items: [Item] = []
            if let notes = spec.templates[name] {
                let scope = TemplateScope(report: report, page: number, section: notes.title, rankLimit: spec.rankLimit)
                let renderer = FrameRenderer(typesetter: typesetter, page: spec.page, scope: scope, pageNumber: number, template: "notes")
                if let m = notes.master, let master = spec.masters[m] {
                    items += (try? renderer.render(master.all + (number % 2 == 1 ? master.odd : master.even), furniture: true)) ?? []
                }
                // A notes page is blank paper: its heading and rules are furniture.
                items += (try? renderer.render(notes.frames, furniture: true)) ?? []
            }
            var page = Page(size: spec.page.size, bleed: spec.page.bleed, items: items, label: String(number), role: "notes")
            page.endsOpen = spec.templates[name]?.endsOpen ?? false
            p.pages.append(page)
        }
    }
}
