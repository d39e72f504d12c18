import FolioCore
import FolioModel

/// The columns a flow may fill on one page.
public struct FlowRegion: Hashable, Sendable {
    public var rect: Rect
    public var columns: Int
    public var gutter: Double

    public init(rect: Rect, columns: Int, gutter: Double) {
        self.rect = rect
        self.columns = max(1, columns)
        self.gutter = gutter
    }

    public var columnWidth: Double { (rect.width - Double(columns - 1) * gutter) / Double(columns) }

    public func column(_ i: Int) -> Rect {
        Rect(x: rect.x + Double(i) * (columnWidth + gutter), y: rect.y, width: columnWidth, height: rect.height)
    }
}

/// The baseline grid: lines at `origin + k × step`.
public struct BaselineGrid: Hashable, Sendable {
    public var origin: Double
    public var step: Double

    public init(origin: Double, step: Double) {
        self.origin = origin
        self.step = step
    }

    /// The first grid line at or below `y`.
    public func snap(_ y: Double) -> Double {
        guard step > 0 else { return y }
        let k = ((y - origin) / step - 1e-6).rounded(.up)
        return origin + k * step
    }
}

/// What the flow put on its pages.
public struct FlowResult: Sendable {
    /// Items per page of the flow (page 0 is the template's first page).
    public var pages: [[Item]]
    /// Named destinations: page index within the flow and point.
    public var anchors: [(name: String, page: Int, point: Point)]
    /// Lowest point used on the last page.
    public var bottom: Double
    /// Where the flow ended on its last page: the column and the point below its last
    /// item (a section that continues this flow begins there).
    public var end = FlowResume(column: 0, y: 0)
}

/// A point in a page's columns where a flow begins instead of the top of the first
/// column: the end of the section before, when a section continues it (`start:`).
public struct FlowResume: Hashable, Sendable {
    public var column: Int
    public var y: Double
    /// Where the columns begin below the section before when it ended across the page
    /// (balanced columns, `balance: yes`); nil: at the top of the page.
    public var top: Double?

    public init(column: Int, y: Double, top: Double? = nil) {
        self.column = column
        self.y = y
        self.top = top
    }
}

/// Pours flow items into columns and pages: paragraphs split between lines with at
/// least two lines on each side (no widows or orphans), headings stay with what follows,
/// boxes keep together and float to the next column when they do not fit.
public struct FlowEngine {
    public let grid: BaselineGrid
    /// The region of each page of the flow (page 0 first).
    public let region: (Int) -> FlowRegion
    /// Whether more pages may be added; otherwise running out of room is an overflow.
    public let paginate: Bool
    /// Stop with an overflow after this many pages (a runaway guard).
    public let maxPages: Int
    /// Events in one flow: what fills the white a unit leaves at a column's foot (GapFiller.swift).
    public var gaps: GapFiller?
    /// Balanced columns (`balance: yes` on the flow): column text followed by a spanning
    /// block, or ending the flow, is set in columns of equal height (FlowEngine+Balance).
    public var balance = false

    public init(grid: BaselineGrid, paginate: Bool, maxPages: Int = 500, region: @escaping (Int) -> FlowRegion) {
        self.grid = grid
        self.region = region
        self.paginate = paginate
        self.maxPages = maxPages
    }

    /// Raised when content does not fit and more pages are not allowed.
    public struct Overflow: Error, Sendable {
        /// Items that were not placed, and how much height was missing.
        public var origin: DataOrigin?
        public var missingHeight: Double
        public var missingLines: Int
    }

    struct State {
        var page = 0
        var column = 0
        var y: Double = 0
        var top: Double = 0
        var pages: [[Item]] = [[]]
        var anchors: [(String, Int, Point)] = []
        var pendingAnchors: [String] = []
        var deferred: [BoxItem] = []
        var columnEmpty = true
        var pageEmpty = true
        var bottomUsed: Double = 0
        /// The item being placed, and what was placed (for `gaps`).
        var item = 0
        var placed: [PlacedBlock] = []
        /// The lowest point used on the current page.
        var low: Double = 0
        /// Columns on this page end here (balancing tries lower bottoms).
        var bottomLimit: (page: Int, y: Double)?
    }

