import CPangoCairo
import FolioCore
import Foundation

/// An image file's pixels converted for the print file: CMYK samples through the output
/// profile (a grey JPEG stays grey, which prints on the black plate), deflated, with the
/// alpha plane of a PNG as a soft mask.
public struct PrintImage: Sendable {
    public let width: Int
    public let height: Int
    /// 4 (CMYK) or 1 (grey).
    public let components: Int
    /// The samples, zlib-compressed.
    public let samples: [UInt8]
    /// The 8-bit alpha plane, zlib-compressed; nil when every pixel is opaque.
    public let alpha: [UInt8]?

    /// Pixels per inch the print file's images keep at least, at their placed size.
    public static let minimumPPI = 300.0

    /// The image at `path` converted through `profile`. With `placed` (its largest
    /// placement, in points), a JPEG is decoded at 1/2, 1/4 or 1/8 when that still gives
    /// `minimumPPI` at that size.
    public static func load(path: String, profile: CMYKProfile, placed: Size? = nil) throws -> PrintImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
        }
        let info = try ImageInfo.read(data: data, path: path)
        switch info.kind {
        case .jpeg:
            var w: Int32 = 0, h: Int32 = 0, c: Int32 = 0
            let status = data.withUnsafeBytes { raw in
                folio_jpeg_info(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &w, &h, &c)
            }
            guard status == 0 else { throw GraphicsError.image(path: path, reason: "not a readable JPEG") }
            let d = placed.map {
                ImageScale.denominator(width: info.width, height: info.height,
                                       covering: ImageScale.pixels(for: ($0.width, $0.height), ppi: minimumPPI))
            } ?? 1
            let decoded: (pixels: [UInt32], width: Int, height: Int)
            do {
                decoded = try ImageScale.decodeJPEG(data, path: path, info: info, denominator: d)
            } catch {
                throw GraphicsError.image(path: path, reason: "not a readable JPEG")
            }
            let pixels = decoded.pixels, width = decoded.width, height = decoded.height
            if c == 1 {
                let grey = pixels.map { UInt8(truncatingIfNeeded: $0) }
                return PrintImage(width: width, height: height, components: 1, samples: Deflate.zlib(grey), alpha: nil)
            }
            return convert(pixels, width: width, height: height, profile: profile)
        case .png:
            let decoded = try DecodedImage.png(path: path)
            return convert(decoded.pixels, width: decoded.width, height: decoded.height, profile: profile)
        }
    }

    /// ARGB32 pixels (premultiplied) → CMYK samples and, when any pixel is translucent, alpha.
    private static func convert(_ pixels: [UInt32], width: Int, height: Int, profile: CMYKProfile) -> PrintImage {
        var rgb = [UInt8](repeating: 0, count: pixels.count * 3)
        var alpha = [UInt8](repeating: 255, count: pixels.count)
        var opaque = true
        for (i, p) in pixels.enumerated() {
            let a = p >> 24
            var r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff
            if a != 255 {
                opaque = false
                if a != 0 { r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a }
            }
            rgb[3 * i] = UInt8(min(r, 255)); rgb[3 * i + 1] = UInt8(min(g, 255)); rgb[3 * i + 2] = UInt8(min(b, 255))
            alpha[i] = UInt8(a)
        }
        let cmyk = profile.cmykSamples(rgb: rgb)
        return PrintImage(width: width, height: height, components: 4, samples: Deflate.zlib(cmyk),
                          alpha: opaque ? nil : Deflate.zlib(alpha))
    }
}
