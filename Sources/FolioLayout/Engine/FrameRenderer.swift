import FolioCharts
import FolioCore
import FolioModel
import FolioText

/// Draws the fixed frames of templates and masters. Text that does not fit its frame is
/// an error naming the data it came from, unless the frame may shrink it.
struct FrameRenderer {
    let typesetter: Typesetter
    let page: PageSpec
    let scope: TemplateScope
    let pageNumber: Int
    /// The template's name, for messages ("the event page").
    let template: String

    var live: Rect { page.liveArea(pageNumber: pageNumber) }

    func applies(_ frame: FrameSpec) -> Bool {
        switch frame.when {
        case nil: return true
        case "odd": return pageNumber % 2 == 1
        case "even": return pageNumber % 2 == 0
        case "has-image": return scope.event?.image != nil || (scope.event == nil && scope.report.cover != nil)
        case "no-image": return !(scope.event?.image != nil || (scope.event == nil && scope.report.cover != nil))
        case "has-figure": return !(scope.event?.figures.isEmpty ?? true)
        case "has-chart": return !(scope.event?.charts.isEmpty ?? true)
        case "has-summary": return scope.event?.summary != nil
        default: return true
        }
    }

    /// The items of `frames`. Text without a `role` is the page's content (`P`), except
    /// on `furniture` (masters: running heads, folios; blank notes pages), where it is an
    /// artifact; `role: Artifact` makes any frame's text one.
    func render(_ frames: [FrameSpec], furniture: Bool = false) throws -> [Item] {
        var items: [Item] = []
        var errors: [Diagnostic] = []
        for frame in frames where applies(frame) {
            do {
                let drawn = try render(frame, furniture: furniture)
                if frame.bleed {
                    let bleedBox = Rect(x: -page.bleed, y: -page.bleed, width: page.size.width + 2 * page.bleed,
                                        height: page.size.height + 2 * page.bleed)
                    items.append(.clipped(bleedBox, drawn))
                } else {
                    items += drawn
                }
            } catch let error as LayoutError {
                errors += error.diagnostics
            }
        }
        if !errors.isEmpty { throw LayoutError(errors) }
        return items
    }

    private func box(_ frame: FrameSpec) -> Rect {
        var r = frame.box.resolve(live: live, trim: page.size)
        guard frame.bleed, page.bleed > 0, frame.kind == .rect || frame.kind == .image else { return r }
        let b = page.bleed
        if r.minX <= 0.5 { r.x -= b; r.width += b }
        if r.minY <= 0.5 { r.y -= b; r.height += b }
        if r.maxX >= page.size.width - 0.5 { r.width += b }
        if r.maxY >= page.size.height - 0.5 { r.height += b }
        return r
    }

