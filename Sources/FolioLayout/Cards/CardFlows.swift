import FolioCore

/// The flows of a card template in one list: each block gets an index across all flows
/// (`flow` first, then `flows` in order), each region knows its blocks.
struct CardFlows {
    struct IndexedBlock {
        var spec: BlockSpec
        var region: Int
    }

    struct Region {
        var rect: Rect
        var blocks: [Int]
    }

    var blocks: [IndexedBlock] = []
    var regions: [Region] = []

    init(template: TemplateSpec, page: PageSpec) {
        let live = page.liveArea(pageNumber: 1)
        for flow in [template.flow].compactMap({ $0 }) + template.flows {
            let rect = flow.region?.resolve(live: live, trim: page.size) ?? live
            var indices: [Int] = []
            for block in flow.blocks {
                indices.append(blocks.count)
                blocks.append(IndexedBlock(spec: block, region: regions.count))
            }
            regions.append(Region(rect: rect, blocks: indices))
        }
    }

    /// The order optional blocks are given up in: those with a `drop` number first
    /// (lowest first), then the others from the last.
    func dropOrder(shown: (Int) -> Bool = { _ in true }) -> [Int] {
        let optional = blocks.indices.filter { blocks[$0].spec.optional && blocks[$0].spec.kind != .spacer && shown($0) }
        let numbered = optional.filter { blocks[$0].spec.drop != nil }
            .sorted { (blocks[$0].spec.drop!, -$0) < (blocks[$1].spec.drop!, -$1) }
        let rest = optional.filter { blocks[$0].spec.drop == nil }.reversed()
        return numbered + rest
    }

    /// The sets of dropped blocks to try: none, then one more at a time (only blocks
    /// that are `shown` for the event).
    func dropSequence(shown: (Int) -> Bool = { _ in true }) -> [[Int]] {
        let order = dropOrder(shown: shown)
        return (0...order.count).map { Array(order.prefix($0)) }
    }
}
