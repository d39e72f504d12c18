import FolioCore

/// Stacks the blocks of one card flow top to bottom in its region. Space before the
/// first item and after the last is dropped; spacers that grow share the height left
/// over, so what follows them sits at the bottom. Nothing paginates: content taller
/// than the region is reported, not split.
struct CardStack {
    /// One block's items, ready to stack.
    struct Block {
        /// Index of the block across all flows of the template.
        var index: Int
        var items: [FlowItem]
        var grows: Bool
    }

    /// Where the blocks went.
    struct Result {
        /// Drawn items per block index.
        var items: [Int: [Item]]
        /// Height the blocks need, without growing spacers.
        var needed: Double
        /// The first block that runs past the region's bottom, and by how much.
        var overflow: (block: Int, by: Double)?
    }

    static func stack(_ blocks: [Block], in region: Rect) -> Result {
        // First pass: positions from the region top, spacers at zero height.
        var positions: [(block: Int, item: FlowItem, y: Double, height: Double)] = []
        var springsBefore: [Int] = []
        var springs = 0
        var y = 0.0
        var pendingAfter = 0.0
        var first = true
        for block in blocks {
            if block.grows {
                springs += 1
                pendingAfter = 0
                continue
            }
            for item in block.items {
                let (height, before, after): (Double, Double, Double)
                switch item {
                case .text(let t): (height, before, after) = (t.box.height, t.spaceBefore, t.spaceAfter)
                case .box(let b): (height, before, after) = (b.height, b.spaceBefore, b.spaceAfter)
                case .anchor: continue
                }
                if !first { y += pendingAfter + before }
                first = false
                positions.append((block.index, item, y, height))
                springsBefore.append(springs)
                y += height
                pendingAfter = after
            }
        }
        let needed = y
        var overflow: (Int, Double)?
        if let over = positions.first(where: { $0.y + $0.height > region.height + 0.01 }) {
            overflow = (over.block, needed - region.height)
        }
        let share = springs > 0 ? max(0, region.height - needed) / Double(springs) : 0
        var drawn: [Int: [Item]] = [:]
        for (k, p) in positions.enumerated() {
            let top = region.minY + p.y + Double(springsBefore[k]) * share
            drawn[p.block, default: []] += draw(p.item, top: top, x: region.minX)
        }
        return Result(items: drawn, needed: needed, overflow: overflow)
    }

    private static func draw(_ item: FlowItem, top: Double, x: Double) -> [Item] {
        switch item {
        case .text(let t):
            let runs = t.box.runs(lines: 0..<t.box.lineCount, x: x, top: top).map(Item.text)
            return [.tagged(StructureTag(t.role), runs)]
        case .box(let b):
            return [b.placed(at: Point(x: x, y: top))]
        case .anchor:
            return []
        }
    }
}
