import FolioCore

/// Copyfitting (`copyfit:` on a template's flow): a section whose last page would hold
/// only a few lines is set a little tighter — baseline-grid text on a tighter grid,
/// smaller or tracked in, blocks closer together — within the limits the layout sets, so
/// that it ends a page earlier. When even the full limits do not save the page, the text
/// is spread over the last two pages instead (`otherwise: spread`), so the last is used
/// as well as the one before it.
///
/// Blocks with `grow: yes` (contents entries, chart rows) then take the room left on the
/// flow's last page, as much as they can without adding a page.
struct Copyfit {
    /// One run of the flow: with these styles, this baseline step, this share of the
    /// blocks' space before and after, this growth of growing blocks, and these regions.
    typealias Flow = (Typesetter, Double, Double, Double, @escaping (Int) -> FlowRegion) throws -> FlowResult

    let spec: CopyfitSpec?
    let typesetter: Typesetter
    /// Whether the flow has blocks that grow.
    var grows = false

    /// The fractions of the limits tried in turn.
    static let steps = [0.25, 0.5, 0.75, 1.0]

    func run(region: @escaping (Int) -> FlowRegion, flow: Flow) throws -> FlowResult {
        let layout = typesetter.spec
        let plain = try flow(typesetter, layout.page.baseline, 1, 0, region)
        guard let spec, plain.pages.count > 1, share(plain, page: plain.pages.count - 1, region) < spec.spill else {
            return try grow(plain, region: region) { try flow(typesetter, layout.page.baseline, 1, $0, region) }
        }
        for t in Self.steps {
            let fitted = try Typesetter(spec: Self.tightened(layout, spec, by: t), composer: typesetter.composer)
            let step = max(0, layout.page.baseline - spec.leading * t)
            let space = 1 - spec.space * t
            guard let result = try? flow(fitted, step, space, 0, region) else { continue }
            if result.pages.count < plain.pages.count {
                return try grow(result, region: region) { try flow(fitted, step, space, $0, region) }
            }
        }
        guard spec.otherwise == .spread, plain.pages.count >= 2 else { return plain }
        let (spread, cut) = try spread(plain, region: region, flow: flow)
        // Growing blocks then take the room the spread left on the last page.
        return try grow(spread, region: cut) { try flow(typesetter, layout.page.baseline, 1, $0, cut) }
    }

    /// The most growth (to the point) that keeps the flow on as many pages as `result`.
    private func grow(_ result: FlowResult, region: (Int) -> FlowRegion, with flow: (Double) throws -> FlowResult) throws -> FlowResult {
        guard grows else { return result }
        var best = result
        // Whole points: `mid` lies strictly between `low` and `high` while they are two or
        // more apart, so the search ends (about ten layouts for a page).
        var low = 0.0, high = region(0).rect.height.rounded(.down)
        while high - low > 1 {
            let mid = ((low + high) / 2).rounded(.down)
            let grown = try flow(mid)
            if grown.pages.count == result.pages.count {
                (best, low) = (grown, mid)
            } else {
                high = mid
            }
        }
        return best
    }

    /// The layout with its baseline-grid styles set `t` of the way to the limits.
    static func tightened(_ layout: LayoutSpec, _ spec: CopyfitSpec, by t: Double) -> LayoutSpec {
        var fitted = layout
        for (name, style) in layout.styles where style.grid {
            var s = style
            s.leading = max(1, style.leading - spec.leading * t)
            s.size = max(1, style.size - spec.size * t)
            s.tracking = style.tracking - spec.tracking * t
            fitted.styles[name] = s
        }
        return fitted
    }

    /// The blocks with `share` of their space before and after.
    static func spaced(_ blocks: [BlockSpec], _ share: Double) -> [BlockSpec] {
        guard share < 1 else { return blocks }
        return blocks.map { b in
            var b = b
            b.spaceBefore *= share
            b.spaceAfter *= share
            return b
        }
    }

    /// How much of page `k`'s region the flow fills (the occupancy measure, over the region).
    func share(_ result: FlowResult, page k: Int, _ region: (Int) -> FlowRegion) -> Double {
        let page = Page(size: typesetter.spec.page.size, items: result.pages[k])
        return PageOccupancy(page: page, textBlock: region(k).rect).share
    }

    /// Ends the page before the last higher, a grid line at a time, until the last two
    /// pages are filled about evenly.
    /// Returns the spread flow and the regions it ran in.
    private func spread(_ plain: FlowResult, region: @escaping (Int) -> FlowRegion,
                        flow: Flow) throws -> (FlowResult, (Int) -> FlowRegion) {
        let before = plain.pages.count - 2
        let step = typesetter.spec.page.baseline > 0 ? typesetter.spec.page.baseline : 12
        let height = region(before).rect.height
        var best = plain
        var bestRegion = region
        var gap = abs(share(plain, page: before, region) - share(plain, page: before + 1, region))
        var cut = step
        while cut < height / 2 {
            let shortened: (Int) -> FlowRegion = { k in
                var r = region(k)
                if k == before { r.rect = Rect(x: r.rect.minX, y: r.rect.minY, width: r.rect.width, height: r.rect.height - cut) }
                return r
            }
            let result = try flow(typesetter, typesetter.spec.page.baseline, 1, 0, shortened)
            guard result.pages.count == plain.pages.count else { break }
            let upper = share(result, page: before, region), lower = share(result, page: before + 1, region)
            if abs(upper - lower) < gap { (best, gap, bestRegion) = (result, abs(upper - lower), shortened) }
            if lower >= upper { break }
            cut += step
        }
        return (best, bestRegion)
    }
}
