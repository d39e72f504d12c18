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
    public var location: SourceLocation?

    public init(id: String, title: String, kind: Kind, unit: String? = nil, note: String? = nil,
                categories: [String] = [], series: [Series], orientation: Orientation = .vertical,
                stacked: Bool = false, target: Target? = nil, invert: Bool = false, highlight: String? = nil,
                location: SourceLocation? = nil) {
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
        self.location = location
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
