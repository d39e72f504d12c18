import Foundation
import Yams

/// The schema of report.yaml: reads each key, checks it, and reports problems.
struct ReportReader {
    let context: YAMLContext
    let directory: String
    let limits: InputLimits

    static let eventKeys = ["id", "title", "date", "category", "summary", "body", "figures", "charts", "image"]
    static let figureKeys = ["value", "unit", "label", "derived", "note"]

    func read(_ map: inout YAMLMapping) -> Report? {
        var locations: [String: SourceLocation] = [:]
        for key in map.keys {
            if let node = map.keyNode(key) { locations[key] = context.location(of: node) }
        }
        let title = map.text("title", required: true).map { checkedText($0, map.value("title"), what: "the report's title") }
        let subtitle = map.text("subtitle")
        let publisher = map.text("publisher", required: true)
        let edition = map.int("edition", required: true)
        if let edition, !(1900...2999).contains(edition) {
            context.error("bad-value", map.value("edition"), "edition \(edition) is not a plausible year",
                          hint: "edition is the year the report covers, e.g. 2022")
        }
        let published = date(&map, "published", required: true, complete: true)
        let layout = map.text("layout")
        if let layout, !Self.isIdentifier(layout) {
            context.error("bad-value", map.value("layout"), "layout name '\(layout)' may only use a-z, 0-9 and '-'",
                          hint: "name a file of Layouts/ without '.yaml', e.g. layout: brochure")
        }
        let intro = paragraphs(&map, "intro", what: "the foreword", required: false) ?? []
        let source = map.text("source")
        let cover = ImagePolicy(context: context, directory: directory).image(&map, "cover", what: "the report")
        let cards = map.stringList("cards")
        if let cards, cards.isEmpty {
            context.error("empty-list", map.value("cards"), "'cards' is an empty list",
                          hint: "name at least one preset (square, portrait, story, wechat-cover, og) or remove the key")
        }

        let charts = ChartReader(context: context).charts(&map)
        var events: [Event] = []
        if let nodes = map.list("events", required: true) {
            if nodes.isEmpty {
                context.error("empty-list", map.value("events"), "the report has no events",
                              hint: "add at least one event under 'events:'")
            }
            if nodes.count > limits.maxEvents {
                context.error("too-many-events", map.value("events"), "the report has \(nodes.count) events; the limit is \(limits.maxEvents)")
            }
            var seen: [String: Int] = [:]
            for (index, node) in nodes.prefix(limits.maxEvents).enumerated() {
                guard let event = self.event(node, rank: index + 1, charts: charts) else { continue }
                if let first = seen[event.id] {
                    context.error("duplicate-id", node, "event id '\(event.id)' is used by event \(first) and event \(index + 1)",
                                  hint: "ids name the card files, so each must be unique")
                } else {
                    seen[event.id] = index + 1
                }
                events.append(event)
            }
        }
        guard let title, let publisher, let edition, let published else { return nil }
        return Report(title: title, subtitle: subtitle, publisher: publisher, edition: edition, published: published,
                      layout: layout, intro: intro, events: events, charts: charts, cards: cards, cover: cover,
                      source: source, directory: directory, file: context.source.path, locations: locations)
    }

    // MARK: - Events