    /// Pours `items` from the top of the first page's first column, or from `resume`
    /// on it (what the section before left of the page).
    public func run(_ items: [FlowItem], from resume: FlowResume? = nil) throws -> FlowResult {
        var s = State()
        startColumn(&s, page: 0, column: 0)
        if let resume {
            if resume.column > 0 { startColumn(&s, page: 0, column: min(resume.column, region(0).columns - 1)) }
            if let top = resume.top { s.top = top }
            s.y = resume.y
            s.low = resume.y
            s.columnEmpty = false
            s.pageEmpty = false
        }
        var segment: Segment?
        for i in items.indices {
            if balance { try balanceColumns(items, before: i, &s, segment: segment) }
            let before = balance ? s : nil
            try step(items, at: i, &s)
            if let before { Self.track(items[i], at: i, before: before, after: s, segment: &segment) }
        }
        while !s.deferred.isEmpty {
            try nextColumn(&s, reason: s.deferred.first?.origin)
        }
        // Balanced columns: a section that continues the flow begins below them (or below
        // the last spanning block), across the page.
        var across: Double?
        if balance { across = try balanceEnd(items, &s, segment: segment) ?? s.top }
        var result = FlowResult(pages: s.pages, anchors: s.anchors.map { ($0.0, $0.1, $0.2) }, bottom: s.bottomUsed)
        result.end = FlowResume(column: s.column, y: s.y, top: across)
        return result
    }

    /// Places item `i` of the flow.
    func step(_ items: [FlowItem], at i: Int, _ s: inout State) throws {
        s.item = i
        switch items[i] {
        case .anchor(let name):
            s.pendingAnchors.append(name)
        case .text(let t):
            try prepare(items, at: i, &s)
            try place(t, next: kept(items, after: i), &s)
        case .box(let b):
            try prepare(items, at: i, &s)
            let next = i + 1 < items.count ? items[i + 1] : nil
            try place(b, next: next, &s)
        }
    }

    // MARK: - Units and keeps

    /// What text at `i` is kept with: the next item, or — when that is a figure that may
    /// float below the text after it — the text after the figure.
    func kept(_ items: [FlowItem], after i: Int) -> FlowItem? {
        guard i + 1 < items.count else { return nil }
        if case .box(let b) = items[i + 1], Self.floats(b), !b.keepWithNext, i + 2 < items.count, case .text = items[i + 2] {
            return items[i + 2]
        }
        return items[i + 1]
    }

    /// Before item `i`: begin a new unit where its `start` says, and move a chain of
    /// items kept with what follows (an event's head, title and summary) to the next
    /// column when the whole chain and the first lines after it do not fit here.
    private func prepare(_ items: [FlowItem], at i: Int, _ s: inout State) throws {
        let origin: DataOrigin?
        switch items[i] {
        case .text(let t): origin = t.origin
        case .box(let b): origin = b.origin
        case .anchor: return
        }
        if let start = items[i].start {
            try begin(start, &s, reason: origin)
            if start == .whole && !s.columnEmpty && unitHeight(items, from: i) > remaining(s) + 0.01 {
                try nextColumn(&s, reason: origin)
            }
        }
        let previous = items[..<i].last { if case .anchor = $0 { return false }; return true }
        guard items[i].keepWithNext, !(previous?.keepWithNext ?? false), !s.columnEmpty else { return }
        let column = current(s)
        // A chain that spans the columns moves on to the next page.
        let spans = Self.isSpanning(items[i]) && region(s.page).columns > 1
        let end = chainEnd(items, from: i, at: s.y, columnEmpty: false)
        let atTop = chainEnd(items, from: i, at: spans ? region(s.page).rect.minY : s.top, columnEmpty: true)
        if end > column.maxY + 0.01 && atTop <= column.maxY + 0.01 {
            if items[i].start != nil { try fillGap(items, before: i, &s) }
            try spans ? nextColumnUntilPageStart(&s, reason: origin) : nextColumn(&s, reason: origin)
        }
    }

