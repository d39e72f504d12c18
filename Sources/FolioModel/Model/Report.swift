/// A year's report: the data one brochure and its cards are made from.
public struct Report: Hashable, Sendable {
    public var title: String
    public var subtitle: String?
    public var publisher: String
    /// A shorter title for places with little room (card brand strips); nil: `title`.
    public var shortTitle: String?
    /// A shorter publisher for places with little room; nil: `publisher`.
    public var shortPublisher: String?
    /// A layout file inside the report folder (`layout: ./brand.yaml`), absolute; nil when
    /// `layout` names a shipped layout.
    public var layoutFile: String?
    /// The year the report covers.
    public var edition: Int
    /// Publication date; the PDF's creation date.
    public var published: PartialDate
    /// The brochure layout's name in `Layouts/` (nil: the default).
    public var layout: String?
    /// Paragraphs of the foreword.
    public var intro: [String]
    /// Events in rank order (the first is No. 1).
    public var events: [Event]
    public var charts: [Chart]
    /// Card presets to render (nil: all).
    public var cards: [String]?
    /// Cover art.
    public var cover: ImageRef?
    /// Where the data comes from (shown on the back cover).
    public var source: String?
    /// Absolute path of the report folder.
    public var directory: String
    /// Path of report.yaml as shown in diagnostics.
    public var file: String
    /// Where each report-level key was written.
    public var locations: [String: SourceLocation]
    /// The spreadsheets and CSV files that charts and figures read (absolute paths, links
    /// resolved, sorted): inputs of the build like report.yaml.
    public var dataFiles: [String] = []

    public init(title: String, subtitle: String? = nil, publisher: String, edition: Int, published: PartialDate,
                layout: String? = nil, intro: [String] = [], events: [Event], charts: [Chart] = [],
                cards: [String]? = nil, cover: ImageRef? = nil, source: String? = nil,
                directory: String, file: String, locations: [String: SourceLocation] = [:]) {
        self.title = title
        self.subtitle = subtitle
        self.publisher = publisher
        self.edition = edition
        self.published = published
        self.layout = layout
        self.intro = intro
        self.events = events
        self.charts = charts
        self.cards = cards
        self.cover = cover
        self.source = source
        self.directory = directory
        self.file = file
        self.locations = locations
    }

    /// The title where room is short: `short-title` when given, else `title`.
    public var compactTitle: String { shortTitle ?? title }
    /// The publisher where room is short: `short-publisher` when given, else `publisher`.
    public var compactPublisher: String { shortPublisher ?? publisher }

    /// The chart with this id.
    public func chart(_ id: String) -> Chart? {
        charts.first { $0.id == id }
    }

    /// Distinct event categories in rank order (the PDF's keywords).
    public var categories: [String] {
        var seen: [String] = []
        for c in events.compactMap(\.category) where !seen.contains(c) { seen.append(c) }
        return seen
    }
}
