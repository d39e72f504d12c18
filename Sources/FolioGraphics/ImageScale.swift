import CPangoCairo
import Foundation

/// How finely an image is needed where it is placed, and how to get just that: the JPEG
/// decode scale (libjpeg decodes at 1/2, 1/4 or 1/8 for a fraction of the memory and
/// time) and resampling to a given pixel size.
public enum ImageScale {
    /// The scales libjpeg decodes at, as denominators, finest first.
    public static let denominators = [1, 2, 4, 8]

    /// Pixels a side of a `width` × `height` JPEG decoded at 1/`denominator`.
    public static func decodedSize(width: Int, height: Int, denominator: Int) -> (width: Int, height: Int) {
        ((width + denominator - 1) / denominator, (height + denominator - 1) / denominator)
    }

    /// The largest decode denominator (the smallest decode) whose output still covers
    /// `needed` pixels in both directions; 1 when even the full size does not.
    public static func denominator(width: Int, height: Int, covering needed: (width: Double, height: Double)) -> Int {
        var best = 1
        for d in denominators {
            let size = decodedSize(width: width, height: height, denominator: d)
            if Double(size.width) >= needed.width.rounded(.up) && Double(size.height) >= needed.height.rounded(.up) {
                best = d
            }
        }
        return best
    }

    /// Pixels a side that `placed` points need at `ppi` pixels per inch.
    public static func pixels(for placed: (width: Double, height: Double), ppi: Double) -> (width: Double, height: Double) {
        (placed.width / 72 * ppi, placed.height / 72 * ppi)
    }

    /// The JPEG decoded at 1/`denominator` into Cairo RGB24 pixels (0xffRRGGBB), row by row.
    static func decodeJPEG(_ data: Data, path: String, info: ImageInfo, denominator: Int) throws -> (pixels: [UInt32], width: Int, height: Int) {
        let size = decodedSize(width: info.width, height: info.height, denominator: denominator)
        var pixels = [UInt32](repeating: 0, count: size.width * size.height)
        let status = data.withUnsafeBytes { raw in
            pixels.withUnsafeMutableBytes { out in
                folio_jpeg_decode_scaled(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), Int32(denominator),
                                         out.bindMemory(to: UInt8.self).baseAddress,
                                         Int32(size.width), Int32(size.height), Int32(size.width * 4))
            }
        }
        guard status == 0 else { throw GraphicsError.image(path: path, reason: "the JPEG could not be decoded") }
        return (pixels, size.width, size.height)
    }

    /// `pixels` (Cairo ARGB32 or RGB24, `width` × `height`) resampled to `newWidth` ×
    /// `newHeight` with Cairo's good filter (area-averaging when shrinking).
    static func resample(_ pixels: [UInt32], width: Int, height: Int, alpha: Bool,
                         to newWidth: Int, _ newHeight: Int) -> [UInt32] {
        let format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24
        var source = pixels
        var out = [UInt32](repeating: 0, count: newWidth * newHeight)
        source.withUnsafeMutableBytes { src in
            out.withUnsafeMutableBytes { dst in
                let from = cairo_image_surface_create_for_data(src.bindMemory(to: UInt8.self).baseAddress, format,
                                                               Int32(width), Int32(height), Int32(width * 4))
                let to = cairo_image_surface_create_for_data(dst.bindMemory(to: UInt8.self).baseAddress, format,
                                                             Int32(newWidth), Int32(newHeight), Int32(newWidth * 4))
                let cr = cairo_create(to)
                cairo_scale(cr, Double(newWidth) / Double(width), Double(newHeight) / Double(height))
                cairo_set_source_surface(cr, from, 0, 0)
                cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
                cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
                cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
                cairo_paint(cr)
                cairo_destroy(cr)
                cairo_surface_flush(to)
                cairo_surface_destroy(to)
                cairo_surface_destroy(from)
            }
        }
        return out
    }

    /// RGB24 pixels encoded as a baseline JPEG (grey when `components` is 1).
    static func encodeJPEG(_ pixels: [UInt32], width: Int, height: Int, components: Int, quality: Int = 90) throws -> [UInt8] {
        var buffer = folio_buffer(data: nil, length: 0, capacity: 0)
        defer { folio_buffer_free(&buffer) }
        let status = pixels.withUnsafeBytes { raw in
            folio_jpeg_encode(raw.bindMemory(to: UInt8.self).baseAddress, Int32(width), Int32(height), Int32(width * 4),
                              Int32(components), Int32(quality), &buffer)
        }
        guard status == 0, let bytes = buffer.data else { throw GraphicsError.cairo(operation: "encode a resampled JPEG", status: "libjpeg failed") }
        return [UInt8](UnsafeBufferPointer(start: bytes, count: buffer.length))
    }
}
