import FolioModel

/// What a `when:` may name, for templates, frames and blocks alike: one list and one
/// meaning wherever it is used. A frame or block with a condition that does not hold is
/// left out; a template whose condition does not hold makes no pages.
///
/// - Page: `odd`, `even` (the page number; always true off a numbered page).
/// - Report: `has-intro`, `has-charts`, `has-cover`; `ranked` when the report has from
///   2 events up to the layout's `rank-limit` (a `TOP {events.count}` label makes sense),
///   `unranked` otherwise; `single` (one event) and `several`; `events-up-to-N` and
///   `events-over-N` (the number of events, N a whole number: a short report's contents).
/// - Layout: `has-logo`, `no-logo` — the report's brand layout brings a logo.
/// - Event (false where there is no event): `has-`/`no-` + `figure`, `chart`, `image`,
///   `summary`, `date`, `media` (a photo or a chart to show). On a card, `has-chart` means a chart the card shows (not a KPI
///   that repeats the lead figure; not when the photo has the media slot).
public enum Condition {
    static let eventFacts = ["figure", "chart", "image", "summary", "date", "media"]

    /// Every name `when:` accepts.
    public static let names: [String] = ["odd", "even", "has-intro", "has-charts", "has-cover", "ranked", "unranked",
                                         "single", "several", "has-logo", "no-logo"]
        + eventFacts.flatMap { ["has-\($0)", "no-\($0)"] }

    /// Conditions on the number of events, `events-up-to-5`, `events-over-5`: the
    /// prefixes, each followed by a whole number.
    public static let counted = ["events-up-to-", "events-over-"]

    /// Whether `when:` may name `name`: one of `names`, or a counted condition.
    public static func isKnown(_ name: String) -> Bool {
        names.contains(name) || count(name) != nil
    }

    /// The counted condition `name` as (at most?, N), or nil.
    static func count(_ name: String) -> (atMost: Bool, limit: Int)? {
        for prefix in counted where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n >= 0 else { return nil }
            return (prefix == counted[0], n)
        }
        return nil
    }

    /// The names a did-you-mean picks from: `names` and the counted forms with N.
    public static var described: [String] { names + counted.map { $0 + "N" } }

    /// What a condition is decided on.
    public struct Facts {
        public var report: Report
        public var event: Event?
        public var page: Int?
        /// The layout's `rank-limit`.
        public var rankLimit: Int
        /// Cards: whether the event has a chart the card would show (nil: any chart).
        public var chartShown: Bool?
        /// The layout has a logo (a report's brand layout).
        public var hasLogo: Bool

        public init(report: Report, event: Event? = nil, page: Int? = nil, rankLimit: Int, chartShown: Bool? = nil,
                    hasLogo: Bool = false) {
            self.hasLogo = hasLogo
            self.report = report
            self.event = event
            self.page = page
            self.rankLimit = rankLimit
            self.chartShown = chartShown
        }
    }

    /// Whether `name` holds (nil holds); a list (`when: [has-figure, no-media]`, kept as
    /// "has-figure,no-media") holds when all of its conditions do. An unknown name never
    /// gets here: layouts are checked when read (`LayoutReader.checkCondition`).
    public static func holds(_ name: String?, _ facts: Facts) -> Bool {
        guard let name else { return true }
        if name.contains(",") {
            return name.split(separator: ",").allSatisfy { holds(String($0), facts) }
        }
        let count = facts.report.events.count
        switch name {
        case "odd": return (facts.page ?? 1) % 2 == 1
        case "even": return (facts.page ?? 0) % 2 == 0
        case "has-intro": return !facts.report.intro.isEmpty
        case "has-charts": return !facts.report.charts.isEmpty
        case "has-cover": return facts.report.cover != nil
        case "ranked": return count >= 2 && count <= facts.rankLimit
        case "unranked": return !(count >= 2 && count <= facts.rankLimit)
        case "single": return count == 1
        case "several": return count > 1
        case "has-logo": return facts.hasLogo
        case "no-logo": return !facts.hasLogo
        default: break
        }
        if let counted = Self.count(name) { return counted.atMost ? count <= counted.limit : count > counted.limit }
        let negated = name.hasPrefix("no-")
        let fact = name.dropFirst(negated ? 3 : 4)
        let has: Bool
        switch fact {
        case "figure": has = !(facts.event?.figures.isEmpty ?? true)
        case "chart": has = facts.chartShown ?? !(facts.event?.charts.isEmpty ?? true)
        case "image": has = facts.event?.image != nil
        case "summary": has = facts.event?.summary != nil
        case "date": has = facts.event?.date != nil
        case "media": has = facts.event?.image != nil || (facts.chartShown ?? !(facts.event?.charts.isEmpty ?? true))
        default: return true
        }
        return negated ? !has : has
    }
}