    /// Applies a unit's start rule; what floated out of the unit before is placed first.
    private func begin(_ start: FlowStart, _ s: inout State, reason: DataOrigin?) throws {
        while !s.deferred.isEmpty { try nextColumn(&s, reason: reason) }
        switch start {
        case .anywhere, .whole:
            return
        case .column:
            if !s.columnEmpty { try nextColumn(&s, reason: reason) }
        case .page:
            if !s.pageEmpty {
                repeat { try nextColumn(&s, reason: reason) } while s.column != 0
            }
        case .topHalf:
            guard !s.columnEmpty else { return }
            let column = current(s)
            if s.y > s.top + (column.maxY - s.top) / 2 + 0.01 { try nextColumn(&s, reason: reason) }
        case .halfPage:
            guard !s.columnEmpty else { return }
            let column = current(s)
            let middle = s.top + (column.maxY - s.top) / 2
            if s.y <= middle + 0.01 {
                s.y = middle
                s.columnEmpty = false
            } else {
                try nextColumn(&s, reason: reason)
            }
        }
    }

    /// The height of the unit beginning at `i` (up to the next unit) set in one column,
    /// with a grid step of slack per paragraph.
    func unitHeight(_ items: [FlowItem], from i: Int) -> Double {
        var needed = 0.0
        for (j, item) in items[i...].enumerated() {
            if j > 0 && item.start != nil { break }
            switch item {
            case .anchor: continue
            case .text(let t): needed += t.spaceBefore + t.box.height + t.spaceAfter + (t.box.grid ? grid.step : 0)
            case .box(let b): needed += b.spaceBefore + b.height + b.spaceAfter
            }
        }
        return needed
    }

    /// Where a keep-with-next chain starting at `i` and set from `y` ends: every item of
    /// the chain whole, then the first two lines (or the box) of what follows, on the
    /// grid as the flow would set them. A figure that may float below the text after it
    /// does not count; that text's first lines do.
    func chainEnd(_ items: [FlowItem], from i: Int, at y: Double, columnEmpty: Bool) -> Double {
        var y = y
        var first = true
        for (j, item) in items[i...].enumerated() {
            if !first && item.start != nil { return y }
            switch item {
            case .anchor:
                continue
            case .text(let t):
                let top = firstLineTop(t, at: y + (first && columnEmpty ? 0 : t.spaceBefore))
                if t.keepWithNext {
                    y = top + t.box.height + t.spaceAfter
                } else {
                    return top + t.box.height(lines: min(2, t.box.lineCount))
                }
            case .box(let b):
                let before = first && columnEmpty ? 0 : b.spaceBefore
                if b.keepWithNext {
                    // A photo kept with the text after it may be set lower (`min-height`) too.
                    y += before + min(b.minHeight ?? b.height, b.height) + b.spaceAfter
                } else if Self.floats(b), !first, i + j + 1 < items.count, case .text = items[i + j + 1] {
                    continue
                } else {
                    // A box that may be set lower (`min-height`) needs only that much.
                    return y + before + min(b.minHeight ?? b.height, b.height)
                }
            }
            first = false
        }
        return y
    }

    // MARK: - Columns

    func current(_ s: State) -> Rect {
        var column = region(s.page).column(s.column)
        if let limit = s.bottomLimit, limit.page == s.page { column.height = min(column.height, max(0, limit.y - column.minY)) }
        return column
    }

    func startColumn(_ s: inout State, page: Int, column: Int) {
        s.page = page
        s.column = column
        while s.pages.count <= page { s.pages.append([]) }
        if column == 0 {
            s.top = region(page).rect.minY
            s.pageEmpty = true
            s.low = s.top
        }
        s.y = s.top
        s.columnEmpty = true
    }

