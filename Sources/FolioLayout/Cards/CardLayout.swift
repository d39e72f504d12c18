import FolioCore
import FolioModel
import FolioText

/// Lays out one social card per event from a card preset: fixed frames plus a stack of
/// blocks in the safe area. The title shrinks step by step to its minimum size; then
/// optional parts are dropped; if it still does not fit, the error names the event and
/// the preset. Nothing is ever clipped.
public struct CardLayout: Sendable {
    public let typesetter: Typesetter

    public init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    var spec: LayoutSpec { typesetter.spec }

    /// How a card was fitted: the sizes used and what was dropped (for tests and --verbose).
    public struct Fitting: Hashable, Sendable {
        public var sizes: [Int: Double]
        public var dropped: [Int]
    }

    /// The card page for `event`.
    public func page(report: Report, event: Event) throws -> Page {
        try fit(report: report, event: event).page
    }

    /// The card page and how it was fitted.
    public func fit(report: Report, event: Event) throws -> (page: Page, fitting: Fitting) {
        guard let template = spec.templates["card"] else {
            throw LayoutError(.error("missing-key", at: SourceLocation(file: spec.file, line: 1, column: 1),
                                     "card preset '\(spec.name)' has no template 'card'"))
        }
        let scope = TemplateScope(report: report, event: event, page: event.rank)
        let live = spec.page.liveArea(pageNumber: 1)
        var items: [Item] = []
        if let bg = template.background {
            items.append(.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: spec.page.size.width, height: spec.page.size.height)),
                                      fill: typesetter.color(bg))))
        }
        let renderer = FrameRenderer(typesetter: typesetter, page: spec.page, scope: scope, pageNumber: 1, template: "\(spec.name) card")
        do {
            items += try renderer.render(template.frames)
        } catch let error as LayoutError {
            throw LayoutError(error.diagnostics.map { named($0, event: event) })
        }
        guard let flow = template.flow else {
            return (Page(size: spec.page.size, items: items, label: event.id, role: "card"), Fitting(sizes: [:], dropped: []))
        }
        let regionRect = flow.region?.resolve(live: live, trim: spec.page.size) ?? live
        let region = FlowRegion(rect: regionRect, columns: 1, gutter: 0)
        let shrinkable = flow.blocks.indices.filter { flow.blocks[$0].shrink }
        let optional = flow.blocks.indices.filter { flow.blocks[$0].optional }.reversed()
        var dropped: [Int] = []
        var lastOverflow: FlowEngine.Overflow?
        for dropCount in 0...optional.count {
            dropped = Array(optional.prefix(dropCount))
            for sizes in sizeSteps(flow.blocks, shrinkable) {
                var builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: region.columnWidth,
                                           regionWidth: region.rect.width)
                builder.sizes = sizes
                builder.dropped = Set(dropped)
                let flowItems = try builder.items(flow.blocks)
                if flowItems.contains(where: overfull) { continue }
                let engine = FlowEngine(grid: BaselineGrid(origin: 0, step: 0), paginate: false) { _ in region }
                do {
                    let result = try engine.run(flowItems)
                    items += result.pages.first ?? []
                    return (Page(size: spec.page.size, items: items, label: event.id, role: "card"),
                            Fitting(sizes: sizes, dropped: dropped))
                } catch let overflow as FlowEngine.Overflow {
                    lastOverflow = overflow
                }
            }
        }
        let minimum = shrinkable.map { spec.styles[flow.blocks[$0].style ?? ""]?.minSize ?? 0 }.max() ?? 0
        let field = lastOverflow?.origin?.field ?? "title"
        let droppedNames = optional.map { flow.blocks[$0].field ?? flow.blocks[$0].kind.rawValue }
        throw LayoutError(.error("card-overflow", at: event.fieldLocations[field] ?? event.fieldLocations["title"] ?? event.location,
                                 "\(event.label) does not fit the \(spec.name) card, even with the title at \(Int(minimum))px"
                                    + (droppedNames.isEmpty ? "" : " and without \(droppedNames.joined(separator: ", "))"),
                                 hint: "shorten the title (\(event.title.count) characters) or choose a roomier preset"))
    }

    /// Sizes to try for the shrinkable blocks: the style's size, then smaller steps to its minimum.
    private func sizeSteps(_ blocks: [BlockSpec], _ shrinkable: [Int]) -> [[Int: Double]] {
        guard !shrinkable.isEmpty else { return [[:]] }
        var steps: [[Int: Double]] = []
        var factor = 1.0
        while true {
            var sizes: [Int: Double] = [:]
            var atMinimum = true
            for i in shrinkable {
                let style = typesetter.style(blocks[i].style)
                let floor = style.minSize > 0 ? style.minSize : style.size
                let size = max(floor, (style.size * factor * 2).rounded(.down) / 2)
                sizes[i] = size
                if size > floor { atMinimum = false }
            }
            steps.append(sizes)
            if atMinimum || steps.count > 40 { break }
            factor *= 0.95
        }
        return steps
    }

    private func overfull(_ item: FlowItem) -> Bool {
        if case .text(let t) = item { return t.box.paragraph.overfull }
        return false
    }

    private func named(_ d: Diagnostic, event: Event) -> Diagnostic {
        var d = d
        if !d.message.contains(spec.name) { d.message += " (\(spec.name) card)" }
        return d
    }
}
