import FolioCharts
import FolioCore
import FolioModel
import FolioText

/// Turns a template's blocks into flow items for one scope (the report, or an event).
struct BlockBuilder {
    let typesetter: Typesetter
    let scope: TemplateScope
    let columnWidth: Double
    let regionWidth: Double
    /// Sizes for blocks that shrink (cards), by block index.
    var sizes: [Int: Double] = [:]
    /// Blocks to leave out (cards dropping optional parts), by index.
    var dropped: Set<Int> = []
    /// Page numbers of named destinations (contents).
    var pageNumbers: [String: Int] = [:]
    /// Contents entries (destination, rank, title).
    var contents: [ContentsEntry] = []
    /// Whether blocks' `when:` is decided here (cards decide it themselves: see `CardBlocks.holds`).
    var checksConditions = true
    /// Brochures: the room given to blocks with `grow: yes` (contents entries, chart rows),
    /// found by `Copyfit` so the flow's last page is used (points, each entry or row).
    var growth: Double = 0

    var owner: String { scope.event?.label ?? "the report" }

    func location(_ field: String) -> SourceLocation? {
        if let event = scope.event { return event.fieldLocations[field] ?? event.location }
        return scope.report.locations[field]
    }

    func items(_ blocks: [BlockSpec]) throws -> [FlowItem] {
        var out: [FlowItem] = []
        let facts = Condition.Facts(report: scope.report, event: scope.event, page: scope.page,
                                    rankLimit: typesetter.spec.rankLimit, hasLogo: typesetter.spec.logo != nil)
        for (index, block) in blocks.enumerated() where !dropped.contains(index) {
            if checksConditions && !Condition.holds(block.when, facts) { continue }
            let produced = try items(block, index: index)
            if block.keepWithPrevious && !produced.isEmpty, let last = out.indices.last(where: { if case .anchor = out[$0] { return false }; return true }) {
                out[last] = out[last].keepingWithNext()
            }
            out += produced
        }
        return out
    }

    private func width(_ block: BlockSpec) -> Double {
        let base = block.span ? regionWidth : columnWidth
        return block.width?.resolve(reference: base) ?? base
    }

    /// The width the flow gives a box: the region's when it spans, else the column's.
    func flowWidth(span: Bool) -> Double {
        span ? regionWidth : columnWidth
    }

