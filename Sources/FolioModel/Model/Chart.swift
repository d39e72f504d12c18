/// A chart of the statistics section, drawn as vectors.
public struct Chart: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case bar
        case line
        case donut
        case kpi
    }

    public enum Orientation: String, Hashable, Sendable, CaseIterable {
        case vertical
        case horizontal
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var unit: String?
    /// Source or method ("2021年数值由增幅推算").
    public var note: String?
    public var categories: [String]
    public var series: [Series]
    public var orientation: Orientation
    public var stacked: Bool
    /// A reference line ("2025年目标 10000家").
    public var target: Target?
    /// Smaller is better (ranks): the axis runs the other way.
    public var invert: Bool
    /// One category drawn in the accent colour.
    public var highlight: String?
    /// Written before every value label ("第" for "第13位").
    public var prefix: String?
    /// Categories whose values were computed rather than read (a 2021 base from a growth
    /// rate): drawn as a tint with a dashed outline and labelled "约…".
    public var derived: [String]
    public var location: SourceLocation?

    public init(id: String, title: String, kind: Kind, unit: String? = nil, note: String? = nil,
                categories: [String] = [], series: [Series], orientation: Orientation = .vertical,
                stacked: Bool = false, target: Target? = nil, invert: Bool = false, highlight: String? = nil,
                prefix: String? = nil, derived: [String] = [], location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.unit = unit
        self.note = note
        self.categories = categories
        self.series = series
        self.orientation = orientation
        self.stacked = stacked
        self.target = target
        self.invert = invert
        self.highlight = highlight
        self.prefix = prefix
        self.derived = derived
        self.location = location
    }

    /// Whether the value of category `i` was derived.
    public func isDerived(_ i: Int) -> Bool {
        categories.indices.contains(i) && derived.contains(categories[i])
    }

    /// Whether any series has a value at all.
    public var hasValues: Bool {
        series.contains { $0.values.contains { $0 != nil } }
    }
}

/// One named row of chart values; nil is a gap.
public struct Series: Hashable, Sendable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// A reference value drawn across a chart.
public struct Target: Hashable, Sendable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
