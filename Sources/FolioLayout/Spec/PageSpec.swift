import FolioCore
import FolioModel
import FolioText

/// Page geometry.
public struct PageSpec: Hashable, Sendable {
    /// Trim size in points.
    public var size: Size
    public var bleed: Double
    public var margins: Margins
    /// Facing pages: inside/outside margins alternate and odd/even masters apply.
    public var facing: Bool
    public var columns: Int
    public var gutter: Double
    /// Baseline grid increment (0: none).
    public var baseline: Double
    /// Pad the page count to a multiple of this (4 for saddle stitching).
    public var padTo: Int
    /// Also write the PDF/X print file.
    public var print: Bool
    /// Cards: the area that must hold every item (inset from the edges).
    public var safe: Margins
    /// Cards: the square (centred) that chats crop to, which must hold the title.
    public var centreCrop: Bool
    /// The print file's printing condition (`fogra39`, `fogra29`, `gracol`, `swop`); nil: FOGRA39.
    public var condition: String? = nil
    /// The templates of the padding pages, in turn; the last one repeats (`pad-with`).
    public var padWith = ["notes"]

    public init(size: Size, bleed: Double = 0, margins: Margins, facing: Bool = false, columns: Int = 1, gutter: Double = 0,
                baseline: Double = 0, padTo: Int = 1, print: Bool = false, safe: Margins? = nil, centreCrop: Bool = false) {
        self.size = size
        self.bleed = bleed
        self.margins = margins
        self.facing = facing
        self.columns = columns
        self.gutter = gutter
        self.baseline = baseline
        self.padTo = padTo
        self.print = print
        self.safe = safe ?? margins
        self.centreCrop = centreCrop
    }

    /// The live area (inside the margins) of a page; on facing layouts, odd pages
    /// (right-hand) have the inside margin on the left.
    public func liveArea(pageNumber: Int) -> Rect {
        let rightHand = !facing || pageNumber % 2 == 1
        let left = rightHand ? margins.inside : margins.outside
        let right = rightHand ? margins.outside : margins.inside
        return Rect(x: left, y: margins.top, width: size.width - left - right, height: size.height - margins.top - margins.bottom)
    }
}

/// Page margins; inside is the binding side.
public struct Margins: Hashable, Sendable {
    public var top: Double
    public var bottom: Double
    public var inside: Double
    public var outside: Double

    public init(top: Double, bottom: Double, inside: Double, outside: Double) {
        self.top = top
        self.bottom = bottom
        self.inside = inside
        self.outside = outside
    }
}