    private func nextColumn(_ s: inout State, reason: DataOrigin?) throws {
        let r = region(s.page)
        if s.column + 1 < r.columns {
            startColumn(&s, page: s.page, column: s.column + 1)
        } else {
            guard paginate, s.page + 1 < maxPages else {
                throw Overflow(origin: reason, missingHeight: 0, missingLines: 0)
            }
            startColumn(&s, page: s.page + 1, column: 0)
        }
        // Floated boxes go first in the new column.
        let waiting = s.deferred
        s.deferred = []
        for box in waiting {
            if !fits(box.height + (s.columnEmpty ? 0 : box.spaceBefore), s) && !s.columnEmpty {
                s.deferred.append(box)
                continue
            }
            put(box, &s)
        }
    }

    private func remaining(_ s: State) -> Double { current(s).maxY - s.y }

    private func fits(_ h: Double, _ s: State) -> Bool { h <= remaining(s) + 0.01 }

    private func flushAnchors(_ s: inout State, at y: Double) {
        for name in s.pendingAnchors {
            s.anchors.append((name, s.page, Point(x: current(s).minX, y: y)))
        }
        s.pendingAnchors = []
    }

    // MARK: - Text

    /// Where the first line box of a paragraph starts if it begins at `y`.
    private func firstLineTop(_ t: TextItem, at y: Double) -> Double {
        guard t.box.grid, grid.step > 0 else { return y }
        let baseline = grid.snap(y + t.box.baselineOffset)
        return baseline - t.box.baselineOffset
    }

    /// How many lines of `t` fit in the current column.
    private func linesFitting(_ t: TextItem, _ s: State) -> Int {
        let before = s.columnEmpty ? 0 : t.spaceBefore
        let top = firstLineTop(t, at: s.y + before)
        let room = current(s).maxY - top
        return max(0, min(t.box.lineCount, Int(((room + 0.01) / t.box.leading).rounded(.down))))
    }

    private func minimumToKeep(_ item: FlowItem?) -> (lines: Int, height: Double)? {
        switch item {
        case .text(let t)?: return (min(2, t.box.lineCount), 0)
        case .box(let b)?: return (0, b.height + b.spaceBefore)
        default: return nil
        }
    }

