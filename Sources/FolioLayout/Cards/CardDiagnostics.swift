import FolioModel

/// Report-level text that does not fit a card preset (`card-overflow` worded "the
/// report's … on the <preset> card (…)") is the same problem on every card of that
/// preset: `merge` makes it one diagnostic per cause, naming the presets and how many
/// cards it affects, instead of one per card. The report's text that does not fit the
/// frames of several brochure page templates (`overflow`, "the report: … on the <name>
/// page: …") is merged the same way, naming the pages.
public enum CardDiagnostics {
    /// The diagnostics with the per-card copies of each report-level card problem merged.
    public static func merge(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Group {
            var first: Diagnostic
            var head: String
            var presets: [String] = []
            var details: [String] = []
            var cards = 0
        }
        var groups: [String: Int] = [:]
        var merged: [Group] = []
        var out: [(Int?, Diagnostic)] = []
        for d in diagnostics {
            // The report's text on brochure pages: "… on the contents page: 1 line (8pt) too many".
            if d.code == "overflow", d.message.hasPrefix("the report: "),
               let on = d.message.range(of: " on the ", options: .backwards),
               let page = d.message.range(of: " page: ", range: on.upperBound..<d.message.endIndex) {
                let head = String(d.message[..<on.lowerBound])
                let key = "page|\(d.location.map { "\($0)" } ?? "")|\(head)"
                let name = String(d.message[on.upperBound..<page.lowerBound])
                let detail = String(d.message[page.upperBound...])
                if let i = groups[key] {
                    merged[i].cards += 1
                    merged[i].presets.append(name)
                    merged[i].details.append("\(name): \(detail)")
                } else {
                    groups[key] = merged.count
                    merged.append(Group(first: d, head: head, presets: [name], details: ["\(name): \(detail)"], cards: 1))
                    out.append((merged.count - 1, d))
                }
                continue
            }
            guard d.code == "card-overflow", d.message.hasPrefix("the report's "),
                  let on = d.message.range(of: " on the ", options: .backwards),
                  let card = d.message.range(of: " card (", range: on.upperBound..<d.message.endIndex) else {
                out.append((nil, d))
                continue
            }
            let head = String(d.message[..<on.lowerBound])
            let preset = String(d.message[on.upperBound..<card.lowerBound])
            let detail = String(d.message[card.upperBound...].dropLast())
            let key = "\(d.location.map { "\($0)" } ?? "")|\(head)"
            let index: Int
            if let i = groups[key] {
                index = i
            } else {
                index = merged.count
                groups[key] = index
                merged.append(Group(first: d, head: head))
                out.append((index, d))
            }
            merged[index].cards += 1
            if !merged[index].presets.contains(preset) {
                merged[index].presets.append(preset)
                merged[index].details.append("\(preset): \(detail)")
            }
        }
        return out.map { index, d in
            guard let index else { return d }
            let g = merged[index]
            var m = g.first
            if m.code == "overflow" {
                guard g.presets.count > 1 else { return m }
                m.message = Quoting.oneLine("\(g.head) on the \(g.presets.joined(separator: ", ")) pages (\(g.details.joined(separator: "; ")))",
                                            max: Diagnostic.maxMessage)
                return m
            }
            let presets = g.presets.count == 1 ? "the \(g.presets[0]) card preset" : "the card presets \(g.presets.joined(separator: ", "))"
            // The hint's "at most about N characters" is the least of the presets'.
            let fits = g.details.compactMap { detail -> Int? in
                guard let r = detail.range(of: "~", options: .backwards) else { return nil }
                return Int(detail[r.upperBound...].prefix { $0.isNumber })
            }
            if let least = fits.min(), let hint = m.hint, let r = hint.range(of: "at most about ", options: .backwards) {
                m.hint = String(hint[..<r.upperBound]) + "\(least) characters"
            }
            m.message = Quoting.oneLine("\(g.head) on \(presets), \(g.cards) card\(g.cards == 1 ? "" : "s") in all (\(g.details.joined(separator: "; ")))",
                                        max: Diagnostic.maxMessage)
            return m
        }
    }

    /// A length in px as printed: whole, or with one decimal.
    static func px(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r))" : "\(r)"
    }
}
