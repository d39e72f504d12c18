import FolioCore
import FolioGraphics
import Foundation

/// Renders a page (a card) to PNG bytes.
///
/// Encoding, not drawing, is what a card costs, so the zlib and filter settings were
/// chosen by measurement (`bench/cards.sh`, `folio-bench encoders`): CPU milliseconds and
/// KiB per card, best of 3, the 50 cards of the default report in all five presets, and
/// the 10 portrait cards again with a 720×477 photo on each:
///
///     setting (level filter strategy)    flat cards        cards with a photo
///     6 all filtered (libpng default)    52.6 ms  95.0 KiB  125.2 ms  379 KiB
///     9 none default                     96.7 ms  69.0 KiB  129.7 ms  519 KiB
///     6 none default                     27.8 ms  74.3 KiB   55.4 ms  525 KiB
///     3 none default                     14.1 ms  87.2 KiB   30.8 ms  539 KiB
///     2 none default  ← flat             11.4 ms  89.4 KiB   29.6 ms  543 KiB
///     1 none default                     12.6 ms  91.0 KiB   27.1 ms  546 KiB
///     3 paeth rle     ← photo            19.6 ms 101.4 KiB   39.6 ms  388 KiB
///
/// Cards are flat colour and antialiased type: rows repeat, and unfiltered rows let
/// deflate find them, so no filter at level 2 is 4.6× faster than libpng's default and
/// 6 % smaller (higher levels switch zlib to lazy matching: 2.4× slower for 17 % less).
/// A photo's continuous tone needs a filter: Paeth with run-length matching keeps the
/// photo cards within 2 % of libpng's size at a third of its time (the level does not
/// matter for RLE). Level 1–9 × none/sub/up/paeth/all × default/filtered/RLE were all
/// measured; the full table is in the bench output.
///
/// Flat cards then moved from zlib (libpng, row by row) to libdeflate on the whole image,
/// still unfiltered. Instructions per square card of the default report (callgrind,
/// deflate alone), and KiB:
///
///     zlib 2 none (the setting above)      86 M  78.8 KiB
///     zlib 1 none                          86 M  80.0 KiB
///     zlib 1 sub / up, RLE            123 / 117 M  115 / 122 KiB
///     libdeflate 1 none  ← flat            48 M  67.4 KiB
///     libdeflate 2 / 3 / 6 none       95 / 95 / 103 M  64.6 / 64.8 / 62.0 KiB
///     libdeflate 1 sub / up           83 / 76 M  83.7 / 82.6 KiB
///
/// Encoding was 1.23 G of the 3.14 G instructions of a full default build (10 cards).
public struct PNGExporter: Sendable {
    public let fonts: FontSet
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

    public init(fonts: FontSet, settings: PNGSettings = PNGExporter.flatSettings,
                photoSettings: PNGSettings = PNGExporter.photoSettings) {
        self.fonts = fonts
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
        let image = try RasterImage(fonts: fonts, pixelWidth: w, pixelHeight: h, scale: scale, background: background)
        try ItemPainter(canvas: image.canvas).paint(page.items)
        return image
    }
}
