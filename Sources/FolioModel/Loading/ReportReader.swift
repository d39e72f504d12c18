import Foundation
import Yams

/// The schema of report.yaml: reads each key, checks it, and reports problems.
public struct ReportReader {
    let context: YAMLContext
    let directory: String
    let limits: InputLimits

    static let eventKeys = ["id", "title", "date", "category", "summary", "body", "figures", "charts", "image"]
    static let figureKeys = ["value", "unit", "label", "derived", "note"]

    /// Reads the report; also fills `requests` with the layout and card presets it names
    /// (even when other keys are wrong, so that those names are checked in the same run).
    func read(_ map: inout YAMLMapping, requests: inout ReportLoader.Requests) -> Report? {
        var locations: [String: SourceLocation] = [:]
        for key in map.keys {
            if let node = map.value(key) ?? map.keyNode(key) { locations[key] = context.location(of: node) }
        }
        let title = line(&map, "title", required: true)
        let subtitle = line(&map, "subtitle")
        let publisher = line(&map, "publisher", required: true)
        let shortTitle = line(&map, "short-title")
        let shortPublisher = line(&map, "short-publisher")
        let edition = map.int("edition", required: true)
        if let edition, !(1900...2999).contains(edition) {
            context.error("bad-value", map.value("edition"), "`edition` \(edition) is not a plausible year",
                          hint: "`edition` is the year the report covers, e.g. edition: 2022")
        }
        let published = date(&map, "published", required: true, complete: true)
        let layout = map.text("layout")
        var layoutFile: String?
        if let layout, layout.hasPrefix("./") || layout.hasSuffix(".yaml") {
            // The report's own layout (its brand), a file inside the report folder.
            layoutFile = Self.layoutFile(layout, directory: directory)
            if let layoutFile {
                requests.layoutFile = (layoutFile, locations["layout"])
            } else {
                context.error("missing-file", map.value("layout"), "the layout file \(Quoting.code(layout)) is not a file inside the report folder",
                              hint: "a report's own layout is a .yaml file in its folder, e.g. layout: ./brand.yaml, that `extends:` a shipped layout")
            }
        } else if let layout {
            if Self.isIdentifier(layout) {
                requests.layout = (layout, locations["layout"])
            } else {
                context.error("bad-value", map.value("layout"), "layout name \(Quoting.code(layout)) may only use a-z, 0-9 and '-'",
                              hint: "name a file of Layouts/ without `.yaml`, e.g. layout: brochure")
            }
        }
        let intro = paragraphs(&map, "intro", what: "the foreword", required: false, locations: &locations) ?? []
        let source = line(&map, "source")
        let cover = ImagePolicy(context: context, directory: directory).image(&map, "cover", what: "the report")
        var cards: [String]?
        if let nodes = map.list("cards") {
            if nodes.isEmpty {
                context.error("empty-list", map.value("cards"), "`cards` is an empty list",
                              hint: "name at least one card preset, e.g. cards: [square], or remove the key for all")
            }
            var names: [String] = []
            var bad = false
            for (i, node) in nodes.enumerated() {
                guard let name = YAMLMapping.scalarString(node, context: context, what: "item \(i + 1) of `cards` in the report") else {
                    bad = true
                    continue
                }
                if !Self.isIdentifier(name) {
                    context.error("bad-value", node, "card preset name \(Quoting.code(name)) may only use a-z, 0-9 and '-'",
                                  hint: "name a file of Layouts/cards/ without `.yaml`, e.g. square")
                    bad = true
                    continue
                }
                locations["cards[\(names.count + 1)]"] = context.location(of: node)
                requests.cards.append((name, context.location(of: node)))
                names.append(name)
            }
            cards = bad || names.isEmpty ? nil : names
        }

        // A chart with a problem of its own (a bad kind) is still there for the events
        // that name it: one mistake, one diagnostic.
        let declaredCharts = Self.chartIDs(map.value("charts"))
        let data = DataSources(context: context, directory: directory, limits: limits.sheets)
        let charts = ChartReader(context: context, data: data).charts(&map)
        var events: [Event] = []
        if let nodes = map.list("events", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("events"), "the report has no events",
                              hint: "add at least one event under `events:`, starting with '- id: …'")
            }
            if nodes.count > limits.maxEvents {
                context.error("too-many-events", map.value("events"), "the report has \(nodes.count) events; the limit is \(limits.maxEvents)",
                              hint: "a brochure of that many events would run to thousands of pages; split the report")
            }
            var seen: [String: Int] = [:]
            for (index, node) in nodes.prefix(limits.maxEvents).enumerated() {
                guard let event = self.event(node, rank: index + 1, charts: charts, declared: declaredCharts, data: data) else { continue }
                if let first = seen[event.id] {
                    context.error("duplicate-id", node.mappingValue("id") ?? node, "event id \(Quoting.code(event.id)) is used by event \(first) and event \(index + 1)",
                                  hint: "ids name the card files, so each must be unique")
                } else {
                    seen[event.id] = index + 1
                }
                events.append(event)
            }
        }
        guard let title, let publisher, let edition, let published else { return nil }
        var report = Report(title: title, subtitle: subtitle, publisher: publisher, edition: edition, published: published,
                      layout: layout, intro: intro, events: events, charts: charts, cards: cards, cover: cover,
                      source: source, directory: directory, file: context.source.path, locations: locations)
        report.dataFiles = data.files.sorted()
        report.layoutFile = layoutFile
        report.shortTitle = shortTitle
        report.shortPublisher = shortPublisher
        return report
    }

    // MARK: - Events

    /// The ids written in the `charts:` list, whether or not each chart is valid.
    static func chartIDs(_ node: Node?) -> Set<String> {
        guard case .sequence(let items)? = node else { return [] }
        return Set(items.compactMap { $0.mappingValue("id")?.scalar?.string })
    }

    private func event(_ node: Node, rank: Int, charts: [Chart], declared: Set<String>, data: DataSources) -> Event? {
        guard var map = YAMLMapping(node, context: context, what: "event \(rank)",
                                    hint: "an event is a group of `key: value` lines starting with '- id: …'") else { return nil }
        map.known = Self.eventKeys
        var fieldLocations: [String: SourceLocation] = [:]
        for key in map.keys {
            if let value = map.value(key) ?? map.keyNode(key) { fieldLocations[key] = context.location(of: value) }
        }
        let id = map.text("id", required: true)
        let label = id.map { "event \(rank) (\($0))" } ?? "event \(rank)"
        if let id, !Self.isIdentifier(id) {
            let suggestion = Self.slug(id)
            context.error("bad-id", map.value("id"), "event id \(Quoting.code(id)) may only use lowercase a-z, 0-9 and '-'",
                          hint: suggestion.isEmpty ? "ids name the card files; use e.g. `graphene-centre`" : "try \(Quoting.code(suggestion))")
        }
        map.what = label
        let title = line(&map, "title", required: true)
        let date = self.date(&map, "date", required: false, complete: false)
        let category = line(&map, "category")
        let summary = line(&map, "summary")
        let body = paragraphs(&map, "body", what: "the body of \(label)", required: true, locations: &fieldLocations)
        let figures = map.list("figures").map { nodes in
            nodes.enumerated().compactMap { offset, node -> Figure? in
                fieldLocations["figures[\(offset + 1)]"] = context.location(of: node)
                return figure(node, index: offset + 1, event: label, data: data)
            }
        } ?? []
        let chartIDs = map.stringList("charts") ?? []
        for (i, chartID) in chartIDs.enumerated() where !charts.contains(where: { $0.id == chartID }) && !declared.contains(chartID) {
            let node = map.value("charts").flatMap { n -> Node? in
                if case .sequence(let s) = n, i < s.count { return s[i] }
                return n
            }
            context.error("unknown-chart", node, "\(label) names chart \(Quoting.code(chartID)), which is not among the report's charts",
                          hint: Suggestions.didYouMean(chartID, in: charts.map(\.id))
                            ?? (charts.isEmpty ? "the report defines no `charts:`" : "the charts are \(Quoting.list(charts.map(\.id)))"))
        }
        let image = ImagePolicy(context: context, directory: directory).image(&map, "image", what: label)
        map.reportUnknownKeys(known: Self.eventKeys)
        guard let id, let title, let body else { return nil }
        return Event(id: id, rank: rank, title: title, date: date, category: category, summary: summary, body: body,
                     figures: figures, charts: chartIDs, image: image, location: context.location(of: node),
                     fieldLocations: fieldLocations)
    }

    private func figure(_ node: Node, index: Int, event: String, data: DataSources) -> Figure? {
        let what = "figure \(index) of \(event)"
        guard var map = YAMLMapping(node, context: context, what: what,
                                    hint: "a figure is a mapping, e.g. {value: \"9\", unit: 个, label: 项目集中开工}") else { return nil }
        map.known = Self.figureKeys
        // A value from one cell of a data file: `value: {file: …, sheet: …, cell: B4}`.
        let value: String?
        if let cell = map.value("value"), case .mapping = cell {
            value = data.cellText(cell, what: what)
        } else {
            value = line(&map, "value", required: true)
        }
        let unit = line(&map, "unit", allowEmpty: true)
        let label = line(&map, "label", required: true)
        let derived = map.bool("derived") ?? false
        let note = line(&map, "note")
        if derived && note == nil {
            context.warning("derived-without-note", node, "\(what) is marked derived but has no note saying how",
                            hint: "add a note, e.g. note: \"由增幅推算\"")
        }
        map.reportUnknownKeys(known: Self.figureKeys)
        guard let value, let label else { return nil }
        return Figure(value: value, unit: unit, label: label, derived: derived, note: note)
    }

    // MARK: - Shared readers

    /// A list of non-empty paragraphs.
    private func paragraphs(_ map: inout YAMLMapping, _ key: String, what: String, required: Bool,
                            locations: inout [String: SourceLocation]) -> [String]? {
        if let node = map.value(key), case .scalar = node {
            context.error("wrong-type", node, "\(Quoting.code(key)) in \(map.what) must be a list of paragraphs, found a single value",
                          hint: "write each paragraph on its own line starting with '- ', indented under \(Quoting.code(key + ":"))")
            return nil
        }
        guard let nodes = map.list(key, required: required) else { return nil }
        if nodes.isEmpty {
            context.error("empty-list", map.value(key), "\(what) has no paragraphs",
                          hint: "write each paragraph as a list item starting with '- '")
            return nil
        }
        var result: [String] = []
        for (i, node) in nodes.enumerated() {
            guard let text = YAMLMapping.scalarString(node, context: context, what: "paragraph \(i + 1) of \(what)") else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                context.error("empty-value", node, "paragraph \(i + 1) of \(what) is empty", hint: "remove the empty item")
                continue
            }
            if trimmed.count > limits.maxParagraphCharacters {
                context.error("paragraph-too-long", node,
                              "paragraph \(i + 1) of \(what) has \(trimmed.count) characters; the limit is \(limits.maxParagraphCharacters)",
                              hint: "split it into several paragraphs")
                continue
            }
            locations["\(key)[\(result.count + 1)]"] = context.location(of: node)
            result.append(TextNormalizer.normalize(trimmed))
        }
        return result
    }

    /// A one-line text (title, summary, label…), normalised; `YAMLMapping` holds it to the length limit.
    private func line(_ map: inout YAMLMapping, _ key: String, required: Bool = false, allowEmpty: Bool = false) -> String? {
        let raw = allowEmpty ? map.string(key, required: required) : map.text(key, required: required)
        guard let raw else { return nil }
        return TextNormalizer.normalize(raw)
    }

    private func date(_ map: inout YAMLMapping, _ key: String, required: Bool, complete: Bool) -> PartialDate? {
        guard let text = map.string(key, required: required) else { return nil }
        guard let date = PartialDate(text) else {
            let why = PartialDate.problem(text) ?? "it is not written YYYY, YYYY-MM or YYYY-MM-DD"
            context.error("bad-date", map.value(key), "\(Quoting.code(key)) in \(map.what) is \(Quoting.code(text)), which is not a date: \(why)",
                          hint: complete ? "write the date as YYYY-MM-DD, e.g. 2023-02-01" : "dates are YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        if complete && !date.isComplete {
            context.error("bad-date", map.value(key), "\(Quoting.code(key)) in \(map.what) must be a full date, found \(Quoting.code(text))",
                          hint: "write the date as YYYY-MM-DD, e.g. 2023-02-01")
            return nil
        }
        return date
    }

    /// The absolute path of a layout file named relative to the report folder, when it
    /// exists and stays inside the folder (no `..`, no absolute path, no link out).
    static func layoutFile(_ path: String, directory: String) -> String? {
        path.hasSuffix(".yaml") ? file(path, directory: directory) : nil
    }

    /// The absolute path of a regular file named relative to `directory`, when it exists
    /// and stays inside it (no `..`, no absolute path, no link out).
    public static func file(_ path: String, directory: String) -> String? {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { return nil }
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let real = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
            .resolvingSymlinksInPath().standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard real.hasPrefix(base + "/"), FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return nil }
        return real
    }

    /// Whether `s` is a valid id or layout name: lowercase a-z, 0-9 and '-'.
    public static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func slug(_ s: String) -> String {
        let mapped = s.lowercased().unicodeScalars.map { c -> Character in
            (("a"..."z").contains(c) || ("0"..."9").contains(c)) ? Character(c) : "-"
        }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