    private func place(_ t: TextItem, next: FlowItem?, _ s: inout State) throws {
        var start = 0
        let n = t.box.lineCount
        guard n > 0 else { return }
        if t.span && s.column > 0 {
            try nextColumnUntilPageStart(&s, reason: t.origin)
        }
        // What spans the columns moves on to the next page, not the next column.
        func advance(_ s: inout State) throws {
            try t.span && region(s.page).columns > 1 ? nextColumnUntilPageStart(&s, reason: t.origin) : nextColumn(&s, reason: t.origin)
        }
        while start < n {
            let fit = linesFitting(t, s)
            var take = min(fit, n - start)
            // Keep with next: the whole heading (or the paragraph's last lines) plus the
            // start of what follows.
            if take == n - start && t.keepWithNext, let keep = minimumToKeep(next) {
                let top = firstLineTop(t, at: s.y + (s.columnEmpty ? 0 : t.spaceBefore))
                let after = top + t.box.height(lines: n - start) + t.spaceAfter
                var needed = keep.height
                if case .text(let nt)? = next {
                    let nextTop = nt.box.grid ? (grid.snap(after + nt.spaceBefore + nt.box.baselineOffset) - nt.box.baselineOffset) : after + nt.spaceBefore
                    needed = nextTop - after + nt.box.height(lines: keep.lines)
                }
                if after + needed > current(s).maxY + 0.01 {
                    if t.splittable && n - start >= 4 {
                        take = n - start - 2
                    } else if !s.columnEmpty {
                        try advance(&s)
                        continue
                    }
                }
            }
            if take < n - start {
                // Split rules: at least two lines here and two on the next column.
                if !t.splittable { take = 0 }
                if take > 0 && take < 2 && n - start >= 2 { take = 0 }
                if take > 0 && (n - start) - take < 2 { take = (n - start) - 2 }
                // A column that begins under a spanning block low on the page is no fresh
                // column: what does not fit there moves on instead of running off it.
                let fresh = s.columnEmpty && (!paginate || s.top <= region(s.page).rect.minY + 0.01)
                if take < 2 && n - start >= 2 && !(fresh && fit > 0) { take = 0 }
                if take <= 0 {
                    if fresh {
                        // Nothing else can make room: place what fits (or one line) to progress.
                        take = max(1, min(fit, n - start))
                        if !paginate && fit < n - start {
                            throw Overflow(origin: t.origin, missingHeight: t.box.height(lines: n - start - fit),
                                           missingLines: n - start - fit)
                        }
                    } else {
                        try advance(&s)
                        continue
                    }
                }
            }
            if !paginate && take < n - start && !s.columnEmpty {
                // Cards: never a second column for the rest.
                let r = region(s.page)
                if s.column + 1 >= r.columns {
                    throw Overflow(origin: t.origin, missingHeight: t.box.height(lines: n - start - take),
                                   missingLines: n - start - take)
                }
            }
            let before = s.columnEmpty ? 0 : t.spaceBefore
            let top = firstLineTop(t, at: s.y + before)
            let col = current(s)
            flushAnchors(&s, at: top)
            let runs = t.box.runs(lines: start..<(start + take), x: col.minX, top: top)
            var items: [Item] = runs.map { Item.text($0) }
            if let link = t.link {
                let box = Rect(x: col.minX, y: top, width: col.width, height: t.box.height(lines: take))
                items.append(.link(LinkItem(rect: box, destination: link)))
            }
            record(&s, top: top, isBox: false, keepWithNext: t.keepWithNext)
            s.pages[s.page].append(.tagged(StructureTag(t.role), items))
            s.y = top + t.box.height(lines: take)
            s.bottomUsed = max(s.bottomUsed, s.y)
            s.low = max(s.low, s.y)
            s.columnEmpty = false
            s.pageEmpty = false
            start += take
            if start < n {
                try advance(&s)
            }
        }
        s.y += t.spaceAfter
        if t.span {
            s.top = s.y
        }
    }

    private func nextColumnUntilPageStart(_ s: inout State, reason: DataOrigin?) throws {
        guard paginate else { throw Overflow(origin: reason, missingHeight: 0, missingLines: 0) }
        startColumn(&s, page: s.page + 1, column: 0)
    }

    // MARK: - Boxes

    private func place(_ b: BoxItem, next: FlowItem?, _ s: inout State) throws {
        var b = b
        if b.span && s.column > 0 {
            try nextColumnUntilPageStart(&s, reason: b.origin)
        }
        // A box that may be set lower (a chart) fills the room left instead of moving on.
        // What a box kept with the next block needs below it: the first lines of that text.
        var kept = 0.0
        if b.keepWithNext, let keep = minimumToKeep(next) {
            if case .text(let nt)? = next { kept = b.spaceAfter + nt.spaceBefore + nt.box.height(lines: keep.lines) } else { kept = keep.height }
        }
        // A box that may be set lower (a chart, a photo) fills the room left instead of
        // moving on; one kept with the next block leaves room for that block's first lines.
        if let low = b.minHeight, !s.columnEmpty, !fits(b.height + b.spaceBefore + kept, s), fits(low + b.spaceBefore + kept, s) {
            var height = remaining(s) - b.spaceBefore - kept
            // The kept lines sit on the baseline grid: lower the box by what snapping adds.
            if b.keepWithNext, case .text(let nt)? = next, let keep = minimumToKeep(next) {
                let top = firstLineTop(nt, at: s.y + b.spaceBefore + height + b.spaceAfter + nt.spaceBefore)
                height -= max(0, top + nt.box.height(lines: keep.lines) - current(s).maxY)
            }
            if height >= low - 0.01 { b.height = height }
        }
        let before = s.columnEmpty ? 0 : b.spaceBefore
        var needed = b.height + before
        if b.keepWithNext, let keep = minimumToKeep(next) {
            if case .text(let nt)? = next { needed += nt.spaceBefore + nt.box.height(lines: keep.lines) } else { needed += keep.height }
        }
        // An empty column takes any box, except one under a spanning heading low on the
        // page (a section that began under the one before): the box moves on instead.
        let underSpan = s.top > region(s.page).rect.minY + 0.01 && !fits(b.height, s) && paginate
        if fits(needed, s) || (s.columnEmpty && !underSpan) {
            if !fits(b.height, s) && (!paginate || s.columnEmpty) {
                throw Overflow(origin: b.origin, missingHeight: b.height - remaining(s), missingLines: 0)
            }
            put(b, &s)
            return
        }
        if Self.floats(b), case .text? = next {
            s.deferred.append(b)
            return
        }
        if b.span && region(s.page).columns > 1 {
            try nextColumnUntilPageStart(&s, reason: b.origin)
            put(b, &s)
            return
        }
        try nextColumn(&s, reason: b.origin)
        // A column that begins under a spanning block low on the page is no fresh column.
        let low = paginate && s.top > region(s.page).rect.minY + 0.01
        if !s.deferred.isEmpty || !fits(b.height, s) && (!s.columnEmpty || low) {
            try nextColumn(&s, reason: b.origin)
        }
        put(b, &s)
    }

