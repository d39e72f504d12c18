import FolioCore
import FolioModel
import FolioText
import Foundation
import Yams

/// Templates, their frames and flow blocks.
extension LayoutReader {
    func readTemplate(_ m: inout YAMLMapping, styles: [String: StyleSpec], colors: [String: Color],
                              masters: [String: MasterSpec]) -> TemplateSpec {
        let master = m.text("master")
        if let master, masters[master] == nil {
            context.error("unknown-master", m.value("master"), "\(m.what) uses master '\(master)', which does not exist",
                          hint: "masters defined: \(masters.keys.sorted().joined(separator: ", "))")
        }
        let background = m.text("background")
        if let background { checkColor(background, m.value("background"), colors) }
        let folio = m.bool("folio") ?? true
        let label = m.text("label")
        let title = m.text("title")
        let continuation = m.text("continuation")
        let when = condition(&m, what: m.what)
        let frames = self.frames(&m, "frames", styles: styles, colors: colors)
        let flow = m.value("flow").flatMap { readFlow($0, what: "the flow of \(m.what)", styles: styles, colors: colors) }
        var flows: [FlowSpec] = []
        if card, let nodes = m.list("flows") {
            for (i, node) in nodes.enumerated() {
                if let f = readFlow(node, what: "flow \(i + 1) of \(m.what)", styles: styles, colors: colors) { flows.append(f) }
            }
        } else if !card, m.value("flows") != nil {
            context.error("bad-value", m.value("flows"), "'flows' is for card layouts; a brochure template has one 'flow'")
        }
        var template = TemplateSpec(master: master, background: background, folio: folio, label: label, frames: frames, flow: flow,
                                    flows: flows, continuation: continuation, title: title, when: when)
        template.endsOpen = m.bool("ends-open") ?? false
        readPlacement(&m, into: &template)
        m.reportUnknownKeys(known: Self.templateKeys)
        return template
    }

    func readFlow(_ node: Node, what: String, styles: [String: StyleSpec], colors: [String: Color]) -> FlowSpec? {
        guard var f = YAMLMapping(node, context: context, what: what) else { return nil }
        let region = f.value("region").flatMap { box($0, origin: .live) }
        let columns = f.int("columns")
        let paginate = f.bool("paginate") ?? !card
        var blocks: [BlockSpec] = []
        for (i, b) in (f.list("blocks", required: true) ?? []).enumerated() {
            if let block = readBlock(b, index: i + 1, styles: styles, colors: colors) { blocks.append(block) }
        }
        let copyfit = f.value("copyfit").flatMap { readCopyfit($0, what: what) }
        let gaps = f.value("gaps").flatMap { readGaps($0, what: what) }
        let filler = (f.list("filler") ?? []).enumerated().compactMap {
            readBlock($0.element, index: $0.offset + 1, styles: styles, colors: colors)
        }
        f.reportUnknownKeys(known: Self.flowKeys)
        var flow = FlowSpec(region: region, columns: columns, blocks: blocks, paginate: paginate)
        flow.copyfit = copyfit
        flow.gaps = gaps
        flow.filler = filler
        flow.balance = f.bool("balance") ?? false
        if card, flow.balance {
            context.error("bad-value", f.value("balance"), "'balance' is for brochure flows; a card's flow never runs on to a second column",
                          hint: "remove 'balance' from the card preset")
        }
        return flow
    }

    func frames(_ m: inout YAMLMapping, _ key: String, styles: [String: StyleSpec], colors: [String: Color]) -> [FrameSpec] {
        guard let nodes = m.list(key) else { return [] }
        return nodes.enumerated().compactMap { readFrame($0.element, index: $0.offset + 1, styles: styles, colors: colors) }
    }

