import FolioCore
import FolioModel
import FolioText
import Foundation
import Yams

/// The schema of a layout file.
struct LayoutReader {
    let context: YAMLContext
    let card: Bool

    static let topKeys = ["name", "kind", "description", "page", "fonts", "colors", "text", "styles", "masters",
                          "templates", "sequence", "rank-limit"]
    static let pageKeys = ["size", "bleed", "margins", "facing", "columns", "gutter", "baseline", "pad-to", "print",
                           "safe", "centre-crop", "condition", "pad-with"]
    static let styleKeys = ["font", "size", "leading", "color", "tracking", "indent", "align", "space-before",
                            "space-after", "grid", "balanced", "min-size", "based-on"]
    static let frameKeys = ["type", "box", "origin", "anchor", "fill", "stroke", "stroke-width", "radius", "opacity", "bleed",
                            "content", "separator", "style", "valign", "fit", "field", "when", "optional", "role",
                            "link", "index"]
    static let blockKeys = ["type", "content", "separator", "source", "style", "keep-with-next", "role", "height",
                            "width", "columns", "color", "fill", "parts", "space-before", "space-after", "optional",
                            "shrink", "field", "limit", "destination", "span", "keep-with-previous", "grow", "drop", "when", "crop", "frames", "min-height", "bands"]
    /// The print file's named printing conditions (FolioExport's `OutputCondition`).
    static let printConditions = ["fogra39", "fogra29", "gracol", "swop"]
    static let templateKeys = ["master", "background", "folio", "label", "frames", "flow", "flows", "continuation", "title", "when",
                               "placement", "start", "variants", "ends-open"]
    static let flowKeys = ["region", "columns", "blocks", "paginate", "copyfit", "gaps", "filler", "balance"]
    static let paperSizes: [String: Size] = [
        "a4": Size(width: 210 * pointsPerMillimetre, height: 297 * pointsPerMillimetre),
        "a5": Size(width: 148 * pointsPerMillimetre, height: 210 * pointsPerMillimetre),
        "16k": Size(width: 185 * pointsPerMillimetre, height: 260 * pointsPerMillimetre),
        "b5": Size(width: 176 * pointsPerMillimetre, height: 250 * pointsPerMillimetre),
    ]

