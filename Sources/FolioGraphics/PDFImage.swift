import CPangoCairo
import FolioCore
import Foundation

/// An image file's pixels as a PDF image XObject takes them: a JPEG's own bytes
/// (DCTDecode, never re-encoded), or a PNG's colour and alpha planes deflated.
public struct PDFImage: Sendable {
    public enum Encoding: Sendable {
        /// The JPEG file's bytes; `components` 1 (grey) or 3 (RGB).
        case jpeg(bytes: [UInt8], components: Int)
        /// 8-bit RGB samples, zlib-compressed; `alpha` the 8-bit alpha plane compressed,
        /// nil when every pixel is opaque.
        case flate(rgb: [UInt8], alpha: [UInt8]?)
    }

    public let width: Int
    public let height: Int
    public let encoding: Encoding

    /// The bytes the image holds (what a memo counts it as).
    public var byteCount: Int {
        switch encoding {
        case .jpeg(let bytes, _): return bytes.count
        case .flate(let rgb, let alpha): return rgb.count + (alpha?.count ?? 0)
        }
    }

    /// Pixels per inch the screen file's images are resampled to at their placed size.
    public static let screenPPI = 200.0

    /// The pixel size the screen file resamples `original` to, where its largest placement
    /// is `placed` points: about `screenPPI` at that size when the file is finer (a JPEG
    /// decoded at 1/2, 1/4 or 1/8 first when that still covers it, then encoded again as
    /// JPEG); nil when the file's own pixels are kept (within a tenth of the target, they
    /// are not re-encoded). `RenderResources.screenImage` makes and keeps the result.
    static func screenSize(of original: PDFImage, placed: Size) -> (width: Int, height: Int)? {
        let needed = ImageScale.pixels(for: (placed.width, placed.height), ppi: screenPPI)
        let width = min(original.width, max(1, Int(needed.width.rounded(.up))))
        let height = min(original.height, max(1, Int(needed.height.rounded(.up))))
        if Double(original.width) <= Double(width) * 1.1 && Double(original.height) <= Double(height) * 1.1 {
            return nil
        }
        return (width, height)
    }

    static func resampled(path: String, original: PDFImage, width: Int, height: Int) throws -> PDFImage {
        switch original.encoding {
        case .jpeg(let bytes, let components):
            let data = Data(bytes)
            let info = try ImageInfo.read(data: data, path: path)
            let d = ImageScale.denominator(width: info.width, height: info.height, covering: (Double(width), Double(height)))
            let decoded = try ImageScale.decodeJPEG(data, path: path, info: info, denominator: d)
            let pixels = ImageScale.resample(decoded.pixels, width: decoded.width, height: decoded.height, alpha: false,
                                             to: width, height)
            let jpeg = try ImageScale.encodeJPEG(pixels, width: width, height: height, components: components)
            return PDFImage(width: width, height: height, encoding: .jpeg(bytes: jpeg, components: components))
        case .flate:
            let decoded = try DecodedImage.png(path: path)
            let pixels = ImageScale.resample(decoded.pixels, width: decoded.width, height: decoded.height, alpha: true,
                                             to: width, height)
            return flate(pixels, width: width, height: height)
        }
    }

    /// The image at `path` read from the file.
    static func read(path: String) throws -> PDFImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
        }
        let info = try ImageInfo.read(data: data, path: path)
        switch info.kind {
        case .jpeg:
            var w: Int32 = 0, h: Int32 = 0, c: Int32 = 0
            _ = data.withUnsafeBytes { raw in
                folio_jpeg_info(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &w, &h, &c)
            }
            return PDFImage(width: info.width, height: info.height, encoding: .jpeg(bytes: [UInt8](data), components: Int(c)))
        case .png:
            let decoded = try DecodedImage.png(path: path)
            return flate(decoded.pixels, width: decoded.width, height: decoded.height)
        }
    }

    /// Premultiplied ARGB32 pixels as deflated RGB and, when any pixel is translucent, alpha.
    private static func flate(_ pixels: [UInt32], width: Int, height: Int) -> PDFImage {
        let count = width * height
        var rgb = [UInt8](repeating: 0, count: count * 3)
        var alpha = [UInt8](repeating: 255, count: count)
        var opaque = true
        for (i, p) in pixels.enumerated() {
            let a = p >> 24
            var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
            if a != 255 {
                opaque = false
                if a != 0 {
                    r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a
                }
            }
            rgb[3 * i] = UInt8(min(r, 255)); rgb[3 * i + 1] = UInt8(min(g, 255)); rgb[3 * i + 2] = UInt8(min(b, 255))
            alpha[i] = UInt8(a)
        }
        return PDFImage(width: width, height: height,
                        encoding: .flate(rgb: Deflate.zlib(rgb), alpha: opaque ? nil : Deflate.zlib(alpha)))
    }
}
