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
