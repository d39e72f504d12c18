import FolioGraphics
import FolioLayout
import FolioModel

/// Finds characters no font of the set can draw, naming the event, field, character and
/// code point.
struct CoverageCheck {
    let fonts: FontSet
    let layout: LayoutSpec

    func check(_ report: Report) -> [Diagnostic] {
        let role = layout.fonts["serif"] ?? layout.fonts.values.sorted { $0.family < $1.family }.first
        let spec = FontSpec(family: role?.family ?? "Noto Serif CJK SC", weight: role?.weight ?? 400, size: 10)
        var out: [Diagnostic] = []
        func scan(_ text: String, owner: String, field: String, location: SourceLocation?) {
            var seen: Set<Unicode.Scalar> = []
            for m in fonts.missingCharacters(in: text, font: spec) where seen.insert(m.scalar).inserted {
                let code = String(format: "U+%04X", m.scalar.value)
                out.append(.error("missing-glyph", at: location,
                                  "\(owner): `\(field)` has the character \(Quoting.code(String(Character(m.scalar)))) (\(code)), which no font in Folio's set can draw",
                                  hint: "replace it (e.g. with a common form of the character), or add a font that has it to Fonts/"))
            }
        }
        scan(report.title, owner: "the report", field: "title", location: report.locations["title"])
        if let s = report.subtitle { scan(s, owner: "the report", field: "subtitle", location: report.locations["subtitle"]) }
        scan(report.publisher, owner: "the report", field: "publisher", location: report.locations["publisher"])
        if let s = report.source { scan(s, owner: "the report", field: "source", location: report.locations["source"]) }
        for (i, p) in report.intro.enumerated() {
            scan(p, owner: "the report", field: "intro[\(i + 1)]", location: report.locations["intro[\(i + 1)]"] ?? report.locations["intro"])
        }
        for e in report.events {
            scan(e.title, owner: e.label, field: "title", location: e.fieldLocations["title"])
            if let s = e.summary { scan(s, owner: e.label, field: "summary", location: e.fieldLocations["summary"]) }
            if let c = e.category { scan(c, owner: e.label, field: "category", location: e.fieldLocations["category"]) }
            for (i, p) in e.body.enumerated() {
                scan(p, owner: e.label, field: "body[\(i + 1)]", location: e.fieldLocations["body[\(i + 1)]"] ?? e.fieldLocations["body"])
            }
            for (i, f) in e.figures.enumerated() {
                scan(f.value + (f.unit ?? "") + f.label + (f.note ?? ""), owner: e.label, field: "figures[\(i + 1)]",
                     location: e.fieldLocations["figures[\(i + 1)]"] ?? e.fieldLocations["figures"])
            }
        }
        for c in report.charts {
            scan(c.title + (c.unit ?? "") + (c.note ?? "") + (c.prefix ?? "") + (c.target?.label ?? "") + c.categories.joined()
                 + c.series.map(\.name).joined(),
                 owner: "chart '\(c.id)'", field: "text", location: c.location)
        }
        return out
    }
}
