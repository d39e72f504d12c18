import FolioCore
import FolioModel
import FolioText

/// Lays out one social card per event from a card preset: fixed frames, plus flows of
/// blocks stacked in their regions (`flow`, and on wide cards further `flows`).
///
/// Fitting, in order: the blocks marked `shrink` (the title) step down together by 5 %
/// to their style's `min-size`; if the card still does not fit, optional blocks are
/// dropped one at a time (by `drop` number, then from the last) and the sizes are tried
/// again from the top; if nothing fits, the error names the event and the preset. A
/// block fits when it is not overfull, stays inside its region, and — on presets with
/// `centre-crop: true` — a title (role H1) stays inside the centre square chats crop
/// to. Nothing is ever clipped: every item but bleed art ends inside the safe area.
public struct CardLayout: Sendable {
    public let typesetter: Typesetter

    public init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    var spec: LayoutSpec { typesetter.spec }

    /// How a card was fitted: the sizes used (by block index across the template's
    /// flows, `flow` first) and the optional blocks dropped.
    public struct Fitting: Hashable, Sendable {
        public var sizes: [Int: Double]
        public var dropped: [Int]
    }

    /// The card's geometry (safe area, centre square).
    public var geometry: CardGeometry { CardGeometry(page: spec.page) }

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
        let scope = TemplateScope(report: report, event: event, page: event.rank, rankLimit: spec.rankLimit)
        let size = spec.page.size
        let blank = Page(size: size, bleed: spec.page.bleed, label: event.id, role: "card")
        var items: [Item] = []
        if let bg = template.background {
            items.append(.clipped(blank.bleedBox, [.shape(Shape(path: .rect(blank.bleedBox), fill: typesetter.color(bg)))]))
        }
        let renderer = FrameRenderer(typesetter: typesetter, page: spec.page, scope: scope, pageNumber: 1,
                                     template: "\(spec.name) card")
        do {
            items += try renderer.render(template.frames)
        } catch let error as LayoutError {
            throw LayoutError(error.diagnostics.map(named))
        }
        let flows = CardFlows(template: template, page: spec.page)
        var fitting = Fitting(sizes: [:], dropped: [])
        if !flows.blocks.isEmpty {
            let (flowItems, fitted) = try fitFlows(flows, scope: scope, event: event, imageShown: template.showsImage)
            items += flowItems
            fitting = fitted
        }
        let page = Page(size: size, bleed: spec.page.bleed, items: items, label: event.id, role: "card")
        try checkSafeArea(page, event: event)
        return (page, fitting)
    }

    // MARK: - Fitting

    /// Why one attempt did not fit.
    private enum Misfit {
        case tooTall(block: Int, by: Double)
        case tooWide(block: Int)
        case overfull(block: Int)
        case outsideCentre(block: Int)

        var block: Int {
            switch self {
            case .tooTall(let b, _), .tooWide(let b), .overfull(let b), .outsideCentre(let b): return b
            }
        }
    }

    private func fitFlows(_ flows: CardFlows, scope: TemplateScope, event: Event,
                          imageShown: Bool) throws -> ([Item], Fitting) {
        let blocks = flows.blocks
        let shrinkable = blocks.indices.filter { blocks[$0].spec.shrink }
        let builder = CardBlocks(typesetter: typesetter, scope: scope, imageShown: imageShown)
        let imageBlocks = Set(blocks.indices.filter { blocks[$0].spec.kind == .image })
        let chartBlocks = Set(blocks.indices.filter { blocks[$0].spec.kind == .charts })
        var lastMisfit: Misfit?
        var lastSizes: [Int: Double] = [:]
        var lastDropped: [Int] = []
        // Only optional blocks that can show something for this event are worth dropping
        // (a chart counts even when a photo has the media slot: the photo may be dropped).
        var shows = Set<Int>()
        var anyMedia = builder
        anyMedia.imageShown = false
        var noMedia = anyMedia
        (noMedia.imageDropped, noMedia.chartDropped) = (true, true)
        for (i, block) in blocks.enumerated()
        where block.spec.optional && (anyMedia.holds(block.spec.when) || noMedia.holds(block.spec.when)) {
            let width = flows.regions[block.region].rect.width
            if !(try anyMedia.items(block.spec, width: width, size: nil)).isEmpty { shows.insert(i) }
        }
        // Blocks with `drop: 0` are shown only where there is room for them: they are given
        // up before the title is set any smaller.
        let extras = Set(shows.filter { blocks[$0].spec.drop == 0 })
        let steps = sizeSteps(blocks.map(\.spec), shrinkable)
        let shrinkRegions = Set(shrinkable.map { blocks[$0].region })
        func media(_ dropped: [Int]) -> CardBlocks {
            var media = builder
            media.imageShown = imageShown && !imageBlocks.isSubset(of: Set(dropped))
            media.imageDropped = !imageBlocks.isEmpty && imageBlocks.isSubset(of: Set(dropped))
            media.chartDropped = !chartBlocks.isEmpty && chartBlocks.isSubset(of: Set(dropped))
            return media
        }
        for dropped in flows.dropSequence(shown: { shows.contains($0) }) {
            lastDropped = dropped
            for sizes in extras.isSubset(of: Set(dropped)) ? steps : Array(steps.prefix(1)) {
                lastSizes = sizes
                switch try attempt(flows, builder: media(dropped), sizes: sizes, dropped: Set(dropped)) {
                case .success(var items):
                    // A block given up earlier may fit again now that a later one is gone
                    // (a summary dropped before a chart too tall for the card): take it back,
                    // the most important first, at the sizes that fitted.
                    var kept = dropped
                    // (A `drop: 0` block comes back only at full sizes, or in a region
                    // without shrinking text, where it cannot have made the title smaller.)
                    for i in dropped.reversed()
                    where !extras.contains(i) || sizes == steps.first || !shrinkRegions.contains(blocks[i].region) {
                        let fewer = kept.filter { $0 != i }
                        if case .success(let more) = try attempt(flows, builder: media(fewer), sizes: sizes, dropped: Set(fewer)) {
                            (kept, items) = (fewer, more)
                        }
                    }
                    return (items, Fitting(sizes: sizes, dropped: kept))
                case .failure(let failure): lastMisfit = failure.misfit
                }
            }
        }
        throw misfitError(lastMisfit, flows: flows, sizes: lastSizes, dropped: lastDropped, event: event)
    }

    private struct MisfitError: Error {
        var misfit: Misfit
    }

    /// One try at the given sizes without the dropped blocks.
    private func attempt(_ flows: CardFlows, builder: CardBlocks, sizes: [Int: Double],
                         dropped: Set<Int>) throws -> Result<[Item], MisfitError> {
        var all: [Item] = []
        for region in flows.regions {
            var stackBlocks: [CardStack.Block] = []
            for i in region.blocks where !dropped.contains(i) && builder.holds(flows.blocks[i].spec.when) {
                let block = flows.blocks[i].spec
                if block.grow && block.kind == .spacer {
                    stackBlocks.append(CardStack.Block(index: i, items: [], grows: true))
                    continue
                }
                let items = try builder.items(block, width: region.rect.width, size: sizes[i])
                for case .text(let t) in items where t.box.paragraph.overfull {
                    return .failure(MisfitError(misfit: .overfull(block: i)))
                }
                stackBlocks.append(CardStack.Block(index: i, items: items, grows: false))
            }
            // A rule introduces what follows it: one with nothing after it in its region
            // (an event with neither a figure nor a summary) is left out, not left dangling.
            var followed = false
            for k in stackBlocks.indices.reversed() {
                if flows.blocks[stackBlocks[k].index].spec.kind == .rule {
                    if !followed { stackBlocks[k].items = [] }
                } else if !stackBlocks[k].items.isEmpty {
                    followed = true
                }
            }
            var result = CardStack.stack(stackBlocks, in: region.rect)
            // Charts and photos marked `grow` take the room left in the region, shared evenly.
            let growing = stackBlocks.indices.filter {
                let spec = flows.blocks[stackBlocks[$0].index].spec
                return spec.grow && spec.kind != .spacer && !stackBlocks[$0].items.isEmpty
            }
            let room = region.rect.height - result.needed
            if result.overflow == nil, !growing.isEmpty, room >= 1 {
                let extra = (room / Double(growing.count) * 2).rounded(.down) / 2
                for k in growing {
                    let spec = flows.blocks[stackBlocks[k].index].spec
                    // Text grows from what it holds now (its first sentence); charts and photos from their height.
                    let textHeight = stackBlocks[k].items.reduce(0.0) { sum, item in
                        if case .text(let t) = item { return sum + t.box.height }
                        return sum
                    }
                    let planned = spec.kind == .paragraphs ? textHeight
                        : spec.height ?? region.rect.width * (spec.kind == .image ? 9.0 / 16 : 0.5)
                    stackBlocks[k].items = try builder.items(spec, width: region.rect.width, size: sizes[stackBlocks[k].index],
                                                             height: planned + extra)
                }
                result = CardStack.stack(stackBlocks, in: region.rect)
            }
            if let over = result.overflow {
                // What makes a region too full is its text of variable length (the title),
                // not the fixed part the stack happened to push past the bottom.
                let blame = region.blocks.first { flows.blocks[$0].spec.shrink && !dropped.contains($0) } ?? over.block
                return .failure(MisfitError(misfit: .tooTall(block: blame, by: over.by)))
            }
            let page = Page(size: spec.page.size, bleed: spec.page.bleed)
            for i in region.blocks {
                guard let drawn = result.items[i] else { continue }
                if !CardGeometry.leaves(outside: region.rect, in: drawn, on: page).isEmpty {
                    return .failure(MisfitError(misfit: .tooWide(block: i)))
                }
                if let square = geometry.centreSquare, flows.blocks[i].spec.role == "H1",
                   !CardGeometry.leaves(outside: square, in: drawn, on: page).isEmpty {
                    return .failure(MisfitError(misfit: .outsideCentre(block: i)))
                }
                all += drawn
            }
        }
        return .success(all)
    }

    /// Sizes to try for the shrinkable blocks: the style's size, then 5 % steps down to
    /// its minimum (every block reaches its minimum on the last step).
    private func sizeSteps(_ blocks: [BlockSpec], _ shrinkable: [Int]) -> [[Int: Double]] {
        guard !shrinkable.isEmpty else { return [[:]] }
        var steps: [[Int: Double]] = []
        var factor = 1.0
        while true {
            var sizes: [Int: Double] = [:]
            var atMinimum = true
            for i in shrinkable {
                let style = typesetter.style(blocks[i].kind == .figure ? blocks[i].parts["value"] ?? "figure-value" : blocks[i].style)
                let floor = style.minSize > 0 ? style.minSize : style.size
                let size = max(floor, (style.size * factor * 2).rounded(.down) / 2)
                sizes[i] = size
                if size > floor { atMinimum = false }
            }
            steps.append(sizes)
            if atMinimum || steps.count > 60 { break }
            factor *= 0.95
        }
        return steps
    }

    // MARK: - Errors

    private func misfitError(_ misfit: Misfit?, flows: CardFlows, sizes: [Int: Double], dropped: [Int], event: Event) -> LayoutError {
        let blockIndex = misfit?.block ?? flows.blocks.firstIndex { $0.spec.field == "title" } ?? 0
        let block = flows.blocks[blockIndex].spec
        let field = block.field ?? (block.kind == .figure ? "figures" : block.kind == .charts ? "charts" : block.kind.rawValue)
        let what: String
        switch misfit {
        case .tooTall(_, let by)?: what = "its \(field) needs \(Int(by.rounded(.up)))px more than the card has room for"
        case .tooWide?: what = "its \(field) is wider than its area"
        case .overfull?: what = "its \(field) has a line that cannot be broken to the width"
        case .outsideCentre?: what = "its \(field) does not stay inside the centre square chats crop to"
        case nil: what = "it does not fit"
        }
        let shrunk = sizes.sorted { $0.key < $1.key }.compactMap { i, size -> String? in
            guard let f = flows.blocks[i].spec.field ?? (flows.blocks[i].spec.kind == .figure ? "figure" : nil) else { return nil }
            return "the \(f) at \(Self.px(size))"
        }
        let optional = dropped.map { flows.blocks[$0].spec.field ?? flows.blocks[$0].spec.kind.rawValue }
        var message = "\(event.label) does not fit the \(spec.name) card: \(what)"
        if !shrunk.isEmpty { message += ", even with \(shrunk.joined(separator: " and "))" }
        if !optional.isEmpty { message += " and without \(optional.joined(separator: ", "))" }
        let location = event.fieldLocations[field] ?? event.fieldLocations["title"] ?? event.location
        return LayoutError(.error("card-overflow", at: location, message,
                                  hint: "shorten the \(field == "title" ? "title (\(event.title.count) characters)" : field), "
                                    + "or build other presets with --cards; the \(spec.name) preset is \(spec.file)"))
    }

    private static func px(_ v: Double) -> String {
        v == v.rounded() ? "\(Int(v))px" : "\(v)px"
    }

    /// Every item but bleed art must end inside the safe area; one that does not is a
    /// fault of the preset (a frame placed too close to the edge), named with the event.
    private func checkSafeArea(_ page: Page, event: Event) throws {
        let outside = CardGeometry.leaves(outside: geometry.safeArea, in: page.items, on: page)
        guard let first = outside.first else { return }
        let b = first.bounds ?? .init(x: 0, y: 0, width: 0, height: 0)
        throw LayoutError(.error("card-unsafe", at: SourceLocation(file: spec.file, line: 1, column: 1),
                                 "\(event.label) on the \(spec.name) card: \(CardGeometry.describe(first)) at "
                                    + "[\(Int(b.minX)), \(Int(b.minY)), \(Int(b.width)), \(Int(b.height))] leaves the safe area "
                                    + "[\(Int(geometry.safeArea.minX)), \(Int(geometry.safeArea.minY)), "
                                    + "\(Int(geometry.safeArea.width)), \(Int(geometry.safeArea.height))]",
                                 hint: "keep frames and flow regions inside the safe margins; mark decorative art `bleed: true`"))
    }

    private func named(_ d: Diagnostic) -> Diagnostic {
        var d = d
        if !d.message.contains(spec.name) { d.message += " (\(spec.name) card)" }
        return d
    }
}

extension TemplateSpec {
    /// Whether any flow of the template has an image block.
    var showsImage: Bool {
        ([flow].compactMap { $0 } + flows).contains { $0.blocks.contains { $0.kind == .image } }
    }
}