    private func put(_ b: BoxItem, _ s: inout State) {
        let before = s.columnEmpty ? 0 : b.spaceBefore
        let col = current(s)
        let width = b.span ? region(s.page).rect.width : col.width
        let rect = Rect(x: b.span ? region(s.page).rect.minX : col.minX, y: s.y + before, width: width, height: b.height)
        flushAnchors(&s, at: rect.minY)
        record(&s, top: rect.minY, isBox: true, keepWithNext: b.keepWithNext)
        let drawn = [b.frame(at: rect.origin).placed(at: rect.origin)]
        if let role = b.role {
            s.pages[s.page].append(.tagged(StructureTag(role, alt: b.alt), drawn))
        } else {
            s.pages[s.page].append(contentsOf: drawn)
        }
        s.y = rect.maxY + b.spaceAfter
        s.bottomUsed = max(s.bottomUsed, rect.maxY)
        s.low = max(s.low, rect.maxY)
        s.columnEmpty = false
        s.pageEmpty = false
        if b.span { s.top = s.y }
    }

    // MARK: - Gaps (GapFiller.swift)

    private func record(_ s: inout State, top: Double, isBox: Bool, keepWithNext: Bool) {
        guard gaps != nil else { return }
        if let first = s.placed.first, first.page < s.page { s.placed.removeAll { $0.page < s.page } }
        s.placed.append(PlacedBlock(item: s.item, page: s.page, column: s.column, first: s.pages[s.page].count, top: top,
                                    isBox: isBox, keepWithNext: keepWithNext))
    }