    func read(_ map: inout YAMLMapping, name: String) -> LayoutSpec? {
        let declared = map.text("name") ?? name
        let kindText = map.string("kind") ?? (card ? "card" : "brochure")
        let kind = LayoutSpec.Kind(rawValue: kindText)
        if kind == nil {
            context.error("bad-value", map.value("kind"), "layout kind '\(kindText)' is not brochure or card")
        }
        let description = map.text("description") ?? ""
        let page = map.value("page").flatMap { readPage($0) }
        if map.value("page") == nil { map.missing("page") }
        var fonts: [String: FontRole] = [:]
        if let node = map.value("fonts"), var m = YAMLMapping(node, context: context, what: "'fonts'") {
            for key in m.keys {
                guard let v = m.value(key) else { continue }
                if case .scalar = v, let family = YAMLMapping.scalarString(v, context: context, what: "font role '\(key)'") {
                    fonts[key] = FontRole(family: family)
                } else if var f = YAMLMapping(v, context: context, what: "font role '\(key)'") {
                    let family = f.text("family", required: true)
                    let weight = readWeight(&f)
                    f.reportUnknownKeys(known: ["family", "weight"])
                    if let family { fonts[key] = FontRole(family: family, weight: weight) }
                }
            }
        } else {
            map.missing("fonts")
        }
        var colors: [String: Color] = [:]
        if let node = map.value("colors"), var m = YAMLMapping(node, context: context, what: "'colors'") {
            for key in m.keys {
                if let node = m.value(key), case .mapping = node {
                    if let c = readDualColor(node, name: key) { colors[key] = c }
                    continue
                }
                guard let v = m.string(key) else { continue }
                if let c = Color(hex: v) { colors[key] = c } else {
                    context.error("bad-value", m.value(key), "colour '\(key)' is '\(v)', not #RRGGBB",
                                  hint: "write colours as hex, e.g. \"#0B3D91\" (quoted)")
                }
            }
        }
        let text = map.value("text").map { readText($0) } ?? ComposerSettings()
        var styles: [String: StyleSpec] = [:]
        if let node = map.value("styles"), var m = YAMLMapping(node, context: context, what: "'styles'") {
            var pending: [(String, Node)] = m.keys.compactMap { k in m.value(k).map { (k, $0) } }
            // Resolve `based-on` in dependency order (a few passes are enough for real files).
            for _ in 0..<4 where !pending.isEmpty {
                pending = pending.filter { key, node in
                    if let style = readStyle(node, name: key, known: styles, fonts: fonts, colors: colors, final: false) {
                        styles[key] = style
                        return false
                    }
                    return true
                }
            }
            for (key, node) in pending {
                _ = readStyle(node, name: key, known: styles, fonts: fonts, colors: colors, final: true)
            }
        }
        var masters: [String: MasterSpec] = [:]
        if let node = map.value("masters"), var m = YAMLMapping(node, context: context, what: "'masters'") {
            for key in m.keys {
                guard let v = m.value(key), var mm = YAMLMapping(v, context: context, what: "master '\(key)'") else {
                    if m.value(key) == nil { masters[key] = MasterSpec() }
                    continue
                }
                let all = frames(&mm, "items", styles: styles, colors: colors)
                let odd = frames(&mm, "odd", styles: styles, colors: colors)
                let even = frames(&mm, "even", styles: styles, colors: colors)
                mm.reportUnknownKeys(known: ["items", "odd", "even"])
                masters[key] = MasterSpec(all: all, odd: odd, even: even)
            }
        }
        var templates: [String: TemplateSpec] = [:]
        if let node = map.value("templates"), var m = YAMLMapping(node, context: context, what: "'templates'") {
            for key in m.keys {
                guard let v = m.value(key), var t = YAMLMapping(v, context: context, what: "template '\(key)'") else { continue }
                templates[key] = readTemplate(&t, styles: styles, colors: colors, masters: masters)
            }
        } else {
            map.missing("templates")
        }
        var sequence = map.stringList("sequence") ?? []
        if kind == .brochure && sequence.isEmpty {
            sequence = ["cover", "foreword", "contents", "events", "statistics", "back"]
        }
        for name in sequence {
            let template = name == "events" ? "event" : name
            if templates[template] == nil {
                context.error("unknown-template", map.value("sequence"), "the sequence names '\(name)' but there is no template '\(template)'",
                              hint: "templates defined: \(templates.keys.sorted().joined(separator: ", "))")
            }
        }
        if kind == .card && templates["card"] == nil {
            context.error("missing-key", map.node, "a card layout needs a template named 'card'")
        }
        for (name, t) in templates {
            for v in t.variants where templates[v.template] == nil {
                context.error("unknown-template", map.value("templates"), "template '\(name)' has a variant '\(v.template)', which does not exist",
                              hint: Suggestions.closest(to: v.template, in: Array(templates.keys)).map { "did you mean '\($0)'?" })
            }
            if let c = t.continuation, templates[c] == nil {
                context.error("unknown-template", map.value("templates"), "template '\(name)' continues with '\(c)', which does not exist")
            }
        }
        // The default (`notes`) may be missing: padding pages are then blank paper.
        let padWith = page.map { $0.padWith == ["notes"] ? [] : $0.padWith } ?? []
        for name in padWith where kind == .brochure && templates[name] == nil {
            context.error("unknown-template", map.value("page"), "page.pad-with names '\(name)' but there is no template '\(name)'",
                          hint: Suggestions.closest(to: name, in: Array(templates.keys)).map { "did you mean '\($0)'?" }
                            ?? "templates defined: \(templates.keys.sorted().joined(separator: ", "))")
        }
        let rankLimit = map.int("rank-limit")
        if let rankLimit, rankLimit < 2 {
            context.error("bad-value", map.value("rank-limit"), "rank-limit is \(rankLimit); ranks need at least 2 events",
                          hint: "rank-limit: 20 prints TOP N for reports of 2 to 20 events")
        }
        map.reportUnknownKeys(known: Self.topKeys)
        guard let page, let kind else { return nil }
        var spec = LayoutSpec(name: declared, kind: kind, description: description, page: page, fonts: fonts, colors: colors,
                              text: text, styles: styles, masters: masters, templates: templates, sequence: sequence,
                              file: context.source.path)
        if let rankLimit, rankLimit >= 2 { spec.rankLimit = rankLimit }
        return spec
    }

    // MARK: - Page

