import FolioCore

/// What every page of a section is made of besides its flow: where the flow runs, the
/// background and master items under it, and the printed label. Shared by sections laid
/// out one at a time and events in one continuous flow.
extension BrochureLayout {
    /// Where `flow` runs on its `k`-th page (0: the first, `first` its page number): the
    /// flow's own region there, the continuation template's on later pages, else the
    /// live area. A section that `continuing` the one before on its last page runs in the
    /// live area there.
    func flowRegion(_ flow: FlowSpec, continuation: TemplateSpec?, first: Int, continuing: Bool = false) -> (Int) -> FlowRegion {
        { k in
            let live = spec.page.liveArea(pageNumber: first + k)
            let columns = flow.columns ?? spec.page.columns
            let box = k == 0 ? (continuing ? nil : flow.region) : continuation?.flow?.region
            let rect = box.map { $0.resolve(live: live, trim: spec.page.size) } ?? live
            return FlowRegion(rect: rect, columns: columns, gutter: spec.page.gutter)
        }
    }

    /// What a page of `template` carries under its content: its background over the bleed
    /// box and its master's items (the folio left out where the template shows none).
    func underlay(_ template: TemplateSpec, renderer: FrameRenderer, pageNumber: Int) throws -> [Item] {
        var items: [Item] = []
        if let bg = template.background {
            let bleedBox = Rect(x: -spec.page.bleed, y: -spec.page.bleed, width: spec.page.size.width + 2 * spec.page.bleed,
                                height: spec.page.size.height + 2 * spec.page.bleed)
            items.append(.clipped(bleedBox, [.shape(Shape(path: .rect(bleedBox), fill: typesetter.color(bg)))]))
        }
        if let masterName = template.master, let master = spec.masters[masterName] {
            var frames = master.all + (pageNumber % 2 == 1 ? master.odd : master.even)
            if !template.folio { frames.removeAll { $0.content.contains { $0.contains("{page}") } } }
            items += try renderer.render(frames, furniture: true)
        }
        return items
    }

    /// The label a page of `template` prints and the PDF shows: its number, or the
    /// template's label when it prints no folio (封面).
    func label(_ template: TemplateSpec, pageNumber: Int) -> String {
        template.folio ? String(pageNumber) : (template.label ?? String(pageNumber))
    }
}
