import Foundation
import Yams

/// Reads and checks the `charts:` list. Bad chart data (an unknown kind, a series whose
/// length differs from the categories, an empty series, NaN, a negative donut slice, a
/// highlight or derived category that is not a category) is an error at the value's
/// line and column, naming the chart and the series.
struct ChartReader {
    let context: YAMLContext
    /// Where `data:` tables are read (nil: `data:` is not available).
    var data: DataSources? = nil
    static let keys = ["id", "title", "kind", "unit", "note", "categories", "series", "orientation", "stacked",
                       "target", "invert", "highlight", "prefix", "derived", "data"]

    func charts(_ map: inout YAMLMapping) -> [Chart] {
        guard let nodes = map.list("charts") else { return [] }
        var charts: [Chart] = []
        var seen: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            guard let chart = chart(node, index: index + 1) else { continue }
            if let first = seen[chart.id] {
                context.error("duplicate-id", node, "chart id '\(chart.id)' is used by chart \(first) and chart \(index + 1)",
                              hint: "give each chart its own id")
                continue
            }
            seen[chart.id] = index + 1
            charts.append(chart)
        }
        return charts
    }

    private func chart(_ node: Node, index: Int) -> Chart? {
        guard var map = YAMLMapping(node, context: context, what: "chart \(index)") else { return nil }
        let id = map.text("id", required: true)
        if let id {
            map.what = "chart \(index) (\(id))"
            if !ReportReader.isIdentifier(id) {
                context.error("bad-id", map.value("id"), "chart id '\(id)' may only use lowercase a-z, 0-9 and '-'",
                              hint: "try '\(ReportReader.slug(id))'")
            }
        }
        let what = map.what
        let title = map.text("title", required: true)
        var kind: Chart.Kind?
        if let k = map.string("kind", required: true) {
            kind = Chart.Kind(rawValue: k)
            if kind == nil {
                let names = Chart.Kind.allCases.map(\.rawValue)
                context.error("bad-value", map.value("kind"), "\(what): chart kind '\(k)' is not one of \(names.joined(separator: ", "))",
                              hint: Suggestions.closest(to: k, in: names).map { "did you mean '\($0)'?" })
            }
        }
        let unit = map.string("unit")
        let note = map.text("note")
        let prefix = map.string("prefix")
        // `data:` gives the categories and series from a spreadsheet or CSV file instead.
        let dataNode = map.value("data")
        var table: (categories: [String], series: [Series])?
        if let dataNode {
            if map.has("categories") || map.has("series") {
                context.error("data-conflict", dataNode, "\(what) gives both `data:` and `categories`/`series`",
                              hint: "keep one: the numbers come either from the file or from report.yaml")
            } else if let data {
                table = data.chartTable(dataNode, what: what, kind: kind)
            }
        }
        let categories = table?.categories ?? map.stringList("categories") ?? []
        let needsCategories = kind != nil && kind != .kpi && dataNode == nil
        if needsCategories && map.value("categories") == nil {
            map.missing("categories", hint: "list the labels along the axis, e.g. categories: [\"2021\", \"2022\"]")
        } else if needsCategories, categories.isEmpty, let node = map.value("categories") {
            context.error("empty-list", node, "\(what) has no categories", hint: "list the labels along the axis, e.g. [\"2021\", \"2022\"]")
        }
        var duplicates = Set<String>()
        for c in categories where !duplicates.insert(c).inserted {
            context.error("duplicate-id", map.value("categories"), "\(what) lists category '\(c)' twice")
        }
        // KPIs need no categories; when they have some, the values follow them.
        let length = needsCategories || !categories.isEmpty ? categories.count : nil
        var series: [Series] = table?.series ?? []
        if dataNode == nil, let nodes = map.list("series", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("series"), "\(what) has no series", hint: "add one: - name: …  values: [..]")
            }
            for (i, s) in nodes.enumerated() {
                if let one = self.series(s, index: i + 1, chart: what, categories: length, kind: kind) {
                    series.append(one)
                }
            }
            if (kind == .donut || kind == .kpi) && nodes.count > 1 {
                context.warning("ignored", nodes[1], "\(what) is a \(kind!.rawValue): only its first series is drawn",
                                hint: "use a bar or line chart to compare series")
            }
        }
        if kind == .donut, let first = series.first, !first.values.isEmpty, first.values.allSatisfy({ $0 == 0 }) {
            context.error("bad-value", map.value("series") ?? dataNode, "\(what) is a donut whose values add up to 0",
                          hint: "a donut shows the parts of a positive whole")
        }
        var orientation = Chart.Orientation.vertical
        if let o = map.string("orientation") {
            if let parsed = Chart.Orientation(rawValue: o) { orientation = parsed } else {
                context.error("bad-value", map.value("orientation"), "\(what): orientation '\(o)' is not vertical or horizontal")
            }
        }
        let stacked = map.bool("stacked") ?? false
        let invert = map.bool("invert") ?? false
        warnUnused(&map, kind: kind, what: what)
        let highlight = map.string("highlight")
        if let highlight, !categories.isEmpty, !categories.contains(highlight) {
            context.error("bad-value", map.value("highlight"), "\(what): highlight '\(highlight)' is not one of the categories",
                          hint: "categories: \(categories.joined(separator: ", "))")
        }
        // When `data:` could not be read its problems are reported; no follow-on errors about its categories.
        let derived = dataNode != nil && table == nil ? [] : derivedCategories(&map, categories: categories, what: what)
        var target: Target?
        if let t = map.value("target"), var tm = YAMLMapping(t, context: context, what: "the target of \(what)") {
            let value = tm.number("value", required: true)
            let label = tm.text("label", required: true)
            tm.reportUnknownKeys(known: ["value", "label"])
            if let value, let label { target = Target(value: value, label: label) }
        }
        map.reportUnknownKeys(known: Self.keys)
        guard let id, let title, let kind else { return nil }
        return Chart(id: id, title: title, kind: kind, unit: unit, note: note, categories: categories, series: series,
                     orientation: orientation, stacked: stacked, target: target, invert: invert, highlight: highlight,
                     prefix: prefix, derived: derived, location: context.location(of: node))
    }

    /// Options that the chart's kind does not draw are warnings, not silent.
    private func warnUnused(_ map: inout YAMLMapping, kind: Chart.Kind?, what: String) {
        guard let kind else { return }
        var unused: [String] = []
        if kind != .bar { unused += ["orientation", "stacked"] }
        // `invert` (smaller is better) on a donut or a stack of bars cannot mean anything.
        if map.bool("invert") == true && (kind == .donut || kind == .bar && map.bool("stacked") == true) {
            context.error("bad-value", map.keyNode("invert"),
                          "'invert' cannot mean anything on a \(kind == .donut ? "donut" : "stacked bar") chart (\(what)): its parts add up",
                          hint: "invert is for ranks (smaller is better) on bar, line and KPI charts; remove it here")
        }
        if kind == .donut || kind == .kpi { unused.append("target") }
        if kind == .kpi { unused.append("highlight") }
        if kind == .kpi || kind == .donut { unused.append("derived") }
        for key in unused where map.value(key) != nil {
            context.warning("ignored", map.keyNode(key), "'\(key)' does nothing on a \(kind.rawValue) chart (\(what))",
                            hint: nil)
        }
    }

    private func derivedCategories(_ map: inout YAMLMapping, categories: [String], what: String) -> [String] {
        guard let nodes = map.list("derived") else { return [] }
        var derived: [String] = []
        for (i, node) in nodes.enumerated() {
            guard let name = YAMLMapping.scalarString(node, context: context, what: "item \(i + 1) of 'derived' in \(what)") else {
                continue
            }
            if !categories.contains(name) {
                context.error("bad-value", node, "\(what): derived category '\(name)' is not one of the categories",
                              hint: "categories: \(categories.joined(separator: ", "))")
                continue
            }
            derived.append(name)
        }
        return derived
    }

    private func series(_ node: Node, index: Int, chart: String, categories: Int?, kind: Chart.Kind?) -> Series? {
        guard var map = YAMLMapping(node, context: context, what: "series \(index) of \(chart)") else { return nil }
        let name = map.text("name", required: true)
        let label = name.map { "series \(index) ('\($0)') of \(chart)" } ?? "series \(index) of \(chart)"
        var values: [Double?] = []
        var bad = false
        if let nodes = map.list("values", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("values"), "\(label) has no values",
                              hint: "give one value per category, null for a gap")
                bad = true
            }
            for (i, v) in nodes.enumerated() {
                let what = "value \(i + 1) of \(label)"
                if v.isNull {
                    if kind == .donut {
                        context.error("bad-value", map.value("values"), "\(what) is null, but a donut slice cannot be a gap",
                                      hint: "write 0, or leave the category out")
                        bad = true
                    }
                    values.append(nil)
                    continue
                }
                if let text = v.scalar?.string, Self.isNaNOrInfinity(text) {
                    context.error("bad-value", v, "\(what) is '\(text)', which is not a number a chart can draw",
                                  hint: "write the number, or null for a missing value")
                    bad = true
                    continue
                }
                guard let n = YAMLMapping.number(v, context: context, what: what) else {
                    bad = true
                    continue
                }
                if kind == .donut && n < 0 {
                    context.error("bad-value", v, "\(what) is \(ChartReader.plain(n)), but a donut cannot show a negative part",
                                  hint: "a donut shows parts of a whole; use a bar chart for values below zero")
                    bad = true
                }
                values.append(n)
            }
            if !nodes.isEmpty, !bad, values.allSatisfy({ $0 == nil }) {
                context.error("empty-list", map.value("values"), "\(label) is empty: every value is null",
                              hint: "give at least one value, or remove the series")
                bad = true
            }
            if let categories, values.count != categories, nodes.count != categories {
                context.error("chart-mismatch", map.value("values"),
                              "\(label) has \(nodes.count) value\(nodes.count == 1 ? "" : "s") but the chart has \(categories) categor\(categories == 1 ? "y" : "ies")",
                              hint: "give one value per category, null for a gap")
                bad = true
            }
        }
        map.reportUnknownKeys(known: ["name", "values"])
        guard let name, !bad, map.value("values") != nil else { return nil }
        return Series(name: name, values: values)
    }

    /// YAML's spellings of NaN and infinity (`.nan`, `.inf`, `-.Inf`, `NaN`, …).
    static func isNaNOrInfinity(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-."))
        return t == "nan" || t == "inf" || t == "infinity"
    }

    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
