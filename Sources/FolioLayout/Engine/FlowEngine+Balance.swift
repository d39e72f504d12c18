import FolioCore

/// Balanced columns (`balance: yes` on a flow): the column text set on a page since the
/// last block that spans the columns is set again in columns of equal height when a
/// spanning block follows it on that page, or when the flow ends there; the spanning
/// block then continues below the columns on the same page instead of on the next one.
///
/// The flow's state is a value: the state before the segment's first item is kept, and
/// the segment is set again from it with a lower column bottom on its page, the lowest
/// that holds all of it (a search by halves, to half a point). The split rules — at least
/// two lines on each side, keep-with-next, the baseline grid — hold as in any column.
extension FlowEngine {
    /// Where the column text of the current page began: item `index`, and the flow's state
    /// before it (the item may have begun on the page before: a paragraph running on).
    struct Segment {
        var index: Int
        var state: State
    }

    /// Whether a box may move below the text after it: a box that spans the columns never
    /// does (the column text below it would run under it).
    static func floats(_ b: BoxItem) -> Bool { b.floats && !b.span }

    /// Whether an item spans the flow's columns.
    static func isSpanning(_ item: FlowItem) -> Bool {
        switch item {
        case .text(let t): return t.span
        case .box(let b): return b.span
        case .anchor: return false
        }
    }

    /// Follows where the current page's column text began, after item `i` was placed:
    /// a spanning item ends a segment; the first item after it, or an item that ran on to
    /// a new page, begins one.
    static func track(_ item: FlowItem, at i: Int, before: State, after: State, segment: inout Segment?) {
        if isSpanning(item) {
            segment = nil
        } else if segment == nil || after.page > before.page {
            segment = Segment(index: i, state: before)
        }
    }

    /// Before a spanning item `i`: balances the column text above it on this page, and
    /// leaves the state below the columns — on this page when the spanning item (with what
    /// it keeps with) fits there, else at the top of the next page.
    func balanceColumns(_ items: [FlowItem], before i: Int, _ s: inout State, segment: Segment?) throws {
        guard Self.isSpanning(items[i]), let segment, let balanced = balanced(items, segment: segment, upTo: i, s) else { return }
        s = balanced
        if paginate, chainEnd(items, from: i, at: s.y, columnEmpty: false) > region(s.page).rect.maxY + 0.01 {
            startColumn(&s, page: s.page + 1, column: 0)
        }
    }

    /// At the end of the flow: balances the last page's column text. Returns the point
    /// below the columns (where a section that continues the flow begins, across the
    /// page), or nil when nothing was balanced.
    func balanceEnd(_ items: [FlowItem], _ s: inout State, segment: Segment?) throws -> Double? {
        guard let segment, let balanced = balanced(items, segment: segment, upTo: items.count, s) else { return nil }
        s = balanced
        return s.y
    }

    /// The state after items `segment.index..<end` set again in columns of equal height on
    /// the current page, placed below them in the first column; nil when there is nothing
    /// to balance (one column, nothing in the columns, a box waiting for the next column)
    /// or no lower bottom holds the segment.
    func balanced(_ items: [FlowItem], segment: Segment, upTo end: Int, _ s: State) -> State? {
        let page = s.page
        let r = region(page)
        guard r.columns > 1, s.bottomLimit == nil, s.deferred.isEmpty, s.column > 0 || s.y > s.top + 0.01 else { return nil }
        func trial(_ bottom: Double) -> State? {
            var t = segment.state
            t.bottomLimit = (page, bottom)
            do {
                for j in segment.index..<end { try step(items, at: j, &t) }
            } catch {
                return nil
            }
            guard t.page == page, t.deferred.isEmpty, t.low <= bottom + 0.01 else { return nil }
            return t
        }
        var lo = s.top, hi = r.rect.maxY
        guard var best = trial(hi) else { return nil }
        while hi - lo > 0.5 {
            let mid = (lo + hi) / 2
            if let t = trial(mid) {
                best = t
                hi = mid
            } else {
                lo = mid
            }
        }
        // Below the columns, in the first one: what follows spans, or begins there.
        let y = max(best.low, best.y)
        best.bottomLimit = nil
        best.column = 0
        best.top = y
        best.y = y
        best.columnEmpty = false
        best.pageEmpty = false
        return best
    }
}
