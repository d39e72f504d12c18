import Foundation
import FolioCharts
import FolioCore
import FolioModel
import FolioText

/// Turns one block of a card's flow into flow items. Cards draw three blocks their own
/// way: `figure` (the lead figure as the hero, sized to fit the width), `charts` (the
/// event's first chart on an optional panel) and `image` (a cover crop around the focal
/// point). Everything else is built as in the brochure.
struct CardBlocks {
    let typesetter: Typesetter
    let scope: TemplateScope
    /// Whether the card shows the event's image (the template has an image block that
    /// is not dropped); then the image takes the media slot and `charts` blocks stay
    /// empty (a card shows a photo or a chart, not both).
    var imageShown: Bool
    /// Whether the card's image or chart blocks were all given up to make the card fit:
    /// then conditions see the card without them (`no-media` holds when both are gone),
    /// so blocks meant for a card without media take their room.
    var imageDropped = false
    var chartDropped = false

    var event: Event? { scope.event }

    /// `height`, when given, replaces the block's own height (a `charts` or `image` block
    /// that grows into the room left in its region).
    func items(_ block: BlockSpec, width: Double, size: Double?, height: Double? = nil) throws -> [FlowItem] {
        if block.kind == .paragraphs, block.grow || block.source == "event.lead" {
            return sentences(block, width: width, size: size, room: height)
        }
        var block = block
        if let height { block.height = height }
        switch block.kind {
        case .figure: return hero(block, width: width, size: size)
        case .charts: return chart(block, width: width)
        case .image: return try image(block, width: width)
        default:
            var builder = BlockBuilder(typesetter: typesetter, scope: scope, columnWidth: width, regionWidth: width)
            builder.checksConditions = false
            if let size { builder.sizes = [0: size] }
            let items = try builder.items([block])
            // `limit` on paragraphs: the first paragraphs only (the body's lead on a card).
            if block.kind == .paragraphs, let limit = block.limit { return Array(items.prefix(limit)) }
            return items
        }
    }

    /// The event's text in whole sentences, from the start of its first paragraph:
    /// `source: event.lead` is its first sentence (to the first 。！？, or the paragraph's
    /// end); a `paragraphs` block that grows sets as many sentences as fit `room` (its
    /// share of the height left in the region), and the first sentence before it knows.
    private func sentences(_ block: BlockSpec, width: Double, size: Double?, room: Double?) -> [FlowItem] {
        guard let first = event?.body.first else { return [] }
        let all = Self.sentences(first)
        guard !all.isEmpty else { return [] }
        let style = typesetter.style(block.style)
        func box(_ count: Int) -> TextBox {
            typesetter.compose(all.prefix(count).joined(), style: style, width: width, size: size, firstLine: false)
        }
        var chosen = box(1)
        if block.grow, let room {
            for count in stride(from: all.count, to: 1, by: -1) {
                let candidate = box(count)
                if candidate.height <= room + 0.01 { chosen = candidate; break }
            }
        }
        return [.text(TextItem(box: chosen, role: block.role ?? "P", spaceBefore: block.spaceBefore + style.spaceBefore,
                               spaceAfter: block.spaceAfter + style.spaceAfter, origin: origin("body")))]
    }

