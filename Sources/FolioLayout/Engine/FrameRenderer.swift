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

    /// Frames of a `group` block: measured from the block's box instead of the live area.
    var area: Rect?
    /// Where the box's frame is placed on the page, when `area` is that frame (a `group`
    /// block laid out for the point it is placed at): frames that bleed off the page's edges
    /// or are placed from the trim are set on the page there, in a group moved back by this
    /// point, so that placed with the frame they are exactly where a page's frame would be.
    var pageOffset: Point?

    var live: Rect { area ?? page.liveArea(pageNumber: pageNumber) }

    func applies(_ frame: FrameSpec) -> Bool {
        Condition.holds(frame.when, Condition.Facts(report: scope.report, event: scope.event, page: pageNumber,
                                                     rankLimit: typesetter.spec.rankLimit, hasLogo: typesetter.spec.logo != nil))
    }

    /// The items of `frames`. Text without a `role` is the page's content (`P`), except
    /// on `furniture` (masters: running heads, folios; blank notes pages), where it is an
    /// artifact; `role: Artifact` makes any frame's text one.
    func render(_ frames: [FrameSpec], furniture: Bool = false) throws -> [Item] {
        var items: [Item] = []
        var errors: [Diagnostic] = []
        for frame in frames where applies(frame) {
            do {
                let bleedBox = Rect(x: -page.bleed, y: -page.bleed, width: page.size.width + 2 * page.bleed,
                                    height: page.size.height + 2 * page.bleed)
                if let offset = pageOffset, frame.bleed || frame.box.origin == .trim {
                    var onPage = self
                    onPage.pageOffset = nil
                    onPage.area = live.offsetBy(dx: offset.x, dy: offset.y)
                    let drawn = try onPage.render(frame, furniture: furniture)
                    items.append(.group(Group(origin: Point(x: -offset.x, y: -offset.y), clip: frame.bleed ? bleedBox : nil, items: drawn)))
                } else if frame.bleed {
                    items.append(.clipped(bleedBox, try render(frame, furniture: furniture)))
                } else {
                    items += try render(frame, furniture: furniture)
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
            if frame.content.first == "layout.logo" {
                // The brand's logo, whole (contain), never cropped.
                guard let logo = typesetter.spec.logo else { return [] }
                let ref = ImageRef(path: logo, absolutePath: logo, fit: .contain)
                return [.tagged(StructureTag("Figure", alt: "标志"), [.image(try ImageFit.item(ref, in: r))])]
            }
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
            let laidOut = tile.frame(figures[frame.index], width: r.width, height: r.height, fill: nil)
            return [.tagged(StructureTag("Figure", alt: FigureTile.alternateText([figures[frame.index]])),
                            [laidOut.placed(at: r.origin)])]
        case .chart:
            guard let ids = scope.event?.charts, frame.index < ids.count, let chart = scope.report.chart(ids[frame.index]) else { return [] }
            let renderer = ChartRenderer(composer: typesetter.composer)
            return [ChartFigure.tagged(chart, renderer.render(chart, in: r, theme: typesetter.chartTheme(grouping: frame.separator)))]
        }
    }

    private func text(_ frame: FrameSpec, in r: Rect, furniture: Bool) throws -> [Item] {
        guard let text = TemplateText.render(parts: frame.content, separator: frame.separator, scope: scope) else {
            return []
        }
        let style = typesetter.style(frame.style)
        var box = typesetter.compose(text, style: style, width: r.width)
        if box.height > r.height + 0.01 || box.paragraph.overfull {
            let shrunk = frame.fit == .shrink ? shrink(text, style: style, box: r.size) : nil
            guard let shrunk else {
                if frame.optional { return [] }
                throw overflow(frame, box: box, height: r.height, text: text, style: style, width: r.width)
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

    /// `fit: shrink`: a frame of one line at its style's size (a brand strip) first shrinks
    /// the text on that line down to the style's `min-size`, then sets it in balanced
    /// lines (as many as the frame holds) from the full size down; a taller frame shrinks
    /// its text as its style sets it. Nil when nothing fits.
    private func shrink(_ text: String, style: StyleSpec, box: Size) -> TextBox? {
        guard box.height < 2 * style.leading - 0.01 else {
            return typesetter.composeShrinking(text, style: style, box: box)
        }
        let floor = style.minSize > 0 ? style.minSize : style.size
        let oneLine = Size(width: box.width, height: min(box.height, style.leading + 0.01))
        if let line = typesetter.composeShrinking(text, style: style, box: oneLine) { return line }
        var balanced = style
        balanced.balanced = true
        var size = style.size
        while true {
            let tb = typesetter.compose(text, style: balanced, width: box.width, size: size)
            if tb.height <= box.height + 0.01 && !tb.paragraph.overfull { return tb }
            if size <= floor + 0.001 { return nil }
            size = max(floor, size - max(0.5, size * 0.04))
        }
    }

    private func overflow(_ frame: FrameSpec, box: TextBox, height: Double, text: String, style: StyleSpec,
                          width: Double) -> LayoutError {
        let field = frame.field ?? frame.content.first.map { $0.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "") } ?? "text"
        var key = field.split(separator: ".").last.map(String.init) ?? field
        // `{report.title}` on a card is the report's title, not the event's.
        let ofReport = field.hasPrefix("report.") || scope.event == nil
        // `{report.short-title}` shows the title when the report gives no short form.
        if ofReport, key == "short-title" && scope.report.shortTitle == nil || key == "short-publisher" && scope.report.shortPublisher == nil {
            key = String(key.dropFirst(6))
        }
        let location = ofReport ? scope.report.locations[key] : (scope.event?.fieldLocations[key] ?? scope.report.locations[key])
        let over = box.height - height
        let lines = Int((over / box.leading).rounded(.up))
        let owner = ofReport ? "the report" : scope.event?.label ?? "the report"
        if ofReport && typesetter.spec.kind == .card {
            return LayoutError(cardMisfit(key: key, text: text, style: style, width: width, height: height, location: location))
        }
        return LayoutError(.error("overflow", at: location,
                                  "\(owner): '\(key)' does not fit its frame on the \(template) page: \(lines) line\(lines == 1 ? "" : "s") (\(Int(over.rounded(.up)))pt) too many",
                                  hint: ofReport && frame.content.contains { $0.contains("{report.short-") } && (key == "title" || key == "publisher")
                                    ? "add `short-\(key):` to report.yaml: a shorter \(key) for running heads and cards"
                                    : "shorten it, or let the layout shrink it (fit: shrink and a min-size in the style)"))
    }

    /// Report-level text (the title, the publisher) that does not fit a card's frame even
    /// shrunk and balanced: the same on every card of the preset, so worded without the
    /// event and merged across cards and presets by `CardDiagnostics.merge`. In px.
    private func cardMisfit(key: String, text: String, style: StyleSpec, width: Double, height: Double,
                            location: SourceLocation?) -> Diagnostic {
        let floor = style.minSize > 0 ? style.minSize : style.size
        let lines = max(1, Int((height + 0.01) / (style.leading * floor / style.size)))
        let natural = typesetter.compose(text, style: style, width: 100_000, size: floor)
        let needed = natural.paragraph.lines.first.map { $0.right - $0.left } ?? 0
        let roomy = Int(width / floor) * lines
        let detail = "needs \(CardDiagnostics.px(needed.rounded(.up)))px at \(CardDiagnostics.px(floor))px, has \(lines) × \(CardDiagnostics.px(width))px, ~\(roomy) characters"
        let shortKey = key == "title" || key == "publisher" ? "short-\(key)" : nil
        let hint = shortKey.map { "add `\($0):` to report.yaml: a shorter \(key) for cards and running heads, of at most about \(roomy) characters" }
            ?? "shorten it"
        return .error("card-overflow", at: location,
                      "the report's \(Quoting.code(key)) (\(text.count) characters) does not fit its frame on the \(typesetter.spec.name) card (\(detail))",
                      hint: hint)
    }
}
