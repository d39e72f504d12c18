import FolioCore

/// The contents' detail line: the block's `content` (with the entry's event placeholders,
/// `{event.category}`, `{event.date}`, `{event.summary}` …) in its `detail` part's style.
extension BlockBuilder {
    func contentsDetail(_ block: BlockSpec, entry: ContentsEntry, width: Double) -> TextBox? {
        guard !block.content.isEmpty, let event = entry.event else { return nil }
        let entryScope = TemplateScope(report: scope.report, event: event, rankLimit: typesetter.spec.rankLimit)
        guard let text = TemplateText.render(parts: block.content, separator: block.separator, scope: entryScope) else { return nil }
        let style = typesetter.style(block.parts["detail"] ?? "toc-detail")
        return typesetter.compose(text, style: style, width: width, firstLine: false, alignment: .left)
    }
}

extension BlockBuilder {
    /// Every other entry (or every one, `bands: every`) on the block's `fill`: a band
    /// behind the entry.
    func contentsBand(_ block: BlockSpec, index: Int, rect: Rect, gap: Double) -> [Item] {
        guard let fill = block.fill, index % 2 == 0 || block.bands == .every else { return [] }
        // Inside the entry's own box, so it never leaves the live area (half-leading gives air).
        return [.shape(Shape(path: .rect(rect), fill: typesetter.color(fill)))]
    }
}
