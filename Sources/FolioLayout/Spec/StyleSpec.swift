import FolioCore
import FolioModel
import FolioText

/// A font role: the family and weight a layout asks for.
public struct FontRole: Hashable, Sendable {
    public var family: String
    public var weight: Int

    public init(family: String, weight: Int = 400) {
        self.family = family
        self.weight = weight
    }
}

/// A paragraph and character style.
public struct StyleSpec: Hashable, Sendable {
    public var font: String
    public var size: Double
    /// Line pitch in points.
    public var leading: Double
    public var color: String
    /// Extra space after each character, in em.
    public var tracking: Double
    /// First-line indent in em.
    public var indent: Double
    public var alignment: Alignment
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Baselines sit on the page's baseline grid.
    public var grid: Bool
    /// Balanced lines (titles).
    public var balanced: Bool
    /// Smallest size a shrinking frame may use (0: no shrinking).
    public var minSize: Double

    public init(font: String, size: Double, leading: Double, color: String = "ink", tracking: Double = 0, indent: Double = 0,
                alignment: Alignment = .left, spaceBefore: Double = 0, spaceAfter: Double = 0, grid: Bool = false,
                balanced: Bool = false, minSize: Double = 0) {
        self.font = font
        self.size = size
        self.leading = leading
        self.color = color
        self.tracking = tracking
        self.indent = indent
        self.alignment = alignment
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.grid = grid
        self.balanced = balanced
        self.minSize = minSize
    }
}
