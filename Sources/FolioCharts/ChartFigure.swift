import FolioCore
import FolioModel

/// A chart as one `Figure` of the document's structure: its alternate text carries the
/// title, unit and every value in words (`ChartAltText`), so the words drawn inside the
/// chart — title, ticks, value labels, legend — are marked as artifacts, not read twice.
/// Checkers that look for running heads (a line repeated near a page's edge, a bare
/// number at its foot) then never mistake a chart's axis or legend for one. A chart that
/// draws nothing but words (a key figure, `kpi`) keeps them as the figure's content, so
/// the element is never empty.
public enum ChartFigure {
    /// `items`, drawn by `ChartRenderer` for `chart`, as a tagged figure.
    public static func tagged(_ chart: Chart, _ items: [Item]) -> Item {
        let tag = StructureTag("Figure", alt: ChartAltText.describe(chart))
        let drawsShapes = items.flatMap(\.flattened).contains { if case .shape = $0 { return true } else { return false } }
        guard drawsShapes else { return .tagged(tag, items) }
        return .tagged(tag, items.map(artifactText))
    }

    /// The item with every text run in it drawn as an artifact.
    static func artifactText(_ item: Item) -> Item {
        switch item {
        case .text: return .tagged(.artifact, [item])
        case .tagged(let tag, let children) where !tag.isArtifact: return .tagged(tag, children.map(artifactText))
        case .group(var group):
            group.items = group.items.map(artifactText)
            return .group(group)
        default: return item
        }
    }
}