    func readPage(_ node: Node) -> PageSpec? {
        guard var m = YAMLMapping(node, context: context, what: "'page'") else { return nil }
        var size: Size?
        if let v = m.value("size") {
            if case .scalar(let s) = v {
                size = Self.paperSizes[s.string.lowercased()]
                if size == nil {
                    context.error("bad-value", v, "paper size '\(s.string)' is unknown",
                                  hint: "use A4, A5, B5, 16K or [width, height], e.g. [210mm, 285mm]")
                }
            } else if let pair = lengths(v, what: "'size'"), pair.count == 2 {
                size = Size(width: pair[0].resolve(reference: 0), height: pair[1].resolve(reference: 0))
            } else {
                context.error("bad-value", v, "'size' must be a paper name or [width, height]")
            }
        } else {
            m.missing("size")
        }
        let bleed = length(&m, "bleed")?.resolve(reference: 0) ?? (card ? 0 : 3 * pointsPerMillimetre)
        var margins = Margins(top: 0, bottom: 0, inside: 0, outside: 0)
        if let v = m.value("margins") { margins = readMargins(v, what: "'margins'") }
        let safe = m.value("safe").map { readMargins($0, what: "'safe'") }
        let facing = m.bool("facing") ?? false
        let columns = m.int("columns") ?? 1
        if columns < 1 || columns > 6 { context.error("bad-value", m.value("columns"), "columns must be 1 to 6") }
        let gutter = length(&m, "gutter")?.resolve(reference: 0) ?? 0
        let baseline = length(&m, "baseline")?.resolve(reference: 0) ?? 0
        let padTo = m.int("pad-to") ?? 1
        if ![1, 2, 4, 8, 16].contains(padTo) {
            context.error("bad-value", m.value("pad-to"), "pad-to must be 1, 2, 4, 8 or 16", hint: "4 suits saddle stitching")
        }
        let padWith = m.stringList("pad-with")
        if let padWith, padWith.isEmpty { context.error("bad-value", m.value("pad-with"), "pad-with lists no template", hint: "e.g. pad-with: [summary, notes]") }
        let print = m.bool("print") ?? false
        let crop = m.bool("centre-crop") ?? false
        let condition = m.string("condition")?.lowercased()
        if let condition, !Self.printConditions.contains(condition) {
            context.error("bad-value", m.value("condition"), "printing condition '\(condition)' is not one of \(Self.printConditions.joined(separator: ", "))",
                          hint: "fogra39 for coated offset (the default), fogra29 for uncoated paper")
        }
        m.reportUnknownKeys(known: Self.pageKeys)
        guard let size else { return nil }
        if size.width <= 0 || size.height <= 0 || margins.top + margins.bottom >= size.height
            || margins.inside + margins.outside >= size.width {
            context.error("bad-value", node, "the margins leave no room on a \(Int(size.width))×\(Int(size.height))pt page")
            return nil
        }
        var spec = PageSpec(size: size, bleed: bleed, margins: margins, facing: facing, columns: max(1, columns), gutter: gutter,
                            baseline: baseline, padTo: padTo, print: print, safe: safe, centreCrop: crop)
        spec.condition = condition
        if let padWith, !padWith.isEmpty { spec.padWith = padWith }
        return spec
    }

    func readMargins(_ node: Node, what: String) -> Margins {
        if case .scalar = node, let s = YAMLMapping.scalarString(node, context: context, what: what) {
            guard let l = Length(s) else {
                context.error("bad-value", node, "\(what) '\(s)' is not a length", hint: "e.g. 20mm or 12pt")
                return Margins(top: 0, bottom: 0, inside: 0, outside: 0)
            }
            let v = l.resolve(reference: 0)
            return Margins(top: v, bottom: v, inside: v, outside: v)
        }
        guard var m = YAMLMapping(node, context: context, what: what) else { return Margins(top: 0, bottom: 0, inside: 0, outside: 0) }
        let top = length(&m, "top")?.resolve(reference: 0) ?? 0
        let bottom = length(&m, "bottom")?.resolve(reference: 0) ?? 0
        let inside = (length(&m, "inside") ?? length(&m, "left"))?.resolve(reference: 0) ?? 0
        let outside = (length(&m, "outside") ?? length(&m, "right"))?.resolve(reference: 0) ?? 0
        m.reportUnknownKeys(known: ["top", "bottom", "inside", "outside", "left", "right"])
        return Margins(top: top, bottom: bottom, inside: inside, outside: outside)
    }