    private func render(_ frame: FrameSpec, furniture: Bool) throws -> [Item] {
        let r = box(frame)
        switch frame.kind {
        case .rect:
            let fill = frame.fill.map { typesetter.color($0).fading(frame.opacity) }
            let stroke = frame.stroke.map { Stroke(color: typesetter.color($0), width: frame.strokeWidth) }
            return [.shape(Shape(path: .rect(r, radius: frame.radius), fill: fill, stroke: stroke))]
        case .circle:
            let fill = frame.fill.map { typesetter.color($0).fading(frame.opacity) }
            let stroke = frame.stroke.map { Stroke(color: typesetter.color($0).fading(frame.opacity), width: frame.strokeWidth) }
            return [.shape(Shape(path: .circle(center: Point(x: r.midX, y: r.midY), radius: min(r.width, r.height) / 2),
                                 fill: fill, stroke: stroke))]
        case .rule:
            let color = typesetter.color(frame.stroke ?? frame.fill ?? "rule")
            let path: Path = r.width >= r.height
                ? .line(from: Point(x: r.minX, y: r.midY), to: Point(x: r.maxX, y: r.midY))
                : .line(from: Point(x: r.midX, y: r.minY), to: Point(x: r.midX, y: r.maxY))
            return [.shape(Shape(path: path, stroke: Stroke(color: color.fading(frame.opacity), width: frame.strokeWidth)))]
        case .text:
            return try text(frame, in: r, furniture: furniture)
        case .image:
            let image = frame.content.first == "report.cover" || scope.event == nil ? scope.report.cover : scope.event?.image
            guard let image else { return [] }
            do {
                let alt = ImageFit.alternateText(image, of: scope.event?.title ?? scope.report.title)
                return [.tagged(StructureTag("Figure", alt: alt), [.image(try ImageFit.item(image, in: r))])]
            } catch {
                throw LayoutError(.error("bad-image", at: scope.event?.fieldLocations["image"] ?? scope.report.locations["cover"],
                                         "\(scope.event?.label ?? "the report"): \(error)"))
            }
        case .figure:
            guard let figures = scope.event?.figures, frame.index < figures.count else { return [] }
            let tile = FigureTile(typesetter: typesetter, valueStyle: typesetter.style(frame.style ?? "figure-value"),
                                  unitStyle: typesetter.style("figure-unit"), labelStyle: typesetter.style("figure-label"), padding: 0)
            return [.tagged(StructureTag("Figure", alt: FigureTile.alternateText([figures[frame.index]])),
                            tile.draw(figures[frame.index], in: r, fill: nil))]
        case .chart:
            guard let ids = scope.event?.charts, frame.index < ids.count, let chart = scope.report.chart(ids[frame.index]) else { return [] }
            let renderer = ChartRenderer(composer: typesetter.composer)
            return [.tagged(StructureTag("Figure", alt: ChartAltText.describe(chart)), renderer.render(chart, in: r, theme: typesetter.chartTheme(grouping: frame.separator)))]
        }
    }

    private func text(_ frame: FrameSpec, in r: Rect, furniture: Bool) throws -> [Item] {
        guard let text = TemplateText.render(parts: frame.content, separator: frame.separator, scope: scope) else {
            return []
        }
        let style = typesetter.style(frame.style)
        var box = typesetter.compose(text, style: style, width: r.width)
        if box.height > r.height + 0.01 || box.paragraph.overfull {
            let shrunk = frame.fit == .shrink ? typesetter.composeShrinking(text, style: style, box: r.size) : nil
            guard let shrunk else {
                if frame.optional { return [] }
                throw overflow(frame, box: box, height: r.height)
            }
            box = shrunk
        }
        let top: Double
        switch frame.valign {
        case .top: top = r.minY
        case .middle: top = r.midY - box.height / 2
        case .bottom: top = r.maxY - box.height
        }
        var items: [Item] = box.runs(lines: 0..<box.lineCount, x: r.minX, top: top).map(Item.text)
        if let link = frame.link {
            items.append(.link(LinkItem(rect: r, destination: link, description: text)))
        }
        guard let role = frame.role ?? (furniture ? nil : "P") else { return items }
        return [.tagged(StructureTag(role), items)]
    }

    private func overflow(_ frame: FrameSpec, box: TextBox, height: Double) -> LayoutError {
        let field = frame.field ?? frame.content.first.map { $0.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "") } ?? "text"
        let key = field.split(separator: ".").last.map(String.init) ?? field
        // `{report.title}` on a card is the report's title, not the event's.
        let ofReport = field.hasPrefix("report.") || scope.event == nil
        let location = ofReport ? scope.report.locations[key] : (scope.event?.fieldLocations[key] ?? scope.report.locations[key])
        let over = box.height - height
        let lines = Int((over / box.leading).rounded(.up))
        let owner = ofReport ? "the report" : scope.event?.label ?? "the report"
        return LayoutError(.error("overflow", at: location,
                                  "\(owner): '\(key)' does not fit its frame on the \(template) page: \(lines) line\(lines == 1 ? "" : "s") (\(Int(over.rounded(.up)))pt) too many",
                                  hint: "shorten it, or let the layout shrink it (fit: shrink and a min-size in the style)"))
    }
}
