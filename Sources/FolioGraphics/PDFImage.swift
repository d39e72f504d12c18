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

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: (identity: String, image: PDFImage)] = [:]

    /// The image at `path`, read once per process while the file stays the same.
    public static func load(path: String) throws -> PDFImage {
        let identity = FileIdentity(path: path)?.description ?? ""
        lock.lock()
        if let hit = loaded[path], hit.identity == identity, !identity.isEmpty {
            lock.unlock()
            return hit.image
        }
        lock.unlock()
        let image = try read(path: path)
        lock.lock()
        loaded[path] = (identity, image)
        lock.unlock()
        return image
    }

    private static func read(path: String) throws -> PDFImage {
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
            let count = decoded.width * decoded.height
            var rgb = [UInt8](repeating: 0, count: count * 3)
            var alpha = [UInt8](repeating: 255, count: count)
            var opaque = true
            for (i, p) in decoded.pixels.enumerated() {
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
            return PDFImage(width: decoded.width, height: decoded.height,
                            encoding: .flate(rgb: Deflate.zlib(rgb), alpha: opaque ? nil : Deflate.zlib(alpha)))
        }
    }
}
