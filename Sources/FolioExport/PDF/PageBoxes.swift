import FolioCore

/// The boxes of one page, in PDF user space (origin bottom-left of the MediaBox).
public struct PageBoxes: Hashable, Sendable {
    public var media: Size
    /// Distance from the MediaBox's edge to the trim box.
    public var trimOrigin: Double
    public var trim: Size
    public var bleed: Double
    /// Also set the CropBox to the TrimBox, so viewers show the finished page (the screen
    /// file); the print file keeps the whole MediaBox visible.
    public var cropToTrim: Bool

    public init(media: Size, trimOrigin: Double, trim: Size, bleed: Double, cropToTrim: Bool = false) {
        self.media = media
        self.trimOrigin = trimOrigin
        self.trim = trim
        self.bleed = bleed
        self.cropToTrim = cropToTrim
    }

    public var trimBox: [Double] {
        [trimOrigin, trimOrigin, trimOrigin + trim.width, trimOrigin + trim.height]
    }

    public var bleedBox: [Double] {
        [trimOrigin - bleed, trimOrigin - bleed, trimOrigin + trim.width + bleed, trimOrigin + trim.height + bleed]
    }
}
