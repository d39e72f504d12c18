import CPangoCairo
import Foundation

/// A decoded PNG's pixels (Cairo ARGB32, premultiplied), for comparing images in tests.
public struct DecodedImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt32]

    /// Decodes a PNG file with Cairo.
    public static func png(path: String) throws -> DecodedImage {
        guard let loaded = cairo_image_surface_create_from_png(path),
              cairo_surface_status(loaded) == CAIRO_STATUS_SUCCESS else {
            throw GraphicsError.image(path: path, reason: "not a readable PNG")
        }
        // Cairo 1.17.2 and later load 16-bit PNGs in float formats: paint those into ARGB32.
        var surface = loaded
        let format = cairo_image_surface_get_format(loaded)
        if format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24 {
            let w = cairo_image_surface_get_width(loaded), h = cairo_image_surface_get_height(loaded)
            guard let converted = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h) else {
                cairo_surface_destroy(loaded)
                throw GraphicsError.image(path: path, reason: "out of memory")
            }
            let cr = cairo_create(converted)
            cairo_set_source_surface(cr, loaded, 0, 0)
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_paint(cr)
            cairo_destroy(cr)
            cairo_surface_flush(converted)
            cairo_surface_destroy(loaded)
            surface = converted
        }
        defer { cairo_surface_destroy(surface) }
        let opaque: UInt32 = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 ? 0xFF00_0000 : 0
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { row in
                for x in 0..<w { pixels[y * w + x] = row[x] | opaque }
            }
        }
        return DecodedImage(width: w, height: h, pixels: pixels)
    }

    /// Decodes PNG bytes.
    public static func png(data: Data) throws -> DecodedImage {
        let path = NSTemporaryDirectory() + "/folio-decode-\(UUID().uuidString).png"
        _ = FileManager.default.createFile(atPath: path, contents: data)
        defer { unlink(path) }
        return try png(path: path)
    }
}
