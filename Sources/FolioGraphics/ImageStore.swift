import CPangoCairo
import Foundation

/// A decoded image as a Cairo surface, for drawing on a raster canvas (the PDF embeds
/// image files itself: `PDFImage`).
final class LoadedImage {
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

/// Loads image files once per writer and hands out their Cairo surfaces.
final class ImageStore {
    private var loaded: [String: LoadedImage] = [:]

    func surface(for path: String) throws -> LoadedImage {
        if let image = loaded[path] { return image }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphicsError.image(path: path, reason: "the file does not exist or cannot be read")
        }
        let info = try ImageInfo.read(data: data, path: path)
        let image: LoadedImage
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
            image = LoadedImage(surface: surface, width: info.width, height: info.height)
        case .jpeg:
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(info.width), Int32(info.height)) else {
                throw GraphicsError.image(path: path, reason: "out of memory")
            }
            // A size Cairo cannot hold (over 32767 px a side, or no memory) gives an error
            // surface without pixels: decoding into it would write through a null pointer.
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let pixels = cairo_image_surface_get_data(surface) else {
                let status = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
                cairo_surface_destroy(surface)
                throw GraphicsError.image(path: path, reason: "a \(info.width)×\(info.height) image cannot be held in memory (\(status))")
            }
            cairo_surface_flush(surface)
            let stride = cairo_image_surface_get_stride(surface)
            let ok = data.withUnsafeBytes { raw in
                folio_jpeg_decode(raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count),
                                  pixels, Int32(info.width), Int32(info.height), stride)
            }
            guard ok == 0 else {
                cairo_surface_destroy(surface)
                throw GraphicsError.image(path: path, reason: "the JPEG could not be decoded")
            }
            cairo_surface_mark_dirty(surface)
            image = LoadedImage(surface: surface, width: info.width, height: info.height)
        }
        loaded[path] = image
        return image
    }
}
