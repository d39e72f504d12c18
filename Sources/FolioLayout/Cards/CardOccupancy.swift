import FolioCore

/// The empty bands of a card: for each flow region of its preset, the tallest horizontal
/// strip of the region in which nothing is drawn — no text, rule, figure, chart panel or
/// photo reaches into it. Bleed art (the background and the decorative circles drawn
/// clipped to the card) does not count, nor do links and destinations.
///
/// This is the measure behind "no empty band where the event has something to show"
/// (docs/cards.md): a square card whose media half is empty has a band as tall as that
/// region (296 px); a story whose title sits at the top and whose lead figure sits at
/// the bottom, with the summary and the photo left out, has the gap between them.
public struct CardOccupancy: Hashable, Sendable {
    /// One empty strip of a region.
    public struct Band: Hashable, Sendable {
        /// The flow region (`flow` is 0, then `flows` in order).
        public var region: Int
        /// Top of the strip, in card pixels at scale 1.
        public var top: Double
        /// Its height, in card pixels at scale 1.
        public var height: Double
    }

    /// The tallest empty band of each region, in region order (height 0 when the region
    /// has none).
    public var bands: [Band]

    /// The tallest empty band of the card (nil for a card without flow regions).
    public var largest: Band? { bands.max { $0.height < $1.height } }

    /// Measures `page` over `regions` (card coordinates), in rows `step` pixels high.
    public init(page: Page, regions: [Rect], step: Double = 2) {
        let areas = Self.drawnAreas(page)
        bands = regions.enumerated().map { index, region in
            let rows = max(1, Int((region.height / step).rounded(.up)))
            var filled = [Bool](repeating: false, count: rows)
            for a in areas where a.maxX > region.minX && a.minX < region.maxX {
                let y0 = max(a.minY, region.minY), y1 = min(a.maxY, region.maxY)
                guard y1 >= y0 else { continue }
                let r0 = max(0, min(rows - 1, Int(((y0 - region.minY) / step).rounded(.down))))
                let r1 = max(r0, min(rows - 1, Int(((y1 - region.minY) / step).rounded(.up)) - 1))
                for r in r0...r1 { filled[r] = true }
            }
            var best = Band(region: index, top: region.minY, height: 0)
            var start: Int?
            for r in 0...rows {
                if r < rows, !filled[r] {
                    if start == nil { start = r }
                } else if let s = start {
                    let height = min(Double(r - s) * step, region.maxY - (region.minY + Double(s) * step))
                    if height > best.height { best = Band(region: index, top: region.minY + Double(s) * step, height: height) }
                    start = nil
                }
            }
            return best
        }
    }

    /// The areas of everything drawn on `page` but bleed art, clipped where the page
    /// clips them.
    static func drawnAreas(_ page: Page) -> [Rect] {
        var areas: [Rect] = []
        func visit(_ item: Item, clip: Rect?) {
            switch item {
            case .shape(let shape): if let b = shape.path.bounds { add(b, clip) }
            case .text(let run): add(run.bounds, clip)
            case .image(let image): add(image.clip, clip)
            case .link, .destination: return
            case .tagged(_, let items): items.forEach { visit($0, clip: clip) }
            case .group(let group):
                if group.placedClip == page.bleedBox { return }
                let inner = group.placedClip.map { rect in clip.map { $0.clipped(to: rect) } ?? rect } ?? clip
                group.placedItems.forEach { visit($0, clip: inner) }
            }
        }
        func add(_ rect: Rect, _ clip: Rect?) {
            let r = clip.map { $0.clipped(to: rect) } ?? rect
            if r.width >= 0, r.height >= 0 { areas.append(r) }
        }
        page.items.forEach { visit($0, clip: nil) }
        return areas
    }
}

extension CardLayout {
    /// The preset's flow regions in card coordinates (`flow` first, then `flows`).
    public var regions: [Rect] {
        guard let template = spec.templates["card"] else { return [] }
        return CardFlows(template: template, page: spec.page).regions.map(\.rect)
    }

    /// The empty bands of `page`, a card of this preset.
    public func occupancy(_ page: Page) -> CardOccupancy {
        CardOccupancy(page: page, regions: regions)
    }
}