    private func items(_ block: BlockSpec, index: Int) throws -> [FlowItem] {
        var out: [FlowItem] = []
        if let d = block.destination { out.append(.anchor(TemplateText.render(d, scope: scope) ?? d)) }
        switch block.kind {
        case .text:
            guard let text = TemplateText.render(parts: block.content, separator: block.separator, scope: scope) else {
                return out
            }
            let style = typesetter.style(block.style)
            let box = typesetter.compose(text, style: style, width: width(block), size: sizes[index])
            out.append(.text(TextItem(box: box, role: block.role ?? "P", keepWithNext: block.keepWithNext,
                                      spaceBefore: block.spaceBefore + style.spaceBefore,
                                      spaceAfter: block.spaceAfter + style.spaceAfter,
                                      splittable: !style.balanced && !block.keepWithNext, span: block.span,
                                      origin: block.field.map { DataOrigin(owner: owner, field: $0, location: location($0)) })))
        case .paragraphs:
            let source = block.source ?? (scope.event != nil ? "event.body" : "report.intro")
            let paragraphs: [String]
            let field: String
            switch source {
            case "event.body": paragraphs = scope.event?.body ?? []; field = "body"
            case "report.intro": paragraphs = scope.report.intro; field = "intro"
            case "event.summary": paragraphs = scope.event?.summary.map { [$0] } ?? []; field = "summary"
            default: paragraphs = []; field = source
            }
            let style = typesetter.style(block.style)
            for (i, p) in paragraphs.enumerated() {
                let box = typesetter.compose(p, style: style, width: width(block), size: sizes[index])
                out.append(.text(TextItem(box: box, role: block.role ?? "P",
                                          spaceBefore: (i == 0 ? block.spaceBefore : 0) + style.spaceBefore,
                                          spaceAfter: (i == paragraphs.count - 1 ? block.spaceAfter : 0) + style.spaceAfter,
                                          span: block.span,
                                          origin: DataOrigin(owner: owner, field: "\(field)[\(i + 1)]", location: location(field)))))
            }
        case .rule:
            let color = typesetter.color(block.color ?? "rule")
            let thickness = block.height ?? 0.75
            let w = width(block)
            let frame = Frame(size: Size(width: flowWidth(span: block.span), height: thickness),
                              items: [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: w, height: thickness)), fill: color))])
            out.append(.box(BoxItem(frame: frame, keepWithNext: block.keepWithNext, spaceBefore: block.spaceBefore,
                                    spaceAfter: block.spaceAfter, floats: false, span: block.span)))
        case .spacer:
            let frame = Frame(size: Size(width: flowWidth(span: block.span), height: block.height ?? 12))
            out.append(.box(BoxItem(frame: frame, floats: false, span: block.span)))
        case .figures:
            out += figures(block)
        case .figure:
            out += leadFigure(block, index: index)
        case .charts:
            out += charts(block)
        case .image:
            out += try image(block)
        case .contents:
            out += contentsEntries(block)
        case .group:
            out += try group(block)
        case .events:
            out += eventRows(block)
        }
        return out
    }

    // MARK: - Figures

    private func tile(_ block: BlockSpec) -> FigureTile {
        FigureTile(typesetter: typesetter, valueStyle: typesetter.style(block.parts["value"] ?? "figure-value"),
                   unitStyle: typesetter.style(block.parts["unit"] ?? "figure-unit"),
                   labelStyle: typesetter.style(block.parts["label"] ?? "figure-label"),
                   padding: block.parts["padding"].flatMap { Length($0)?.resolve(reference: 0) } ?? 10)
    }

    private func figures(_ block: BlockSpec) -> [FlowItem] {
        guard let figures = scope.event?.figures, !figures.isEmpty else { return [] }
        let shown = Array(figures.prefix(block.limit ?? figures.count))
        let tile = self.tile(block)
        // Even rows: 4 figures in 3 columns become 2 × 2, 5 become 3 + 2.
        let rowsNeeded = (shown.count + max(1, block.columns) - 1) / max(1, block.columns)
        let columns = max(1, (shown.count + rowsNeeded - 1) / rowsNeeded)
        let gap = 8.0
        let total = width(block)
        let w = (total - Double(columns - 1) * gap) / Double(columns)
        let fill = block.fill.map { typesetter.color($0) }
        var out: [FlowItem] = []
        var rows: [[Figure]] = []
        var row: [Figure] = []
        for f in shown {
            row.append(f)
            if row.count == columns { rows.append(row); row = [] }
        }
        if !row.isEmpty { rows.append(row) }
        for (r, figuresInRow) in rows.enumerated() {
            // Each tile laid out once at its natural height; the row takes the tallest (or the
            // block's height), and a shorter tile is laid out again at the row's height.
            let natural = figuresInRow.map { tile.frame($0, width: w, fill: fill) }
            let h = max(block.height ?? 0, natural.map(\.size.height).max() ?? 0)
            var items: [Item] = []
            for (i, f) in figuresInRow.enumerated() {
                let frame = natural[i].size.height == h ? natural[i] : tile.frame(f, width: w, height: h, fill: fill)
                items.append(frame.placed(at: Point(x: Double(i) * (w + gap), y: 0)))
            }
            let alt = FigureTile.alternateText(figuresInRow)
            out.append(.box(BoxItem(frame: Frame(size: Size(width: flowWidth(span: block.span), height: h), items: items),
                                    role: "Figure", alt: alt,
                                    spaceBefore: r == 0 ? block.spaceBefore : gap,
                                    spaceAfter: r == rows.count - 1 ? block.spaceAfter : 0, span: block.span,
                                    origin: DataOrigin(owner: owner, field: "figures", location: location("figures")))))
        }
        return out
    }

    /// The lead figure large (cards).
    private func leadFigure(_ block: BlockSpec, index: Int) -> [FlowItem] {
        guard let f = scope.event?.figures.first else { return [] }
        let tile = self.tile(block)
        let w = width(block)
        let frame = tile.frame(f, width: w, fill: block.fill.map { typesetter.color($0) }, valueSize: sizes[index])
        return [.box(BoxItem(frame: frame, role: "Figure", alt: FigureTile.alternateText([f]),
                             spaceBefore: block.spaceBefore, spaceAfter: block.spaceAfter, floats: false, span: block.span,
                             origin: DataOrigin(owner: owner, field: "figures", location: location("figures"))))]
    }

    // MARK: - Charts

    /// Charts in rows of `columns`. `content` may list chart kinds or ids to show, in that
    /// order (e.g. [bar, line, donut] in one block and [kpi] in another); `separator` groups
    /// thousands. Rows of KPIs take the tiles' natural height, other rows `height`.
    private func charts(_ block: BlockSpec) -> [FlowItem] {
        let ids: [String]
        switch block.source ?? (scope.event != nil ? "event.charts" : "report.charts") {
        case "event.charts": ids = scope.event?.charts ?? []
        default: ids = scope.report.charts.map(\.id)
        }
        var all = ids.compactMap { scope.report.chart($0) }
        if !block.content.isEmpty {
            all = block.content.flatMap { key in all.filter { $0.kind.rawValue == key || $0.id == key } }
        }
        let list = Array(all.prefix(block.limit ?? Int.max))
        guard !list.isEmpty else { return [] }
        let columns = max(1, min(block.columns, list.count))
        let gap = 14.0, rowGap = 20.0
        let total = width(block)
        let w = (total - Double(columns - 1) * gap) / Double(columns)
        let renderer = ChartRenderer(composer: typesetter.composer)
        let theme = typesetter.chartTheme(grouping: block.separator)
        var out: [FlowItem] = []
        var start = 0
        while start < list.count {
            let row = Array(list[start..<min(list.count, start + columns)])
            let first = start == 0
            start += columns
            let last = start >= list.count
            // KPI tiles have a natural size (their frame at the width); plotted charts none.
            let natural = row.map { renderer.naturalFrame($0, width: w, theme: theme)?.size.height }
            // Plotted charts take the block's height, but never less than they need to be
            // read: a card too small for the chart then drops it instead of an empty panel.
            let minimum = row.map { renderer.minimumHeight($0, width: w, theme: theme) }.max() ?? 0
            let h = natural.allSatisfy { $0 != nil } ? natural.compactMap { $0 }.max() ?? 0
                : max(block.height ?? 150, minimum) + (block.grow ? min(growth, block.height ?? 150) : 0)
            // Each chart is a figure of its own, with its data in words as alternate text.
            let rowWidth = flowWidth(span: block.span)
            var box = BoxItem(height: h, spaceBefore: first ? block.spaceBefore : rowGap,
                              spaceAfter: last ? block.spaceAfter : 0, span: block.span,
                              origin: DataOrigin(owner: owner, field: "charts", location: location("charts"))) { height in
                var items: [Item] = []
                for (i, chart) in row.enumerated() {
                    let box = Rect(x: Double(i) * (w + gap), y: 0, width: w, height: height)
                    items.append(ChartFigure.tagged(chart, renderer.render(chart, in: box, theme: theme)))
                }
                return Frame(size: Size(width: rowWidth, height: height), items: items)
            }
            // `min-height`: plotted charts may be set lower to fill the room left in a column.
            if let floor = block.minHeight, natural.contains(where: { $0 == nil }) { box.minHeight = min(h, max(floor, minimum)) }
            out.append(.box(box))
        }
        return out
    }

    // MARK: - Image

    private func image(_ block: BlockSpec) throws -> [FlowItem] {
        let image = block.source == "report.cover" ? scope.report.cover : scope.event?.image
        guard let image else { return [] }
        let column = width(block)
        let info = try ImageFitInfo.size(of: image)
        // A photo keeps its proportions within the column and the block's height (its
        // subject stays in view); only `crop: true` cuts it to a band of exactly that size.
        var w = column, h = block.height ?? min(column * info.height / info.width, column)
        var shown = image
        if !block.crop {
            let scale = min(column / info.width, h / info.height)
            (w, h) = (info.width * scale, info.height * scale)
            shown.fit = .contain
        }
        let captionStyle = typesetter.style(block.parts["caption"] ?? "caption")
        // Caption and credit as written (「记者 王晓明 摄」 needs no prefix).
        let captionText = [image.caption, image.credit].compactMap { $0 }.joined(separator: "　")
        let caption = captionText.isEmpty ? nil : typesetter.compose(captionText, style: captionStyle, width: column)
        let total = h + (caption.map { $0.height + 4 } ?? 0)
        let placed = try ImageFit.item(shown, in: Rect(x: 0, y: 0, width: w, height: h))
        let imageHeight = h
        let alt = ImageFit.alternateText(image, of: scope.event?.title ?? scope.report.title)
        let boxWidth = flowWidth(span: block.span)
        var box = BoxItem(height: total, role: "Figure", alt: alt, spaceBefore: block.spaceBefore,
                          spaceAfter: block.spaceAfter, span: block.span,
                          origin: DataOrigin(owner: owner, field: "image", location: location("image"))) { height in
            let size = Size(width: boxWidth, height: height)
            // Set lower than asked (`min-height`): the whole photo, scaled down in proportion.
            let k = min(1, (height - (total - imageHeight)) / imageHeight)
            guard k < 0.999 else { return ImageFit.frame(placed, height: imageHeight, caption: caption, gap: 4, size: size) }
            var scaled = placed
            scaled.frame = Rect(x: placed.frame.minX * k, y: placed.frame.minY * k, width: placed.frame.width * k, height: placed.frame.height * k)
            scaled.clip = Rect(x: placed.clip.minX * k, y: placed.clip.minY * k, width: placed.clip.width * k, height: placed.clip.height * k)
            return ImageFit.frame(scaled, height: imageHeight * k, caption: caption, gap: 4, size: size)
        }
        if let floor = block.minHeight { box.minHeight = min(total, floor + total - imageHeight) }
        return [.box(box)]
    }

    // MARK: - Contents

    private func contentsEntries(_ block: BlockSpec) -> [FlowItem] {
        let rankStyle = typesetter.style(block.parts["rank"] ?? "toc-rank")
        let titleStyle = typesetter.style(block.parts["title"] ?? "toc-title")
        let pageStyle = typesetter.style(block.parts["page"] ?? "toc-page")
        let leaderColor = typesetter.color(block.color ?? "muted")
        let w = width(block)
        let rankWidth = rankStyle.size * 2.6
        let pageWidth = pageStyle.size * 2.4
        let titleWidth = w - rankWidth - pageWidth - 12
        var out: [FlowItem] = []
        for (i, entry) in contents.enumerated() {
            let title = typesetter.compose(entry.title, style: titleStyle, width: titleWidth, firstLine: false, alignment: .left)
            let detail = contentsDetail(block, entry: entry, width: titleWidth)
            let rank = entry.rank.map { typesetter.compose($0, style: rankStyle, width: rankWidth, alignment: .left) }
            let pageNumber = pageNumbers[entry.destination].map(String.init) ?? "00"
            let page = typesetter.compose(pageNumber, style: pageStyle, width: pageWidth, alignment: .right)
            let grown = block.grow && i < contents.count - 1 ? min(growth, block.height ?? .infinity) : 0
            // Every entry on a band: the growth goes inside the bands, around the text.
            let inside = block.bands == .every && block.fill != nil ? grown : 0
            let height = title.height + (detail?.height ?? 0) + inside
            let gapAfter = titleStyle.spaceAfter + (i == contents.count - 1 ? block.spaceAfter : 0) + grown - inside
            // The entry's frame: the column's width (its band, its link), the text's height.
            let rect = Rect(x: 0, y: 0, width: flowWidth(span: false), height: height)
            var items: [Item] = contentsBand(block, index: i, rect: rect, gap: gapAfter)
            // The text between the growth above and below it.
            let text = Rect(x: rect.minX, y: rect.minY + inside / 2, width: rect.width, height: rect.height - inside)
            let baselineFirst = text.minY + title.baselineOffset
            if let rank {
                items += rank.runs(lines: 0..<1, x: text.minX, top: baselineFirst - rank.baselineOffset).map(Item.text)
            }
            let tx = text.minX + rankWidth
            items += title.runs(lines: 0..<title.lineCount, x: tx, top: text.minY).map(Item.text)
            if let detail {
                items += detail.runs(lines: 0..<detail.lineCount, x: tx, top: text.minY + title.height).map(Item.text)
            }
            let lastLine = title.paragraph.lines.last
            let lastBaseline = text.minY + title.height(lines: title.lineCount - 1) + title.baselineOffset
            let px = text.maxX - pageWidth
            items += page.runs(lines: 0..<1, x: px, top: lastBaseline - page.baselineOffset).map(Item.text)
            let pageLeft = px + (page.paragraph.lines.first?.left ?? 0)
            let leaderStart = tx + (lastLine?.right ?? 0) + 6
            let leaderEnd = pageLeft - 6
            if leaderEnd > leaderStart + 6 {
                let y = lastBaseline - 2
                items.append(.shape(Shape(path: .line(from: Point(x: leaderStart, y: y), to: Point(x: leaderEnd, y: y)),
                                          stroke: Stroke(color: leaderColor, width: 1, dash: [0.01, 4], roundCaps: true))))
            }
            let target = [entry.rank, entry.title].compactMap { $0 }.joined(separator: " ")
            items.append(.link(LinkItem(rect: text, destination: entry.destination,
                                        description: "\(target)，第\(pageNumber)页")))
            out.append(.box(BoxItem(frame: Frame(size: rect.size, items: items), role: "TOCI", keepWithNext: false,
                                    spaceBefore: i == 0 ? block.spaceBefore : titleStyle.spaceBefore,
                                    spaceAfter: gapAfter, floats: false)))
        }
        return out
    }
}

/// One line of the table of contents.
public struct ContentsEntry: Hashable, Sendable {
    public var destination: String
    public var rank: String?
    public var title: String
    /// The event the entry leads to (its detail line: `content` of the contents block).
    public var event: Event?

    public init(destination: String, rank: String?, title: String) {
        self.destination = destination
        self.rank = rank
        self.title = title
    }
}

enum ImageFitInfo {
    static func size(of image: ImageRef) throws -> (width: Double, height: Double) {
        let info = try FolioGraphicsImageInfo.read(image.absolutePath)
        return (Double(info.width), Double(info.height))
    }
}
