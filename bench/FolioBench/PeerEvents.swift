import FolioModel
import Foundation

/// Writes a report's data in the shape of the Typst peer's `events.json`
/// (`../shared/peers/`), so the peer typesets the same events Folio does: title,
/// subtitle, publisher, intro; per event its rank, title, date, body paragraphs and
/// figures as [value, unit + label]; per chart its title, first series and categories.
enum PeerEvents {
    static func json(_ report: Report) throws -> Data {
        let events: [[String: Any]] = report.events.map { e in
            [
                "n": e.rank,
                "title": e.title,
                "date": e.date?.description ?? "",
                "body": e.body,
                "figures": e.figures.map { [$0.value, ($0.unit ?? "") + $0.label] },
            ]
        }
        let charts: [[String: Any]] = report.charts.compactMap { c in
            guard let series = c.series.first else { return nil }
            let pairs = zip(c.categories, series.values).compactMap { label, value in value.map { (label, $0) } }
            guard !pairs.isEmpty else { return nil }
            return ["title": c.title, "kind": c.kind.rawValue, "labels": pairs.map(\.0), "values": pairs.map(\.1)]
        }
        let object: [String: Any] = [
            "title": report.title,
            "subtitle": report.subtitle ?? "",
            "publisher": report.publisher,
            "intro": report.intro,
            "events": events,
            "charts": charts,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