    /// The unit before `i` ends here and the next one's head moves on: fill the white it
    /// leaves at the column's foot — growing chart rows, filler blocks, then spread.
    private func fillGap(_ items: [FlowItem], before i: Int, _ s: inout State) throws {
        guard let gaps, paginate, s.deferred.isEmpty else { return }
        let column = current(s)
        let unit = gaps.unitStart(before: i, in: items)
        let (page, col) = (s.page, s.column)
        let here = { (b: PlacedBlock) in b.page == page && b.column == col && (b.item < 0 || b.item >= unit) }
        if remaining(s) >= gaps.threshold(column: column.height) {
            // Growing chart rows of the unit in this column, the room shared among them.
            let rows = s.placed.indices.filter { here(s.placed[$0]) && gaps.growable.contains(s.placed[$0].item) }
            let each = rows.isEmpty ? 0 : remaining(s) / Double(rows.count)
            for k in rows.reversed() {
                guard case .box(let b) = items[s.placed[k].item] else { continue }
                let extra = GapFiller.gridded(min(each, b.height * gaps.spec.grow), step: grid.step)
                guard extra > 0.5 else { continue }
                let end = k + 1 < s.placed.count && s.placed[k + 1].page == s.page ? s.placed[k + 1].first : s.pages[s.page].count
                // The row laid out again, taller, where it stands.
                var grown = b
                grown.height = b.height + extra
                let origin = Point(x: b.span ? region(s.page).rect.minX : current(s).minX, y: s.placed[k].top)
                let replaced = [grown.placed(at: origin)]
                s.pages[s.page].replaceSubrange(s.placed[k].first..<end, with: replaced)
                let delta = replaced.count - (end - s.placed[k].first)
                shift(&s, after: k, by: extra, indices: delta)
            }
            // Filler blocks where they fit whole, with those they are kept with (the next
            // unit's anchors wait for its head).
            let fillers = gaps.fillers(before: i, in: items)
            let waiting = s.pendingAnchors
            s.pendingAnchors = []
            defer { s.pendingAnchors = waiting }
            var n = 0
            while n < fillers.count {
                let chain = GapFiller.chain(fillers, from: n)
                if bottom(of: fillers[chain], at: s.y) <= column.maxY + 0.01 {
                    for k in chain {
                        s.item = -(k + 1)
                        switch fillers[k] {
                        case .text(let t): try place(t, next: nil, &s)
                        case .box(let b): put(b, &s)
                        case .anchor: continue
                        }
                    }
                }
                n = max(n + 1, chain.upperBound)
            }
            s.item = i
        }
        // What is left: spread between the unit's blocks in this column, where a box meets
        // what is around it (never inside a head or between paragraphs).
        let mine = s.placed.indices.filter { here(s.placed[$0]) }
        let boundaries = mine.dropFirst().filter { k in
            let a = s.placed[k - 1], b = s.placed[k]
            return here(a) && a.item != b.item && !a.keepWithNext && (a.isBox || b.isBox)
        }
        let each = gaps.spreadEach(remaining(s), boundaries: boundaries.count, step: grid.step)
        guard each > 0 else { return }
        for k in boundaries.reversed() { shift(&s, after: k - 1, by: each, indices: 0) }
    }

    /// The bottom of `list` set whole, one after another, from `y`.
    private func bottom(of list: ArraySlice<FlowItem>, at y: Double) -> Double {
        var (y, bottom) = (y, y)
        for item in list {
            switch item {
            case .text(let t): bottom = firstLineTop(t, at: y + t.spaceBefore) + t.box.height; y = bottom + t.spaceAfter
            case .box(let b): bottom = y + b.spaceBefore + b.height; y = bottom + b.spaceAfter
            case .anchor: continue
            }
        }
        return bottom
    }

    /// Moves everything placed after `s.placed[k]` on its page down by `dy`; their items'
    /// indices by `indices` (a block before them was redrawn with more or fewer items).
    private func shift(_ s: inout State, after k: Int, by dy: Double, indices: Int) {
        let page = s.placed[k].page
        let later = (k + 1)..<s.placed.count
        let from = later.first.map { s.placed.indices.contains($0) && s.placed[$0].page == page ? s.placed[$0].first + indices : nil } ?? nil
        if let from, from < s.pages[page].count {
            for j in from..<s.pages[page].count { s.pages[page][j] = s.pages[page][j].offsetBy(dx: 0, dy: dy) }
        }
        let column = current(s)
        let top = later.first.flatMap { s.placed.indices.contains($0) ? s.placed[$0].top : nil } ?? s.y
        for j in s.anchors.indices where s.anchors[j].1 == page && s.anchors[j].2.y >= top - 0.01
            && s.anchors[j].2.x >= column.minX - 0.01 && s.anchors[j].2.x <= column.maxX {
            s.anchors[j].2.y += dy
        }
        for j in later {
            s.placed[j].first += indices
            s.placed[j].top += dy
        }
        s.y += dy
        s.bottomUsed = max(s.bottomUsed, s.y)
    }
}
