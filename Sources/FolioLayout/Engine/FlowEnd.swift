import FolioCore

/// Where a section's flow ended on its last page. A section whose template has `start:`
/// (other than `page`) begins there — the statistics under the last event, the contents
/// under a short foreword — instead of on a new page.
struct FlowEnd: Hashable, Sendable {
    /// The page (index in the document) the flow ended on.
    var pageIndex: Int
    /// The column and the point below the flow's last item.
    var end: FlowResume
    /// The lowest point the flow used on that page, over all its columns.
    var bottom: Double
    /// The columns the flow ran in there.
    var columns: Int

    /// Where a flow of `columns` columns resumes: in the same column when the columns
    /// match, else across the page below everything the section before set.
    func start(columns: Int) -> FlowResume {
        columns == self.columns ? end : FlowResume(column: 0, y: bottom)
    }
}

extension BrochureLayout {
    /// Where `template`'s section continues the section before: when its `start:` is not
    /// `page` and the section before ended with a flow on the document's last page (the
    /// event template's `start:` says where each event begins, not the section).
    func resumption(_ name: String, _ template: TemplateSpec, _ p: Pass) -> FlowEnd? {
        guard name != "event", let start = template.start, start != .page, template.flow != nil,
              let end = p.flowEnd, end.pageIndex == p.pages.count - 1 else { return nil }
        return end
    }

    func isAnchor(_ item: FlowItem) -> Bool {
        if case .anchor = item { return true }
        return false
    }
}
