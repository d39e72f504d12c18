import FolioModel

/// Every piece of text a report prints, with who owns it and where it is written: what
/// the font checks scan.
struct ReportTexts {
    struct Field {
        var owner: String
        var field: String
        var text: String
        var location: SourceLocation?
    }

    static func fields(of report: Report) -> [Field] {
        var out: [Field] = []
        func add(_ text: String, _ owner: String, _ field: String, _ location: SourceLocation?) {
            out.append(Field(owner: owner, field: field, text: text, location: location))
        }
        add(report.title, "the report", "title", report.locations["title"])
        if let s = report.subtitle { add(s, "the report", "subtitle", report.locations["subtitle"]) }
        add(report.publisher, "the report", "publisher", report.locations["publisher"])
        if let s = report.shortTitle { add(s, "the report", "short-title", report.locations["short-title"]) }
        if let s = report.shortPublisher { add(s, "the report", "short-publisher", report.locations["short-publisher"]) }
        for e in report.events {
            for text in [e.image?.caption, e.image?.credit].compactMap({ $0 }) { add(text, e.label, "image", e.fieldLocations["image"]) }
        }
        if let s = report.source { add(s, "the report", "source", report.locations["source"]) }
        for (i, p) in report.intro.enumerated() {
            add(p, "the report", "intro[\(i + 1)]", report.locations["intro[\(i + 1)]"] ?? report.locations["intro"])
        }
        for e in report.events {
            add(e.title, e.label, "title", e.fieldLocations["title"])
            if let s = e.summary { add(s, e.label, "summary", e.fieldLocations["summary"]) }
            if let c = e.category { add(c, e.label, "category", e.fieldLocations["category"]) }
            for (i, p) in e.body.enumerated() {
                add(p, e.label, "body[\(i + 1)]", e.fieldLocations["body[\(i + 1)]"] ?? e.fieldLocations["body"])
            }
            for (i, f) in e.figures.enumerated() {
                add(f.value + (f.unit ?? "") + f.label + (f.note ?? ""), e.label, "figures[\(i + 1)]",
                    e.fieldLocations["figures[\(i + 1)]"] ?? e.fieldLocations["figures"])
            }
        }
        for c in report.charts {
            add(c.title + (c.unit ?? "") + (c.note ?? "") + (c.prefix ?? "") + (c.target?.label ?? "") + c.categories.joined()
                + c.series.map(\.name).joined(), "chart '\(c.id)'", "text", c.location)
        }
        return out
    }
}
