import FolioModel

/// What placeholders in layout text can refer to.
public struct TemplateScope: Sendable {
    public var report: Report
    public var event: Event?
    public var page: Int?
    public var section: String?
    public var total: Int?
    /// The layout's `rank-limit` (`{events.ranked}`).
    public var rankLimit: Int?

    public init(report: Report, event: Event? = nil, page: Int? = nil, section: String? = nil, total: Int? = nil,
                rankLimit: Int? = nil) {
        self.rankLimit = rankLimit
        self.report = report
        self.event = event
        self.page = page
        self.section = section
        self.total = total
    }
}

/// Fills `{report.title}`, `{event.rank:02}`, `{figure.value}` … in layout text.
public enum TemplateText {
    /// Placeholders a layout may use.
    public static let variables: [String] = [
        "report.title", "report.subtitle", "report.publisher", "report.edition", "report.published",
        "report.published-iso", "report.source", "report.events", "report.short-title", "report.short-publisher",
        "events.count", "events.ranked",
        "event.rank", "event.title", "event.date", "event.category", "event.summary", "event.id", "event.quote",
        "figure.value", "figure.unit", "figure.label", "figure.note",
        "page", "section", "pages",
    ]

    /// The text with every placeholder replaced, or nil when one of them is empty (so an
    /// optional part disappears instead of printing half a sentence).
    public static func render(_ template: String, scope: TemplateScope, figureIndex: Int = 0) -> String? {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                return out
            }
            let expression = rest[rest.index(after: open)..<close]
            let parts = expression.split(separator: ":", maxSplits: 1)
            let name = String(parts.first ?? "")
            guard var value = lookup(name, scope: scope, figureIndex: figureIndex), !value.isEmpty else { return nil }
            if parts.count == 2, let width = Int(parts[1].drop(while: { $0 == "0" }) ), parts[1].hasPrefix("0"),
               value.count < width {
                value = String(repeating: "0", count: width - value.count) + value
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// Joins the rendered parts that are not empty.
    public static func render(parts: [String], separator: String, scope: TemplateScope, figureIndex: Int = 0) -> String? {
        let rendered = parts.compactMap { render($0, scope: scope, figureIndex: figureIndex) }.filter { !$0.isEmpty }
        return rendered.isEmpty ? nil : rendered.joined(separator: separator)
    }

    /// Whether `name` is a known placeholder.
    public static func isKnown(_ name: String) -> Bool {
        variables.contains(String(name.split(separator: ":").first ?? ""))
    }

    private static func lookup(_ name: String, scope: TemplateScope, figureIndex: Int) -> String? {
        let r = scope.report
        switch name {
        case "report.title": return r.title
        case "report.subtitle": return r.subtitle
        case "report.publisher": return r.publisher
        case "report.edition": return String(r.edition)
        case "report.published": return r.published.chinese
        case "report.published-iso": return r.published.description
        case "report.source": return r.source
        case "report.events", "events.count": return String(r.events.count)
        case "events.ranked":
            let limit = scope.rankLimit ?? 20
            return r.events.count >= 2 && r.events.count <= limit ? String(r.events.count) : nil
        case "report.short-title": return r.compactTitle
        case "report.short-publisher": return r.compactPublisher
        case "event.rank": return scope.event.map { String($0.rank) }
        case "event.title": return scope.event?.title
        case "event.date": return scope.event?.date?.chinese
        case "event.category": return scope.event?.category
        case "event.summary": return scope.event?.summary
        case "event.id": return scope.event?.id
        case "event.quote": return scope.event.flatMap { GapFiller.quote(from: $0.body) }
        case "figure.value", "figure.unit", "figure.label", "figure.note":
            guard let figures = scope.event?.figures, figureIndex < figures.count else { return nil }
            let f = figures[figureIndex]
            switch name {
            case "figure.value": return f.value
            case "figure.unit": return f.unit
            case "figure.label": return f.label
            default: return f.note ?? (f.derived ? "推算值" : nil)
            }
        case "page": return scope.page.map(String.init)
        case "pages": return scope.total.map(String.init)
        case "section": return scope.section
        default: return "{\(name)}"
        }
    }
}
