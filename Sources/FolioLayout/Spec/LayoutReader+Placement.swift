import FolioModel
import Yams

/// The event template's placement keys: `placement`, `start`, `variants`.
extension LayoutReader {
    static let variantKeys = ["template", "when"]

    /// Reads `placement:`, `start:` and `variants:` of a template into `template`.
    func readPlacement(_ m: inout YAMLMapping, into template: inout TemplateSpec) {
        if let text = m.string("placement") {
            if let placement = EventPlacement(rawValue: text) {
                template.placement = placement
            } else {
                oneOf("placement", text, EventPlacement.allCases.map(\.rawValue), m.value("placement"))
            }
        }
        if let text = m.string("start") {
            if let start = FlowStart(rawValue: text) {
                template.start = start
            } else {
                oneOf("start", text, FlowStart.allCases.map(\.rawValue), m.value("start"))
            }
        }
        guard let nodes = m.list("variants") else { return }
        for (i, node) in nodes.enumerated() {
            guard var v = YAMLMapping(node, context: context, what: "variant \(i + 1) of \(m.what)") else { continue }
            let name = v.text("template", required: true)
            let when = variantCondition(&v, what: "variant \(i + 1)")
            v.reportUnknownKeys(known: Self.variantKeys)
            if let name { template.variants.append(EventVariant(template: name, when: when)) }
        }
        if !template.variants.isEmpty && template.placement != .continuous {
            context.error("bad-value", m.value("variants"), "variants choose among templates of events in one flow; \(m.what) places a page per event",
                          hint: "add placement: continuous with start: page — still a page per event, each with its own template's frames")
        }
    }

    /// A variant's `when:`: the conditions every `when:` knows and the measured ones.
    private func variantCondition(_ m: inout YAMLMapping, what: String) -> String? {
        guard let node = m.value("when") else { return nil }
        var names: [String] = []
        var nodes: [(String, Node)] = []
        if case .sequence(let items) = node {
            for item in items {
                if let name = YAMLMapping.scalarString(item, context: context, what: "a condition of \(what)") { nodes.append((name, item)) }
            }
        } else if let name = m.text("when") {
            nodes.append((name, node))
        }
        let known = Condition.described + EventVariant.measured
        for (name, item) in nodes {
            if known.contains(name) || Condition.isKnown(name) {
                names.append(name)
            } else {
                context.error("bad-value", item, "\(what): when '\(name)' is not a condition Folio knows",
                              hint: (Suggestions.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? "")
                                + "conditions: \(known.joined(separator: ", "))")
            }
        }
        return names.isEmpty ? nil : names.joined(separator: ",")
    }

    private func oneOf(_ key: String, _ text: String, _ names: [String], _ node: Node?) {
        context.error("bad-value", node, "\(key) '\(text)' is not one of \(names.joined(separator: ", "))",
                      hint: Suggestions.closest(to: text, in: names).map { "did you mean '\($0)'?" })
    }
}
