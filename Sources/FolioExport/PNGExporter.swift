import FolioCore
import FolioGraphics
import Foundation

/// Renders a page (a card) to PNG bytes.
public struct PNGExporter: Sendable {
    public let fonts: FontSet
    public var settings: PNGSettings

    /// Encoder settings chosen by measurement (see `make bench`).
    public static let defaultSettings = PNGSettings(level: 6, filters: PNGSettings.filterAll, strategy: 1)

    public init(fonts: FontSet, settings: PNGSettings = PNGExporter.defaultSettings) {
        self.fonts = fonts
        self.settings = settings
    }

    /// The page at `scale` pixels per point.
    public func export(_ page: Page, scale: Double = 1, background: Color = .white) throws -> Data {
        let image = try render(page, scale: scale, background: background)
        return try image.pngData(settings: settings)
    }

    /// The page drawn into a raster image (tests read its pixels).
    public func render(_ page: Page, scale: Double = 1, background: Color = .white) throws -> RasterImage {
        let w = Int((page.size.width * scale).rounded())
        let h = Int((page.size.height * scale).rounded())
        let image = try RasterImage(fonts: fonts, pixelWidth: w, pixelHeight: h, scale: scale, background: background)
        try ItemPainter(canvas: image.canvas, interactive: false).paint(page.items)
        return image
    }
}
