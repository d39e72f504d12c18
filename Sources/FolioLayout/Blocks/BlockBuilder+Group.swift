import FolioCore
import FolioModel

/// `group` blocks: frames set in a box of the flow, measured from the box (an event's
/// head — rank, NO., category · date, a band — when events follow one another in one
/// flow and the page's frames cannot repeat per event).
extension BlockBuilder {
    func group(_ block: BlockSpec) throws -> [FlowItem] {
        let width = block.width?.resolve(reference: block.span ? regionWidth : columnWidth) ?? (block.span ? regionWidth : columnWidth)
        let height = block.height ?? 0
        let renderer = FrameRenderer(typesetter: typesetter, page: typesetter.spec.page, scope: scope,
                                     pageNumber: scope.page ?? 1, template: "event", area: Rect(x: 0, y: 0, width: width, height: height))
        // Laid out once here so text that does not fit is an error now, with its data.
        _ = try renderer.render(block.frames)
        let frames = block.frames
        return [.box(BoxItem(height: height, keepWithNext: block.keepWithNext, spaceBefore: block.spaceBefore,
                             spaceAfter: block.spaceAfter, floats: false, span: block.span,
                             origin: DataOrigin(owner: owner, field: block.field ?? "head", location: location(block.field ?? "title"))) { rect in
            var placed = renderer
            placed.area = rect
            return (try? placed.render(frames)) ?? []
        })]
    }
}
