import FolioCore
import FolioModel

/// Events in one flow (`gaps:` and `filler:` on the event template's flow): when an event
/// ends and the next event's head — band, title, lead and its first lines, kept together —
/// does not fit in the rest of the column, it moves on and leaves white at the column's
/// foot. `FlowEngine` then fills that gap from the event that ends there, as a designer
/// would: its plotted chart rows (`grow: yes`) set taller, then its `filler` blocks (a pull
/// quote, its key figure set large) where they fit, and what is left spread between its
/// blocks, a grid line at a time. A gap smaller than `fill` is only spread.
public struct GapFiller: Sendable {
    public var spec: GapSpec
    /// The filler items of the unit that ends before the unit whose first item (its anchor)
    /// has this index.
    var fillers: [Int: [FlowItem]] = [:]
    /// Items that are plotted chart rows of a growing block: they may be set taller.
    var growable: Set<Int> = []

    public init(spec: GapSpec) {
        self.spec = spec
    }

    /// The gap from which growth and fillers are used, in a column this tall.
    func threshold(column height: Double) -> Double { spec.fill.resolve(reference: height) }

    /// The filler items of the unit ending before item `i` (anchors before `i` skipped).
    func fillers(before i: Int, in items: [FlowItem]) -> [FlowItem] {
        var j = i
        while j > 0, case .anchor = items[j - 1] { j -= 1 }
        return fillers[j] ?? fillers[i] ?? []
    }

    /// Where the unit ending before item `i` began: the last item before `i` that starts a
    /// unit (0 for the first).
    func unitStart(before i: Int, in items: [FlowItem]) -> Int {
        items[..<i].lastIndex { $0.start != nil } ?? 0
    }

    /// A pull quote from an event's body (`{event.quote}`): its first sentence of up to 60
    /// characters that holds a digit (else its first sentence of up to 60; else the first
    /// clause of 12 to 40 characters with a digit), without the full stop — taken from the
    /// second paragraph on when there is one. A body under 200 characters has none (the
    /// quote would repeat what the reader has just read).
    static func quote(from body: [String]) -> String? {
        guard body.joined().count >= 200 else { return nil }
        var sentences: [String] = []
        for paragraph in body.count > 1 ? Array(body.dropFirst()) : body {
            var current = ""
            for c in paragraph {
                current.append(c)
                if "。！？".contains(c) { sentences.append(current); current = "" }
            }
            if !current.isEmpty { sentences.append(current) }
        }
        let short = sentences.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.count <= 60 }
        let digits = { (c: Character) in ("0"..."9").contains(c) || ("０"..."９").contains(c) }
        let clauses = sentences.flatMap { $0.split(whereSeparator: { "，；：。！？".contains($0) }).map(String.init) }
        let clause = clauses.first { (12...40).contains($0.count) && $0.contains(where: digits) }
        guard let chosen = short.first(where: { $0.contains(where: digits) }) ?? short.first ?? clause else { return nil }
        return chosen.hasSuffix("。") ? String(chosen.dropLast()) : chosen
    }

    /// The filler items from `n` that go together: up to the first not kept with the next.
    static func chain(_ fillers: [FlowItem], from n: Int) -> Range<Int> {
        var end = n
        while end < fillers.count - 1 && fillers[end].keepWithNext { end += 1 }
        // A rule kept with a quote that is not there (no sentence to quote) stays out.
        if fillers[end].keepWithNext { return n..<n }
        return n..<(end + 1)
    }

    /// Whole grid lines of `step` in `height` (all of it without a grid).
    static func gridded(_ height: Double, step: Double) -> Double {
        guard step > 0 else { return max(0, height) }
        return max(0, ((height + 0.01) / step).rounded(.down) * step)
    }

    /// Extra space for each of `boundaries` gaps between blocks when `room` is spread:
    /// the same for each, whole grid lines, at most `spread`.
    func spreadEach(_ room: Double, boundaries: Int, step: Double) -> Double {
        guard boundaries > 0, spec.spread > 0, room > 0 else { return 0 }
        return Self.gridded(min(spec.spread, room / Double(boundaries)), step: step)
    }
}

/// A block (or its part in one column) the flow placed: the run of page items it drew,
/// so that a gap filler can set it taller or move it down.
struct PlacedBlock {
    /// The flow item's index (negative: a filler item).
    var item: Int
    var page: Int
    var column: Int
    /// The index of its first item in the page's items.
    var first: Int
    var top: Double
    var isBox: Bool
    var keepWithNext: Bool
}

extension BlockBuilder {
    /// The flow items of `blocks`, made as `items(_:)` makes them, and which of them are
    /// plotted chart rows of a `grow: yes` charts block (they may be set taller in a gap).
    func itemsMarkingGrowth(_ blocks: [BlockSpec]) throws -> (items: [FlowItem], growable: Set<Int>) {
        guard blocks.contains(where: { $0.kind == .charts && $0.grow }) else { return (try items(blocks), []) }
        var out: [FlowItem] = []
        var growable = Set<Int>()
        var grown = self
        grown.growth = 1
        for block in blocks {
            let produced = try items([block])
            if block.keepWithPrevious && !produced.isEmpty, let last = out.indices.last(where: { if case .anchor = out[$0] { return false }; return true }) {
                out[last] = out[last].keepingWithNext()
            }
            if block.kind == .charts && block.grow {
                // Rows a growth changes are plotted (KPI rows keep their tiles' height).
                let taller = try grown.items([block])
                for (k, (a, b)) in zip(produced, taller).enumerated() {
                    if case .box(let x) = a, case .box(let y) = b, y.height > x.height + 0.5 { growable.insert(out.count + k) }
                }
            }
            out += produced
        }
        return (out, growable)
    }
}