    /// `paragraph` cut into sentences, each with its closing mark (and a closing quote
    /// that follows it).
    static func sentences(_ paragraph: String) -> [String] {
        var out: [String] = []
        var current = ""
        var ended = false
        for c in paragraph.trimmingCharacters(in: .whitespaces) {
            if ended && !"”’」』）)".contains(c) {
                out.append(current)
                current = ""
                ended = false
            }
            current.append(c)
            if "。！？!?".contains(c) { ended = true }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The figure a `figure` block shows: `source: event.figures.N` names the Nth (from
    /// 1); without a source, the lead figure. Nil for any other source.
    static func figureIndex(_ source: String?) -> Int? {
        guard let source else { return 0 }
        let prefix = "event.figures."
        guard source.hasPrefix(prefix), let n = Int(source.dropFirst(prefix.count)), n >= 1 else { return nil }
        return n - 1
    }

    /// Whether a block's `when` holds for the event. `has-chart` means a chart the card
    /// would show (see `chartToShow`).
    func holds(_ condition: String?) -> Bool {
        var shown = event
        if imageDropped { shown?.image = nil }
        return Condition.holds(condition, Condition.Facts(report: scope.report, event: shown, page: nil,
                                                   rankLimit: typesetter.spec.rankLimit,
                                                   chartShown: chartToShow() != nil && !(imageShown && event?.image != nil) && !chartDropped,
                                                   hasLogo: typesetter.spec.logo != nil))
    }

    private func origin(_ field: String) -> DataOrigin {
        DataOrigin(owner: event?.label ?? "the report", field: field,
                   location: event?.fieldLocations[field] ?? event?.location)
    }

    // MARK: - Hero figure

    /// The lead figure: value and unit on one baseline, the label below. The value
    /// takes `size` (or its style's size) but never more than the width allows.
    private func hero(_ block: BlockSpec, width: Double, size: Double?) -> [FlowItem] {
        guard let index = Self.figureIndex(block.source), let figures = event?.figures, index < figures.count else { return [] }
        let figure = figures[index]
        let valueStyle = typesetter.style(block.parts["value"] ?? "figure-value")
        let unitStyle = typesetter.style(block.parts["unit"] ?? "figure-unit")
        let labelStyle = typesetter.style(block.parts["label"] ?? "figure-label")
        let gap = (block.parts["padding"].flatMap { Length($0)?.resolve(reference: 0) }) ?? 8
        var valueSize = size ?? valueStyle.size
        var value = display(figure.value, style: valueStyle, size: valueSize)
        var unit = composeUnit(figure, unitStyle, scale: valueSize / valueStyle.size)
        let natural = lineWidth(value) + (unit.map { lineWidth($0) + valueSize * 0.06 } ?? 0)
        if natural > width {
            // Set the value small enough for the width, but never below the style's minimum.
            let floor = valueStyle.minSize > 0 ? valueStyle.minSize : valueSize * 0.5
            valueSize = max(floor, (valueSize * width / natural * 2).rounded(.down) / 2)
            value = display(figure.value, style: valueStyle, size: valueSize)
            unit = composeUnit(figure, unitStyle, scale: valueSize / valueStyle.size)
        }
        let labelText = figure.derived ? figure.label + "（推算）" : figure.label
        let label = typesetter.compose(labelText, style: labelStyle, width: width, firstLine: false)
        let valueHeight = value.ascent + value.descent
        let height = valueHeight + gap + label.height
        let alt = "\(figure.value)\(figure.unit ?? "") \(figure.label)"
        var items: [Item] = []
        let baseline = value.ascent
        var x = 0.0
        if let line = value.paragraph.lines.first {
            items += line.runs(atX: x - line.left, baseline: baseline).map(Item.text)
            x += line.right - line.left + valueSize * 0.06
        }
        if let u = unit, let line = u.paragraph.lines.first {
            items += line.runs(atX: x - line.left, baseline: baseline).map(Item.text)
        }
        items += label.runs(lines: 0..<label.lineCount, x: 0, top: valueHeight + gap).map(Item.text)
        return [.box(BoxItem(frame: Frame(size: Size(width: width, height: height), items: items), role: "Figure", alt: alt,
                             spaceBefore: block.spaceBefore, spaceAfter: block.spaceAfter, floats: false, origin: origin("figures")))]
    }

    /// A display number on one line. Between digits and Han characters ("26万", "第13位")
    /// the space is a tight 0.08 em rather than the text's quarter em: at display sizes
    /// the full gap splits the number from its word.
    private func display(_ text: String, style: StyleSpec, size: Double) -> TextBox {
        var settings = typesetter.spec.text
        settings.autospace = min(settings.autospace, 0.08)
        let spec = ParagraphSpec(spans: [TextSpan(text, style: typesetter.characterStyle(style, size: size))], width: 100_000,
                                 alignment: .left, settings: settings)
        let paragraph = typesetter.composer.compose(spec)
        let metrics = typesetter.composer.fonts.metrics(for: typesetter.font(style, size: size))
        return TextBox(paragraph: paragraph, leading: style.leading * size / style.size, ascent: metrics.ascent,
                       descent: metrics.descent, size: size, grid: false)
    }

    private func composeUnit(_ figure: Figure, _ style: StyleSpec, scale: Double) -> TextBox? {
        guard let unit = figure.unit, !unit.isEmpty else { return nil }
        return typesetter.compose(unit, style: style, width: 100_000, size: style.size * min(1, scale), alignment: .left)
    }

    private func lineWidth(_ box: TextBox) -> Double {
        box.paragraph.lines.first.map { $0.right - $0.left } ?? 0
    }

    // MARK: - Chart

    /// The chart a card shows: the event's first chart, passing over single-number (KPI)
    /// charts when the card already shows the lead figure as its hero.
    func chartToShow() -> Chart? {
        guard let event else { return nil }
        let charts = event.charts.compactMap { scope.report.chart($0) }
        if event.figures.isEmpty { return charts.first }
        return charts.first { $0.kind != .kpi }
    }

    private func chart(_ block: BlockSpec, width: Double) -> [FlowItem] {
        guard !(imageShown && event?.image != nil), var chart = chartToShow() else { return [] }
        let padding = block.parts["padding"].flatMap { Length($0)?.resolve(reference: 0) } ?? 0
        let radius = block.parts["radius"].flatMap { Length($0)?.resolve(reference: 0) } ?? 0
        let fill = block.fill.map { typesetter.color($0) }
        let renderer = ChartRenderer(composer: typesetter.composer)
        let theme = typesetter.chartTheme()
        // Never an empty panel: the chart gets the height it needs to be read. When the
        // block is too low for the chart with its note, the card shows it without the note
        // (the brochure keeps it; derived values stay marked in the legend as 推算值); a
        // card without room even then drops the chart (the block is optional).
        let planned = block.height ?? width * 0.5
        var needed = renderer.minimumHeight(chart, width: width - 2 * padding, theme: theme) + 2 * padding
        if needed > planned, chart.note != nil {
            var bare = chart
            bare.note = nil
            let bareNeeded = renderer.minimumHeight(bare, width: width - 2 * padding, theme: theme) + 2 * padding
            if bareNeeded <= planned { (chart, needed) = (bare, bareNeeded) }
        }
        let height = max(planned, needed)
        let rect = Rect(x: 0, y: 0, width: width, height: height)
        var items: [Item] = []
        if let fill { items.append(.shape(Shape(path: .rect(rect, radius: radius), fill: fill))) }
        items += renderer.render(chart, in: rect.insetBy(padding), theme: theme)
        return [.box(BoxItem(frame: Frame(size: rect.size, items: items), role: "Figure", alt: chart.title,
                             spaceBefore: block.spaceBefore, spaceAfter: block.spaceAfter, floats: false, origin: origin("charts")))]
    }

    // MARK: - Image

    /// The event's image cropped to cover the block (keeping its focal point in view),
    /// with the credit below in the `caption` part's style when the image has one.
    private func image(_ block: BlockSpec, width: Double) throws -> [FlowItem] {
        guard let image = block.source == "report.cover" ? scope.report.cover : event?.image else { return [] }
        let height = block.height ?? width * 9 / 16
        let placed: ImageItem
        do {
            placed = try ImageFit.item(ImageRef(path: image.path, absolutePath: image.absolutePath, fit: .cover,
                                                focus: image.focus), in: Rect(x: 0, y: 0, width: width, height: height))
        } catch {
            throw LayoutError(.error("bad-image", at: event?.fieldLocations["image"] ?? event?.location,
                                     "\(event?.label ?? "the report"): \(error)"))
        }
        // Caption and credit as written, when the preset styles them (`parts: {caption: …}`).
        var credit: TextBox?
        let words = [image.caption, image.credit].compactMap { $0 }.joined(separator: "　")
        if !words.isEmpty, let styleName = block.parts["caption"] {
            credit = typesetter.compose(words, style: typesetter.style(styleName), width: width, firstLine: false)
        }
        let total = height + (credit.map { $0.height + 6 } ?? 0)
        let frame = ImageFit.frame(placed, height: height, caption: credit, gap: 6, size: Size(width: width, height: total))
        return [.box(BoxItem(frame: frame, role: "Figure", alt: image.caption ?? image.path, spaceBefore: block.spaceBefore,
                             spaceAfter: block.spaceAfter, floats: false, origin: origin("image")))]
    }
}