    private func event(_ node: Node, rank: Int, charts: [Chart]) -> Event? {
        guard var map = YAMLMapping(node, context: context, what: "event \(rank)") else { return nil }
        var fieldLocations: [String: SourceLocation] = [:]
        for key in map.keys {
            if let value = map.value(key) ?? map.keyNode(key) { fieldLocations[key] = context.location(of: value) }
        }
        let id = map.text("id", required: true)
        let label = id.map { "event \(rank) (\($0))" } ?? "event \(rank)"
        if let id, !Self.isIdentifier(id) {
            let suggestion = Self.slug(id)
            context.error("bad-id", map.value("id"), "event id '\(id)' may only use lowercase a-z, 0-9 and '-'",
                          hint: suggestion.isEmpty ? "ids name the card files; use e.g. 'graphene-centre'" : "try '\(suggestion)'")
        }
        map.what = label
        let title = map.text("title", required: true)
        let date = self.date(&map, "date", required: false, complete: false)
        let category = map.text("category")
        let summary = map.text("summary")
        let body = paragraphs(&map, "body", what: "the body of \(label)", required: true)
        let figures = map.list("figures").map { nodes in
            nodes.enumerated().compactMap { figure($0.element, index: $0.offset + 1, event: label) }
        } ?? []
        let chartIDs = map.stringList("charts") ?? []
        for (i, chartID) in chartIDs.enumerated() where !charts.contains(where: { $0.id == chartID }) {
            let node = map.value("charts").flatMap { n -> Node? in
                if case .sequence(let s) = n, i < s.count { return s[i] }
                return n
            }
            let suggestion = Suggestions.closest(to: chartID, in: charts.map(\.id))
            context.error("unknown-chart", node, "\(label) names chart '\(chartID)', which is not among the report's charts",
                          hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? (charts.isEmpty ? "the report defines no charts" : "charts defined: \(charts.map(\.id).joined(separator: ", "))"))
        }
        let image = ImagePolicy(context: context, directory: directory).image(&map, "image", what: label)
        map.reportUnknownKeys(known: Self.eventKeys)
        guard let id, let title, let body else { return nil }
        return Event(id: id, rank: rank, title: title, date: date, category: category, summary: summary, body: body,
                     figures: figures, charts: chartIDs, image: image, location: context.location(of: node),
                     fieldLocations: fieldLocations)
    }

    private func figure(_ node: Node, index: Int, event: String) -> Figure? {
        let what = "figure \(index) of \(event)"
        guard var map = YAMLMapping(node, context: context, what: what) else { return nil }
        let value = map.text("value", required: true)
        let unit = map.string("unit")
        let label = map.text("label", required: true)
        let derived = map.bool("derived") ?? false
        let note = map.text("note")
        if derived && note == nil {
            context.warning("derived-without-note", node, "\(what) is marked derived but has no note saying how",
                            hint: "add note: e.g. \"由增幅推算\"")
        }
        map.reportUnknownKeys(known: Self.figureKeys)
        guard let value, let label else { return nil }
        return Figure(value: value, unit: unit, label: label, derived: derived, note: note)
    }

    // MARK: - Shared readers

    /// A list of non-empty paragraphs.
    private func paragraphs(_ map: inout YAMLMapping, _ key: String, what: String, required: Bool) -> [String]? {
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
            result.append(checkedText(trimmed, node, what: "paragraph \(i + 1) of \(what)"))
        }
        return result
    }

    /// Normalises running text: line breaks inside a paragraph are joined (no space
    /// between Chinese characters); other whitespace runs become one space.
    private func checkedText(_ text: String, _ node: Node?, what: String) -> String {
        TextNormalizer.normalize(text)
    }

    private func date(_ map: inout YAMLMapping, _ key: String, required: Bool, complete: Bool) -> PartialDate? {
        guard let text = map.string(key, required: required) else { return nil }
        guard let date = PartialDate(text) else {
            context.error("bad-date", map.value(key), "'\(text)' is not a date",
                          hint: complete ? "write the date as YYYY-MM-DD, e.g. 2023-02-01" : "dates are YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
        if complete && !date.isComplete {
            context.error("bad-date", map.value(key), "'\(key)' must be a full date, found '\(text)'",
                          hint: "write the date as YYYY-MM-DD, e.g. 2023-02-01")
            return nil
        }
        return date
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func slug(_ s: String) -> String {
        let mapped = s.lowercased().unicodeScalars.map { c -> Character in
            (("a"..."z").contains(c) || ("0"..."9").contains(c)) ? Character(c) : "-"
        }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
