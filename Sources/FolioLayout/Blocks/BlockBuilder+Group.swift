import FolioCore
import FolioModel

/// `group` blocks: frames set in a box of the flow, measured from the box (an event's
/// head — rank, NO., category · date, a band — when events follow one another in one
/// flow and the page's frames cannot repeat per event).
extension BlockBuilder {
    func group(_ block: BlockSpec) throws -> [FlowItem] {
        let width = block.width?.resolve(reference: block.span ? regionWidth : columnWidth) ?? (block.span ? regionWidth : columnWidth)
        let size = Size(width: width, height: block.height ?? 0)
        let renderer = FrameRenderer(typesetter: typesetter, page: typesetter.spec.page, scope: scope,
                                     pageNumber: scope.page ?? 1, template: "event", area: Rect(origin: .zero, size: size))
        // Laid out once here, in the box's own frame, so text that does not fit is an error
        // now, with its data.
        let frame = Frame(size: size, items: try renderer.render(block.frames))
        let origin = DataOrigin(owner: owner, field: block.field ?? "head", location: location(block.field ?? "title"))
        // Frames that bleed off the page or are placed from the trim depend on where the
        // box lands: laid out again for that point (same size, same frames).
        let frames = block.frames
        guard frames.contains(where: { $0.bleed || $0.box.origin == .trim }) else {
            return [.box(BoxItem(frame: frame, keepWithNext: block.keepWithNext, spaceBefore: block.spaceBefore,
                                 spaceAfter: block.spaceAfter, floats: false, span: block.span, origin: origin))]
        }
        return [.box(BoxItem(frame: frame, keepWithNext: block.keepWithNext, spaceBefore: block.spaceBefore,
                             spaceAfter: block.spaceAfter, floats: false, span: block.span, origin: origin) { point in
            var placed = renderer
            placed.pageOffset = point
            return Frame(size: size, items: (try? placed.render(frames)) ?? [])
        })]
    }
}
