import CPangoCairo
import FolioCore
import Foundation

/// A decoded image as a Cairo surface, for drawing on a raster canvas (the PDF embeds
/// image files itself: `PDFImage`).
///
/// `@unchecked Sendable`: the owner of a C resource (the surface, released in `deinit`).
/// Its pixels are written once, while decoding, before the image is shared; afterwards
/// threads only read them, each through a surface of its own (`Canvas.draw`).
final class LoadedImage: @unchecked Sendable {
    let surface: OpaquePointer
    let width: Int
    let height: Int

    init(surface: OpaquePointer, width: Int, height: Int) {
        self.surface = surface
        self.width = width
        self.height = height
    }

    deinit {
        cairo_surface_destroy(surface)
    }
}

/// The kind and pixel size of an image file, read without decoding the pixels.
public struct ImageInfo: Hashable, Sendable {
    public enum Kind: String, Sendable { case jpeg, png }
    public var kind: Kind
    public var width: Int
    public var height: Int

    /// Reads the header of a JPEG or PNG file. Throws `GraphicsError.image` naming the
    /// file when it is missing, of another kind, or unreadable.
    public static func read(path: String) throws -> ImageInfo {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
        }
        return try read(data: data, path: path)
    }

    static func read(data: Data, path: String) throws -> ImageInfo {
        let bytes = [UInt8](data.prefix(32))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            var w: Int32 = 0, h: Int32 = 0, c: Int32 = 0
            let ok = data.withUnsafeBytes { raw in
                folio_jpeg_info(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &w, &h, &c)
            }
            guard ok == 0, w > 0, h > 0 else {
                throw GraphicsError.image(path: path, reason: "not a readable JPEG")
            }
            guard c == 1 || c == 3 else {
                throw GraphicsError.image(path: path, reason: "JPEG with \(c) colour components (CMYK?) is not supported; save it as RGB")
            }
            return ImageInfo(kind: .jpeg, width: Int(w), height: Int(h))
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count >= 24 {
            let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            guard w > 0, h > 0 else { throw GraphicsError.image(path: path, reason: "a PNG with no pixels") }
            return ImageInfo(kind: .png, width: w, height: h)
        }
        throw GraphicsError.image(path: path, reason: "not a JPEG or PNG file")
    }
}

/// Decoded images shared by the raster canvases of one `RenderResources` (the cards of a
/// build are drawn on several threads): each file is decoded once at the scale its largest
/// placement needs (a JPEG at 1/2, 1/4 or 1/8 when that still covers it), kept while the
/// file stays the same, and dropped least recently used beyond `budget` bytes.
///
/// Not a `Memo`: a lookup takes any decode of the file at least as fine as asked for, not
/// one key. `@unchecked Sendable`: its entries own C resources (Cairo surfaces in
/// `LoadedImage`); every access to them goes through `lock`, and a surface's pixels are
/// never written after decoding.
final class ImageStore: @unchecked Sendable {
    /// Decoded bytes kept beyond the images in use.
    let budget: Int
    private let lock = NSLock()
    private var entries: [String: [Entry]] = [:]
    private var tick = 0

    private struct Entry {
        var identity: String
        var info: ImageInfo
        var denominator: Int
        var image: LoadedImage
        var used: Int
    }

    init(budget: Int = 64 << 20) {
        self.budget = budget
    }

    /// The image at `path` decoded finely enough to cover `needed` device pixels (nil:
    /// full size). One decode at a time: a second caller for the same file waits and
    /// takes the first one's pixels.
    func surface(for path: String, covering needed: (width: Double, height: Double)? = nil) throws -> LoadedImage {
        lock.lock()
        defer { lock.unlock() }
        tick += 1
        let identity = FileIdentity(path: path)?.description ?? ""
        var list = (entries[path] ?? []).filter { $0.identity == identity && !identity.isEmpty }
        var data = Data()
        let info: ImageInfo
        if let known = list.first?.info {
            info = known
        } else {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
            }
            data = bytes
            info = try ImageInfo.read(data: data, path: path)
        }
        let wanted = info.kind == .jpeg && needed != nil
            ? ImageScale.denominator(width: info.width, height: info.height, covering: needed!) : 1
        // Any decode at least as fine as wanted will do; the coarsest of those costs least to draw.
        if let k = list.indices.filter({ list[$0].denominator <= wanted }).max(by: { list[$0].denominator < list[$1].denominator }) {
            list[k].used = tick
            entries[path] = list
            return list[k].image
        }
        if data.isEmpty {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
            }
            data = bytes
        }
        let image = try decode(data, path: path, info: info, denominator: wanted)
        list.append(Entry(identity: identity, info: info, denominator: wanted, image: image, used: tick))
        entries[path] = list
        evict()
        return image
    }

    /// The number of decodes held (for tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.values.reduce(0) { $0 + $1.count }
    }

    private func evict() {
        let all = entries.flatMap { path, list in list.map { (path, $0) } }.sorted { $0.1.used > $1.1.used }
        var total = 0
        var keep: [String: [Entry]] = [:]
        for (path, entry) in all {
            total += entry.image.width * entry.image.height * 4
            // The image just decoded stays, whatever its size.
            if total <= budget || entry.used == tick { keep[path, default: []].append(entry) }
        }
        entries = keep
    }

    private func decode(_ data: Data, path: String, info: ImageInfo, denominator: Int) throws -> LoadedImage {
        switch info.kind {
        case .png:
            // Cairo returns an error surface (never nil) on failure; it must still be destroyed.
            guard let surface = cairo_image_surface_create_from_png(path) else {
                throw GraphicsError.image(path: path, reason: "the PNG could not be decoded")
            }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(surface)
                throw GraphicsError.image(path: path, reason: "the PNG could not be decoded")
            }
            return LoadedImage(surface: surface, width: info.width, height: info.height)
        case .jpeg:
            let size = ImageScale.decodedSize(width: info.width, height: info.height, denominator: denominator)
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height)) else {
                throw GraphicsError.image(path: path, reason: "out of memory")
            }
            // A size Cairo cannot hold (over 32767 px a side, or no memory) gives an error
            // surface without pixels: decoding into it would write through a null pointer.
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let pixels = cairo_image_surface_get_data(surface) else {
                let status = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
                cairo_surface_destroy(surface)
                throw GraphicsError.image(path: path, reason: "a \(size.width)×\(size.height) image cannot be held in memory (\(status))")
            }
            cairo_surface_flush(surface)
            let stride = cairo_image_surface_get_stride(surface)
            let ok = data.withUnsafeBytes { raw in
                folio_jpeg_decode_scaled(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), Int32(denominator),
                                         pixels, Int32(size.width), Int32(size.height), stride)
            }
            guard ok == 0 else {
                cairo_surface_destroy(surface)
                throw GraphicsError.image(path: path, reason: "the JPEG could not be decoded")
            }
            cairo_surface_mark_dirty(surface)
            return LoadedImage(surface: surface, width: size.width, height: size.height)
        }
    }
}
