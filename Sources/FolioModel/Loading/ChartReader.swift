import Foundation
import Yams

/// Reads and checks the `charts:` list.
struct ChartReader {
    let context: YAMLContext
    static let keys = ["id", "title", "kind", "unit", "note", "categories", "series", "orientation", "stacked",
                       "target", "invert", "highlight"]

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
                context.error("bad-value", map.value("kind"), "chart kind '\(k)' is not one of \(names.joined(separator: ", "))",
                              hint: Suggestions.closest(to: k, in: names).map { "did you mean '\($0)'?" })
            }
        }
        let unit = map.string("unit")
        let note = map.text("note")
        let categories = map.stringList("categories") ?? []
        let needsCategories = kind != nil && kind != .kpi
        if needsCategories && map.value("categories") == nil {
            map.missing("categories", hint: "list the labels along the axis, e.g. categories: [\"2021\", \"2022\"]")
        }
        var series: [Series] = []
        if let nodes = map.list("series", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("series"), "\(what) has no series", hint: "add one: - name: …  values: [..]")
            }
            for (i, s) in nodes.enumerated() {
                if let one = self.series(s, index: i + 1, chart: what, categories: needsCategories ? categories.count : nil) {
                    series.append(one)
                }
            }
        }
        if kind == .donut {
            for s in series where s.values.contains(where: { ($0 ?? 0) < 0 }) {
                context.error("bad-value", map.value("series"), "\(what) is a donut but series '\(s.name)' has a negative value",
                              hint: "a donut shows parts of a whole; use a bar chart for values below zero")
            }
        }
        if kind == .kpi, let first = series.first, first.values.compactMap({ $0 }).isEmpty {
            context.error("empty-list", map.value("series"), "\(what) is a kpi but its series has no value")
        }
        var orientation = Chart.Orientation.vertical
        if let o = map.string("orientation") {
            if let parsed = Chart.Orientation(rawValue: o) { orientation = parsed } else {
                context.error("bad-value", map.value("orientation"), "orientation '\(o)' is not vertical or horizontal")
            }
        }
        let stacked = map.bool("stacked") ?? false
        let invert = map.bool("invert") ?? false
        let highlight = map.string("highlight")
        if let highlight, needsCategories, !categories.isEmpty, !categories.contains(highlight) {
            context.error("bad-value", map.value("highlight"), "highlight '\(highlight)' is not one of the categories",
                          hint: "categories: \(categories.joined(separator: ", "))")
        }
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
                     location: context.location(of: node))
    }

    private func series(_ node: Node, index: Int, chart: String, categories: Int?) -> Series? {
        guard var map = YAMLMapping(node, context: context, what: "series \(index) of \(chart)") else { return nil }
        let name = map.text("name", required: true)
        var values: [Double?] = []
        var bad = false
        if let nodes = map.list("values", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("values"), "series \(index) of \(chart) has no values")
                bad = true
            }
            for (i, v) in nodes.enumerated() {
                if v.isNull { values.append(nil); continue }
                guard let n = YAMLMapping.number(v, context: context, what: "value \(i + 1) of series \(index) of \(chart)") else {
                    bad = true
                    continue
                }
                values.append(n)
            }
            if let categories, !bad, values.count != categories {
                context.error("chart-mismatch", map.value("values"),
                              "series \(index) of \(chart) has \(values.count) values but the chart has \(categories) categories",
                              hint: "give one value per category, null for a gap")
                bad = true
            }
        }
        map.reportUnknownKeys(known: ["name", "values"])
        guard let name, !bad, map.value("values") != nil else { return nil }
        return Series(name: name, values: values)
    }
}
