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
/// placement needs (a JPEG at 1/2, 1/4 or 1/8 when that still covers it).
///
/// Two `Memo`s, keyed by the file's path and identity (an edited file is a new key): the
/// decodes, also by scale, their cost their bytes (least recently used dropped beyond
/// `budget`); and the files' headers. A lookup takes the coarsest decode at least as fine
/// as asked for: it asks for the wanted scale, then each finer one. A file whose identity
/// cannot be read is decoded and not kept.
///
/// `@unchecked Sendable`: the memos are thread-safe; `decoding` serialises decodes so that
/// a second caller for a file waits for the first one's pixels instead of decoding it again
/// (the `LoadedImage`s own C resources, and a surface's pixels are never written after
/// decoding).
final class ImageStore: @unchecked Sendable {
    /// Decoded bytes kept beyond the images in use.
    let budget: Int
    private let decodes: Memo<DecodeKey, LoadedImage>
    private let headers = Memo<FileKey, ImageInfo>(budget: 256)
    private let decoding = NSLock()

    private struct DecodeKey: Hashable, Sendable {
        var file: FileKey
        /// 1, 2, 4 or 8: the decode's scale is 1 / denominator.
        var denominator: Int
    }

    init(budget: Int = 64 << 20) {
        self.budget = budget
        decodes = Memo(budget: budget)
    }

    /// The image at `path` decoded finely enough to cover `needed` device pixels (nil:
    /// full size). One decode at a time: a second caller for the same file waits and
    /// takes the first one's pixels.
    func surface(for path: String, covering needed: (width: Double, height: Double)? = nil) throws -> LoadedImage {
        decoding.lock()
        defer { decoding.unlock() }
        let file = FileKey(path: path)
        var data: Data?
        func bytes() throws -> Data {
            if let data { return data }
            guard let read = FileManager.default.contents(atPath: path) else {
                throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
            }
            data = read
            return read
        }
        let kept = file.identity != nil
        let info = try kept ? headers.value(for: file) { try ImageInfo.read(data: bytes(), path: path) }
            : ImageInfo.read(data: bytes(), path: path)
        let wanted = info.kind == .jpeg && needed != nil
            ? ImageScale.denominator(width: info.width, height: info.height, covering: needed!) : 1
        guard kept else { return try decode(bytes(), path: path, info: info, denominator: wanted) }
        // Any decode at least as fine as wanted will do; the coarsest of those costs least to draw.
        var denominator = wanted
        while denominator >= 1 {
            if let hit = decodes.value(for: DecodeKey(file: file, denominator: denominator)) { return hit }
            denominator /= 2
        }
        let image = try decode(bytes(), path: path, info: info, denominator: wanted)
        decodes.store(image, for: DecodeKey(file: file, denominator: wanted), cost: image.width * image.height * 4)
        return image
    }

    /// The number of decodes held (for tests).
    var count: Int { decodes.count }

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
