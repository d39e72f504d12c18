/// One of the year's events.
public struct Event: Hashable, Sendable {
    /// `[a-z0-9-]+`, unique; names the card files.
    public var id: String
    /// 1-based rank (position in the list).
    public var rank: Int
    public var title: String
    public var date: PartialDate?
    public var category: String?
    /// One sentence for the card.
    public var summary: String?
    /// Paragraphs.
    public var body: [String]
    /// Key numbers; the first is the lead figure.
    public var figures: [Figure]
    /// Ids of charts shown with this event.
    public var charts: [String]
    public var image: ImageRef?
    /// Where the event starts in report.yaml.
    public var location: SourceLocation?
    /// Where each of its keys was written ("title", "body", …).
    public var fieldLocations: [String: SourceLocation]

    public init(id: String, rank: Int, title: String, date: PartialDate? = nil, category: String? = nil,
                summary: String? = nil, body: [String], figures: [Figure] = [], charts: [String] = [],
                image: ImageRef? = nil, location: SourceLocation? = nil, fieldLocations: [String: SourceLocation] = [:]) {
        self.id = id
        self.rank = rank
        self.title = title
        self.date = date
        self.category = category
        self.summary = summary
        self.body = body
        self.figures = figures
        self.charts = charts
        self.image = image
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// "event 3 (yongjiang-zone)", for messages.
    public var label: String { "event \(rank) (\(id))" }
}

/// A key number as printed: "5300+" 家 高新技术企业.
public struct Figure: Hashable, Sendable {
    /// The number as printed ("9", "5300+", "26万", "36.4%").
    public var value: String
    public var unit: String?
    public var label: String
    /// True when Folio's data derived it (e.g. a base from a growth rate), not the source.
    public var derived: Bool
    public var note: String?

    public init(value: String, unit: String? = nil, label: String, derived: Bool = false, note: String? = nil) {
        self.value = value
        self.unit = unit
        self.label = label
        self.derived = derived
        self.note = note
    }
}

/// An image file inside the report folder.
public struct ImageRef: Hashable, Sendable {
    /// As written in report.yaml, relative to the report folder.
    public var path: String
    /// Absolute path.
    public var absolutePath: String
    public var fit: Fit
    /// Focal point, 0…1 from the left and top: what a cover crop keeps in view.
    public var focus: Point2
    public var caption: String?
    public var credit: String?

    public enum Fit: String, Hashable, Sendable, CaseIterable {
        case cover
        case contain
    }

    public init(path: String, absolutePath: String, fit: Fit = .cover, focus: Point2 = Point2(x: 0.5, y: 0.5),
                caption: String? = nil, credit: String? = nil) {
        self.path = path
        self.absolutePath = absolutePath
        self.fit = fit
        self.focus = focus
        self.caption = caption
        self.credit = credit
    }
}

/// A pair of numbers (a focal point).
public struct Point2: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
