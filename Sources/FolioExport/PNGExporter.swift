import FolioCore
import FolioGraphics
import Foundation

/// Renders a page (a card) to PNG bytes: a pure function of the page and the settings.
/// Faces are opened from the glyph runs' font handles and images from their files,
/// through `resources` (kept between exports; no font set is needed).
///
/// Encoding, not drawing, is what a card costs, so the encoder settings were chosen by
/// measurement: libdeflate level 1 without filters for flat colour and type, zlib level 2
/// with the Paeth filter and run-length matching for cards with a photo. The measured
/// tables (zlib levels × filters × strategies, libdeflate levels) are in
/// docs/benchmarks.md, "PNG encoder settings"; `bench/cards.sh` measures them again.
public struct PNGExporter: Sendable {
    /// Where opened faces and decoded images are kept.
    public let resources: RenderResources
    /// Settings for cards of flat colour and type (no photo).
    public var settings: PNGSettings
    /// Settings for cards that show a photo.
    public var photoSettings: PNGSettings

    /// No filter, libdeflate level 1: for flat colour and type.
    public static let flatSettings = PNGSettings(level: 1, filters: PNGSettings.filterNone, strategy: 0, deflater: .libdeflate)
    /// Paeth filter, run-length matching: for continuous tone.
    public static let photoSettings = PNGSettings(level: 2, filters: PNGSettings.filterPaeth, strategy: 3)
    /// The settings for flat cards (kept for callers that name one setting).
    public static let defaultSettings = flatSettings

    public init(resources: RenderResources = RenderResources(), settings: PNGSettings = PNGExporter.flatSettings,
                photoSettings: PNGSettings = PNGExporter.photoSettings) {
        self.resources = resources
        self.settings = settings
        self.photoSettings = photoSettings
    }

    /// The settings for a page: the photo settings when it shows a raster image.
    public func settings(for page: Page) -> PNGSettings {
        page.items.contains { $0.flattened.contains { if case .image = $0 { return true } else { return false } } }
            ? photoSettings : settings
    }

    /// The page at `scale` pixels per point. The pixels live only inside this call.
    public func export(_ page: Page, scale: Double = 1, background: Color = .white) throws -> Data {
        let image = try render(page, scale: scale, background: background)
        return try image.pngData(settings: settings(for: page))
    }

    /// The page drawn into a raster image (tests read its pixels).
    public func render(_ page: Page, scale: Double = 1, background: Color = .white) throws -> RasterImage {
        let w = Int((page.size.width * scale).rounded())
        let h = Int((page.size.height * scale).rounded())
        let image = try RasterImage(resources: resources, pixelWidth: w, pixelHeight: h, scale: scale, background: background)
        try ItemPainter(canvas: image.canvas).paint(page.items)
        return image
    }
}