    func readFrame(_ node: Node, index: Int, styles: [String: StyleSpec], colors: [String: Color]) -> FrameSpec? {
        guard var m = YAMLMapping(node, context: context, what: "frame \(index)") else { return nil }
        guard let typeText = m.string("type", required: true) else { return nil }
        guard let kind = FrameSpec.Kind(rawValue: typeText) else {
            let names = FrameSpec.Kind.allCases.map(\.rawValue)
            context.error("bad-value", m.value("type"), "frame type '\(typeText)' is not one of \(names.joined(separator: ", "))",
                          hint: Suggestions.closest(to: typeText, in: names).map { "did you mean '\($0)'?" })
            return nil
        }
        let origin = BoxSpec.Origin(rawValue: m.string("origin") ?? "live")
        if origin == nil { context.error("bad-value", m.value("origin"), "origin must be live or trim") }
        let anchor = BoxSpec.Anchor(rawValue: m.string("anchor") ?? "top-left")
        if anchor == nil {
            context.error("bad-value", m.value("anchor"), "anchor must be one of \(BoxSpec.Anchor.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let boxNode = m.value("box"), var box = box(boxNode, origin: origin ?? .live) else {
            if m.value("box") == nil { m.missing("box", hint: "give the frame's place as box: [x, y, width, height]") }
            return nil
        }
        box.anchor = anchor ?? .topLeft
        let fill = m.text("fill")
        if let fill { checkColor(fill, m.value("fill"), colors) }
        let stroke = m.text("stroke")
        if let stroke { checkColor(stroke, m.value("stroke"), colors) }
        let style = m.text("style")
        if let style, styles[style] == nil {
            context.error("unknown-style", m.value("style"), "frame \(index) uses style '\(style)', which does not exist",
                          hint: Suggestions.closest(to: style, in: Array(styles.keys)).map { "did you mean '\($0)'?" })
        }
        if kind == .text && style == nil { m.missing("style") }
        let content = contentList(&m)
        let fit = FrameSpec.Fit(rawValue: m.string("fit") ?? "error")
        if fit == nil { context.error("bad-value", m.value("fit"), "fit must be error or shrink") }
        let valign = FrameSpec.VerticalAlign(rawValue: m.string("valign") ?? "top")
        if valign == nil { context.error("bad-value", m.value("valign"), "valign must be top, middle or bottom") }
        let frameWhen = condition(&m, what: "frame \(index)")
        let frame = FrameSpec(kind: kind, box: box, fill: fill, stroke: stroke,
                              strokeWidth: length(&m, "stroke-width")?.resolve(reference: 0) ?? 0.5,
                              radius: length(&m, "radius")?.resolve(reference: 0) ?? 0,
                              opacity: m.number("opacity") ?? 1, bleed: m.bool("bleed") ?? false, content: content,
                              separator: m.string("separator") ?? "", style: style, valign: valign ?? .top, fit: fit ?? .error,
                              field: m.text("field"), when: frameWhen, optional: m.bool("optional") ?? false,
                              role: m.text("role"), link: m.text("link"), index: count(&m, "index") ?? 0)
        m.reportUnknownKeys(known: Self.frameKeys)
        return frame
    }

    func readBlock(_ node: Node, index: Int, styles: [String: StyleSpec], colors: [String: Color]) -> BlockSpec? {
        guard var m = YAMLMapping(node, context: context, what: "block \(index)") else { return nil }
        let typeText = m.string("type") ?? "text"
        guard let kind = BlockSpec.Kind(rawValue: typeText) else {
            let names = BlockSpec.Kind.allCases.map(\.rawValue)
            context.error("bad-value", m.value("type"), "block type '\(typeText)' is not one of \(names.joined(separator: ", "))",
                          hint: Suggestions.closest(to: typeText, in: names).map { "did you mean '\($0)'?" })
            return nil
        }
        let style = m.text("style")
        if let style, styles[style] == nil {
            context.error("unknown-style", m.value("style"), "block \(index) uses style '\(style)', which does not exist",
                          hint: Suggestions.closest(to: style, in: Array(styles.keys)).map { "did you mean '\($0)'?" })
        }
        var parts: [String: String] = [:]
        if let p = m.value("parts"), var pm = YAMLMapping(p, context: context, what: "the parts of block \(index)") {
            for key in pm.keys {
                if let v = pm.string(key) {
                    parts[key] = v
                    if !["padding", "radius"].contains(key) && styles[v] == nil && colors[v] == nil {
                        context.error("unknown-style", pm.value(key), "part '\(key)' names '\(v)', which is not a style")
                    }
                }
            }
        }
        let color = m.text("color")
        if let color { checkColor(color, m.value("color"), colors) }
        let fill = m.text("fill")
        if let fill { checkColor(fill, m.value("fill"), colors) }
        var block = BlockSpec(kind: kind, content: contentList(&m), separator: m.string("separator") ?? "",
                              source: m.text("source"), style: style, keepWithNext: m.bool("keep-with-next") ?? false,
                              role: m.text("role"), height: length(&m, "height")?.resolve(reference: 0),
                              width: length(&m, "width"), columns: m.int("columns") ?? 1, color: color, fill: fill,
                              parts: parts, spaceBefore: length(&m, "space-before")?.resolve(reference: 0) ?? 0,
                              spaceAfter: length(&m, "space-after")?.resolve(reference: 0) ?? 0,
                              optional: m.bool("optional") ?? false, shrink: m.bool("shrink") ?? false,
                              field: m.text("field"), limit: count(&m, "limit"), destination: m.text("destination"),
                              span: m.bool("span") ?? false, keepWithPrevious: m.bool("keep-with-previous") ?? false, grow: m.bool("grow") ?? false, drop: count(&m, "drop"),
                              when: condition(&m, what: "block \(index)"))
        block.crop = m.bool("crop") ?? false
        if let text = m.string("bands") {
            if let bands = Bands(rawValue: text), kind == .contents {
                block.bands = bands
            } else if kind != .contents {
                context.error("bad-value", m.value("bands"), "only a contents block has 'bands' (block \(index) is \(kind.rawValue))")
            } else {
                context.error("bad-value", m.value("bands"), "bands '\(text)' is not one of \(Bands.allCases.map(\.rawValue).joined(separator: ", "))",
                              hint: Suggestions.closest(to: text, in: Bands.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" })
            }
        }
        block.frames = frames(&m, "frames", styles: styles, colors: colors)
        block.minHeight = length(&m, "min-height")?.resolve(reference: 0)
        if block.minHeight != nil && kind != .charts && kind != .image {
            context.error("bad-value", m.value("min-height"), "only charts and images may shrink to 'min-height' (block \(index) is \(kind.rawValue))")
        }
        if kind == .group && block.height == nil { m.missing("height", hint: "a group is a box of the flow: give its height") }
        if kind != .group && !block.frames.isEmpty {
            context.error("bad-value", m.value("frames"), "only a group block has frames (block \(index) is \(kind.rawValue))")
        }
        if block.grow && kind != .spacer && (card ? ![.charts, .image, .paragraphs].contains(kind) : ![.charts, .contents, .events].contains(kind)) {
            context.error("bad-value", m.value("grow"), card ? "only a spacer, charts, an image or paragraphs may grow (block \(index) is \(kind.rawValue))"
                            : "only a spacer, charts, contents or events may grow (block \(index) is \(kind.rawValue))")
        }
        if kind == .figure, let source = block.source, CardBlocks.figureIndex(source) == nil {
            context.error("bad-value", m.value("source"), "block \(index): a figure's source '\(source)' is not event.figures.N (N from 1)",
                          hint: Suggestions.closest(to: source, in: ["event.figures.1", "event.figures.2", "event.figures.3"])
                            .map { "did you mean '\($0)'?" } ?? "the lead figure is event.figures.1, the second event.figures.2")
        }
        m.reportUnknownKeys(known: Self.blockKeys)
        return block
    }

    /// `when:` as one condition or a list of them (all must hold), checked; kept as one
    /// text ("has-figure,no-media").
    func condition(_ m: inout YAMLMapping, what: String) -> String? {
        guard let node = m.value("when") else { return nil }
        if case .sequence(let items) = node {
            var names: [String] = []
            for item in items {
                guard let name = YAMLMapping.scalarString(item, context: context, what: "a condition of \(what)") else { continue }
                checkCondition(name, item, what: what)
                names.append(name)
            }
            return names.isEmpty ? nil : names.joined(separator: ",")
        }
        let when = m.text("when")
        checkCondition(when, node, what: what)
        return when
    }

    /// `when:` names one of `Condition.names`; anything else is an error with a did-you-mean.
    func checkCondition(_ when: String?, _ node: Node?, what: String) {
        guard let when, !Condition.isKnown(when) else { return }
        context.error("bad-value", node, "\(what): when '\(when)' is not a condition Folio knows",
                      hint: (Suggestions.closest(to: when, in: Condition.described).map { "did you mean '\($0)'? " } ?? "")
                        + "conditions: \(Condition.described.joined(separator: ", "))")
    }
}
