/// A font request: family, weight and size, as a layout names it.
public struct FontSpec: Hashable, Sendable, Codable {
    public var family: String
    /// CSS-style weight: 400 regular, 700 bold.
    public var weight: Int
    /// Size in points.
    public var size: Double

    public init(family: String, weight: Int = 400, size: Double) {
        self.family = family
        self.weight = weight
        self.size = size
    }

    /// The same face at another size.
    public func withSize(_ size: Double) -> FontSpec {
        FontSpec(family: family, weight: weight, size: size)
    }
}

/// Vertical metrics of a face at a size, in points.
public struct FontMetrics: Hashable, Sendable {
    /// Distance from the baseline up to the top of the ideographic em box.
    public var ascent: Double
    /// Distance from the baseline down to the bottom of the ideographic em box.
    public var descent: Double
    /// Height of capital letters and lining figures above the baseline.
    public var capHeight: Double

    public init(ascent: Double, descent: Double, capHeight: Double) {
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
    }
}
