import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText

/// Helpers for reading laid-out documents back.
enum LayoutTestSupport {
    static let composer = Composer(fonts: TestSupport.fonts)

    static func spec(_ name: String, card: Bool = false) throws -> LayoutSpec {
        let (spec, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: name, card: card)
        guard let spec else { throw LayoutError(diagnostics) }
        return spec
    }

    static func typesetter(_ name: String) throws -> Typesetter {
        try Typesetter(spec: spec(name), composer: composer)
    }

    static func document(_ report: Report, layout: String) throws -> Document {
        try BrochureLayout(typesetter: typesetter(layout)).document(for: report)
    }

    static func report(events: Int, longTitles: Bool = false, paragraphs: Int = 2) throws -> Report {
        let result = TestSupport.loadReport(yaml: TestSupport.generatedReportYAML(events: events, longTitles: longTitles,
                                                                                  paragraphs: paragraphs))
        guard let report = result.report else { throw LayoutError(result.diagnostics) }
        return report
    }

    /// Text runs of a page, flattened.
    static func runs(_ page: Page) -> [GlyphRun] {
        page.items.flatMap(\.flattened).compactMap { if case .text(let r) = $0 { return r }; return nil }
    }

    /// Structure groups of a role (P, H1, H2, Figure, TOCI), flattened; the items of a
    /// placed frame (an unclipped group: a box of the flow) in page coordinates.
    static func tagged(_ page: Page, role: String) -> [[Item]] {
        page.items.flatMap(\.flattened).compactMap {
            if case .tagged(let tag, let items) = $0, tag.role == role { return unframed(items) }
            return nil
        }
    }

    /// `items` with every placed frame (an unclipped group) replaced by its items, placed.
    static func unframed(_ items: [Item]) -> [Item] {
        items.flatMap { item -> [Item] in
            if case .group(let group) = item, group.clip == nil { return unframed(group.placedItems) }
            return [item]
        }
    }

    /// Items drawn as bleed art (inside clipped groups).
    static func isBleedArt(_ item: Item, on page: Page) -> Bool {
        for top in page.items.flatMap(\.flattened) {
            if case .group(let group) = top, group.clip != nil, group.placedItems.flatMap(\.flattened).contains(item) { return true }
        }
        return false
    }

    /// The baseline of a run: its em box spans 0.88 em above and 0.12 em below (Noto CJK).
    static func baseline(_ run: GlyphRun) -> Double {
        run.bounds.minY + 0.88 * run.bounds.height
    }

    /// Distinct baselines of the runs in a group, top to bottom.
    static func baselines(_ items: [Item]) -> [Double] {
        var result: [Double] = []
        for item in items.flatMap(\.flattened) {
            guard case .text(let r) = item else { continue }
            let y = baseline(r)
            if !result.contains(where: { abs($0 - y) < 0.5 }) { result.append(y) }
        }
        return result.sorted()
    }

    /// The text of a group of items in reading order.
    static func text(_ items: [Item]) -> String {
        items.flatMap(\.flattened).compactMap { if case .text(let r) = $0 { return r.text }; return nil }.joined()
    }
}
