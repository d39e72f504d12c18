import FolioCore
import FolioModel

/// The `events` block: a summary table of the report's events, one row each — the rank,
/// the title with a detail line under it (the block's `content`, by default the category
/// and the date), and the lead figure with its label at the right. Rows alternate on the
/// block's `fill`; with `grow: yes` they open up (each by at most `height`) to take the
/// room the page has left.
extension BlockBuilder {
    static let eventRowDetail = ["{event.category}", "{event.date}"]

    func eventRows(_ block: BlockSpec) -> [FlowItem] {
        let events = Array(scope.report.events.prefix(block.limit ?? Int.max))
        guard !events.isEmpty else { return [] }
        let rankStyle = typesetter.style(block.parts["rank"] ?? "toc-rank")
        let titleStyle = typesetter.style(block.parts["title"] ?? "toc-title")
        let detailStyle = typesetter.style(block.parts["detail"] ?? "caption")
        let valueStyle = typesetter.style(block.parts["value"] ?? "figure-value")
        let labelStyle = typesetter.style(block.parts["label"] ?? "figure-label")
        let padding = block.parts["padding"].flatMap { Length($0)?.resolve(reference: 0) } ?? 6
        let w = block.span ? regionWidth : columnWidth
        let inset = block.fill == nil ? 0.0 : padding
        let rankWidth = rankStyle.size * 2.4
        let figureWidth = (w * 0.28).rounded()
        let textWidth = w - 2 * inset - rankWidth - figureWidth - 12
        let fill = block.fill.map { typesetter.color($0) }
        let rule = block.color.map { typesetter.color($0) }
        let grown = block.grow ? min(growth, block.height ?? 12) : 0
        let pad = padding + grown / 2
        var out: [FlowItem] = []
        for (i, event) in events.enumerated() {
            let eventScope = TemplateScope(report: scope.report, event: event, rankLimit: typesetter.spec.rankLimit)
            let rank = typesetter.compose(String(format: "%02d", event.rank), style: rankStyle, width: rankWidth, alignment: .left)
            let title = typesetter.compose(event.title, style: titleStyle, width: textWidth, firstLine: false, alignment: .left)
            let detailText = TemplateText.render(parts: block.content.isEmpty ? Self.eventRowDetail : block.content,
                                                 separator: block.content.isEmpty ? "　·　" : block.separator, scope: eventScope)
            let detail = detailText.map { typesetter.compose($0, style: detailStyle, width: textWidth, firstLine: false, alignment: .left) }
            let figure = event.figures.first
            let value = figure.map { typesetter.compose($0.value + ($0.unit ?? ""), style: valueStyle, width: figureWidth, alignment: .right) }
            let label = figure.map { typesetter.compose($0.label, style: labelStyle, width: figureWidth, firstLine: false, alignment: .right) }
            let left = title.height + (detail?.height ?? 0)
            let right = (value?.height ?? 0) + (label?.height ?? 0)
            let height = max(left, right) + 2 * pad
            let shaded = i % 2 == 0
            let rect = Rect(x: 0, y: 0, width: w, height: height)
            var items: [Item] = []
            if shaded, let fill { items.append(.shape(Shape(path: .rect(rect), fill: fill))) }
            if let rule, !shaded || fill == nil {
                items.append(.shape(Shape(path: .rect(Rect(x: rect.minX, y: rect.maxY - 0.5, width: rect.width, height: 0.5)), fill: rule)))
            }
            let top = rect.minY + pad
            let x = rect.minX + inset
            items += rank.runs(lines: 0..<1, x: x, top: top + title.baselineOffset - rank.baselineOffset).map(Item.text)
            items += title.runs(lines: 0..<title.lineCount, x: x + rankWidth, top: top).map(Item.text)
            if let detail {
                items += detail.runs(lines: 0..<detail.lineCount, x: x + rankWidth, top: top + title.height).map(Item.text)
            }
            let fx = rect.maxX - inset - figureWidth
            if let value {
                items += value.runs(lines: 0..<value.lineCount, x: fx, top: top).map(Item.text)
                if let label {
                    items += label.runs(lines: 0..<label.lineCount, x: fx, top: top + value.height).map(Item.text)
                }
            }
            out.append(.box(BoxItem(frame: Frame(size: rect.size, items: items), role: "P", spaceBefore: i == 0 ? block.spaceBefore : 0,
                                    spaceAfter: i == events.count - 1 ? block.spaceAfter : 0, floats: false, span: block.span)))
        }
        return out
    }
}
