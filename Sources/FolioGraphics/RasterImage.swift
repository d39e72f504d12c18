import CPangoCairo
import FolioCore
import Foundation

/// zlib and filter settings for PNG encoding.
public struct PNGSettings: Hashable, Sendable {
    /// zlib level 0…9.
    public var level: Int
    /// A mask of PNG filters (libpng's PNG_FILTER_* bits).
    public var filters: Int32
    /// zlib strategy (0 default, 1 filtered, 2 Huffman only, 3 RLE).
    public var strategy: Int32
    /// Who deflates: libpng with zlib row by row (filters, level 0…9, strategy), or
    /// libdeflate on the whole image at once (no filter, level 1…12, no strategy).
    public var deflater: Deflater

    /// The library that compresses the pixels.
    public enum Deflater: String, Hashable, Sendable {
        case zlib
        case libdeflate
    }

    public init(level: Int, filters: Int32, strategy: Int32, deflater: Deflater = .zlib) {
        self.level = level
        self.filters = filters
        self.strategy = strategy
        self.deflater = deflater
    }

    public static let filterNone: Int32 = 0x08
    public static let filterSub: Int32 = 0x10
    public static let filterUp: Int32 = 0x20
    public static let filterAvg: Int32 = 0x40
    public static let filterPaeth: Int32 = 0x80
    public static let filterAll: Int32 = 0xF8

    /// libpng's defaults (what `cairo_surface_write_to_png` uses).
    public static let libpngDefault = PNGSettings(level: 6, filters: filterAll, strategy: 1)
}

/// A pixel image to draw a page on, then encode as PNG. Owns its Cairo image surface.
public final class RasterImage {
    private let resources: RenderResources
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    public let pixelWidth: Int
    public let pixelHeight: Int

    /// An opaque image of `pixelWidth` × `pixelHeight` whose drawing unit is `1/scale` pixel,
    /// filled with `background`; faces and images are opened through `resources`.
    public init(resources: RenderResources = RenderResources(), pixelWidth: Int, pixelHeight: Int, scale: Double,
                background: Color) throws {
        self.resources = resources
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw GraphicsError.cairo(operation: "create a \(pixelWidth)×\(pixelHeight) image", status: "out of memory")
        }
        self.surface = surface
        self.cr = cairo_create(surface)
        cairo_set_source_rgb(cr, background.red, background.green, background.blue)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// The canvas to draw on, in points (one point = `scale` pixels).
    public var canvas: Canvas { Canvas(cr: cr, resources: resources) }

    /// Encodes the pixels as PNG with libpng.
    public func pngData(settings: PNGSettings) throws -> Data {
        cairo_surface_flush(surface)
        guard cairo_status(cr) == CAIRO_STATUS_SUCCESS else {
            throw GraphicsError.cairo(operation: "draw a card", status: String(cString: cairo_status_to_string(cairo_status(cr))))
        }
        var buffer = folio_buffer(data: nil, length: 0, capacity: 0)
        defer { folio_buffer_free(&buffer) }
        let pixels = cairo_image_surface_get_data(surface)
        let stride = cairo_image_surface_get_stride(surface)
        let status = switch settings.deflater {
        case .zlib:
            folio_png_encode(pixels, Int32(pixelWidth), Int32(pixelHeight), stride, Int32(settings.level),
                             settings.filters, settings.strategy, &buffer)
        case .libdeflate:
            folio_png_encode_libdeflate(pixels, Int32(pixelWidth), Int32(pixelHeight), stride,
                                        Int32(min(max(settings.level, 1), 12)), &buffer)
        }
        guard status == 0, let bytes = buffer.data else {
            throw GraphicsError.pngEncoding(reason: "libpng failed")
        }
        return Data(bytes: bytes, count: buffer.length)
    }

    /// The raw ARGB32 pixel of (x, y), for tests.
    public func pixel(x: Int, y: Int) -> UInt32 {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        return data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
    }
}