    func readText(_ node: Node) -> ComposerSettings {
        var settings = ComposerSettings()
        guard var m = YAMLMapping(node, context: context, what: "'text'") else { return settings }
        if let p = m.string("punctuation") {
            if let v = PunctuationStyle(rawValue: p) { settings.punctuation = v } else {
                context.error("bad-value", m.value("punctuation"), "punctuation '\(p)' is not gb, fullwidth or kaiming")
            }
        }
        if let node = m.value("autospace") {
            if case .scalar(let s) = node, ["false", "no", "off"].contains(s.string.lowercased()) {
                settings.autospace = 0
            } else if let v = YAMLMapping.number(node, context: context, what: "'autospace'") {
                if (0...1).contains(v) { settings.autospace = v } else {
                    context.error("bad-value", node, "autospace \(v) em is out of range", hint: "0.25 is the clreq value; false switches it off")
                }
            }
        }
        if let l = m.string("linebreak") {
            if let v = LineBreakLevel(rawValue: l) { settings.linebreak = v } else {
                context.error("bad-value", m.value("linebreak"), "linebreak '\(l)' is not basic or strict")
            }
        }
        if let n = m.int("min-last-line") { settings.minLastLineCharacters = max(1, n) }
        m.reportUnknownKeys(known: ["punctuation", "autospace", "linebreak", "min-last-line"])
        return settings
    }

    // MARK: - Styles

    func readStyle(_ node: Node, name: String, known: [String: StyleSpec], fonts: [String: FontRole],
                           colors: [String: Color], final: Bool) -> StyleSpec? {
        guard case .mapping(let mapping) = node else {
            if final { context.error("wrong-type", node, "style '\(name)' must be a mapping") }
            return nil
        }
        var base: StyleSpec?
        if let b = mapping.first(where: { $0.key.string == "based-on" })?.value.string {
            base = known[b]
            if base == nil {
                if final {
                    context.error("unknown-style", node, "style '\(name)' is based on '\(b)', which does not exist",
                                  hint: Suggestions.closest(to: b, in: Array(known.keys)).map { "did you mean '\($0)'?" })
                }
                return nil
            }
        }
        guard var m = YAMLMapping(node, context: context, what: "style '\(name)'") else { return nil }
        _ = m.value("based-on")
        let font = m.text("font") ?? base?.font
        if font == nil { m.missing("font") }
        if let font, fonts[font] == nil {
            context.error("unknown-font-role", m.value("font") ?? node, "style '\(name)' uses font role '\(font)', which 'fonts' does not define",
                          hint: Suggestions.closest(to: font, in: Array(fonts.keys)).map { "did you mean '\($0)'?" })
        }
        var size = length(&m, "size")?.resolve(reference: 0) ?? base?.size ?? 10
        if !(size > 0 && size <= 1_000) {
            // Pango refuses sizes of 0 or less; huge ones only make overflow errors slow.
            context.error("bad-value", m.value("size") ?? node, "the size of style `\(name)` must be above 0pt and at most 1000pt",
                          hint: "e.g. size: 10.5pt")
            size = 10
        }
        var leading = length(&m, "leading")?.resolve(reference: 0, em: size) ?? base?.leading ?? size * 1.5
        if !(leading > 0) {
            // Lines are counted by dividing by the leading.
            context.error("bad-value", m.value("leading") ?? node, "the leading of style `\(name)` must be above 0",
                          hint: "e.g. leading: 1.5em or leading: 15pt")
            leading = size * 1.5
        }
        let color = m.text("color") ?? base?.color ?? "ink"
        if colors[color] == nil && Color(hex: color) == nil {
            context.error("unknown-color", m.value("color") ?? node, "style '\(name)' uses colour '\(color)', which 'colors' does not define",
                          hint: Suggestions.closest(to: color, in: Array(colors.keys)).map { "did you mean '\($0)'?" })
        }
        let tracking = m.number("tracking") ?? base?.tracking ?? 0
        let indent = length(&m, "indent").map { l -> Double in
            if case .em(let e) = l { return e }
            return l.resolve(reference: 0) / size
        } ?? base?.indent ?? 0
        var alignment = base?.alignment ?? .left
        if let a = m.string("align") {
            if let v = Alignment(rawValue: a) { alignment = v } else {
                context.error("bad-value", m.value("align"), "align '\(a)' is not justify, left, center or right")
            }
        }
        let before = length(&m, "space-before")?.resolve(reference: 0, em: size) ?? base?.spaceBefore ?? 0
        let after = length(&m, "space-after")?.resolve(reference: 0, em: size) ?? base?.spaceAfter ?? 0
        let grid = m.bool("grid") ?? base?.grid ?? false
        let balanced = m.bool("balanced") ?? base?.balanced ?? false
        let minSize = length(&m, "min-size")?.resolve(reference: 0) ?? base?.minSize ?? 0
        m.reportUnknownKeys(known: Self.styleKeys)
        guard let font else { return nil }
        return StyleSpec(font: font, size: size, leading: leading, color: color, tracking: tracking, indent: indent,
                         alignment: alignment, spaceBefore: before, spaceAfter: after, grid: grid, balanced: balanced,
                         minSize: minSize)
    }
}
