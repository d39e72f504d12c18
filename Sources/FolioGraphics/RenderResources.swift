import FolioCore
import Foundation

/// What the exporters open and make from files, kept between exports: font faces as the
/// PDF writer reads them, Cairo fonts the raster canvas draws with, decoded images, image
/// XObjects, colour converters and subset font programs. An explicit owner instead of
/// process-wide statics: the builder makes one and hands it to every exporter of every
/// build (a watching process keeps it, so a rebuild reads nothing twice); an exporter made
/// without one gets its own.
///
/// Every memo is a `Memo` keyed by everything its value depends on; font handles
/// (`FontRef`) and file keys carry the file's identity, so an edited file is a new key
/// and nothing here is ever invalidated by hand.
public final class RenderResources: Sendable {
    /// Faces read with HarfBuzz for the PDF writer, by handle.
    let pdfFaces = Memo<FontRef, PDFFace>(budget: 32)
    /// Cairo scaled fonts for the raster canvas, by handle and size.
    let scaledFonts = Memo<ScaledFontKey, ScaledFont>(budget: 256)
    /// Image files as PDF image XObjects (the file's pixels, or resampled for the screen
    /// file), by file, identity and resampled size; cost: their bytes.
    let pdfImages = Memo<ImageKey, PDFImage>(budget: 256 << 20)
    /// Colour converters by ICC profile file.
    let converters = Memo<FileKey, PrintColorConverter>(budget: 8)
    /// Decoded images for the raster canvas.
    let images: ImageStore
    /// Subset font programs by face, glyph set and padding (the PDF writer's).
    public let fontPrograms = Memo<GlyphSetKey, PDFFontProgram>(budget: 24)
    /// Compressed ToUnicode maps by face, glyph set and fallback texts (the PDF writer's).
    public let toUnicodeMaps = Memo<GlyphSetKey, [UInt8]>(budget: 24)

    /// Resources with `imageBudget` bytes of decoded images kept for raster canvases.
    public init(imageBudget: Int = 64 << 20) {
        images = ImageStore(budget: imageBudget)
    }

    /// The face a handle names, read once (throws when the file is missing, changed since
    /// the handle was made, or not a font HarfBuzz can read).
    public func pdfFace(_ ref: FontRef) throws -> PDFFace {
        try pdfFaces.value(for: ref) { try PDFFace(ref) }
    }

    /// The image at `path` as a PDF image XObject takes it, read once while the file stays the same.
    public func pdfImage(path: String) throws -> PDFImage {
        let key = ImageKey(file: FileKey(path: path), width: 0, height: 0)
        if key.file.identity == nil { return try PDFImage.read(path: path) }
        return try pdfImages.value(for: key, cost: \.byteCount) { try PDFImage.read(path: path) }
    }

    /// The image at `path` for the screen file, where its largest placement is `placed`
    /// points (see `PDFImage.screen`).
    public func screenImage(path: String, placed: Size) throws -> PDFImage {
        let original = try pdfImage(path: path)
        guard let size = PDFImage.screenSize(of: original, placed: placed) else { return original }
        let key = ImageKey(file: FileKey(path: path), width: size.width, height: size.height)
        if key.file.identity == nil { return try PDFImage.resampled(path: path, original: original, width: size.width, height: size.height) }
        return try pdfImages.value(for: key, cost: \.byteCount) {
            try PDFImage.resampled(path: path, original: original, width: size.width, height: size.height)
        }
    }

    /// The converter for the ICC profile at `profilePath`, opened once while the file
    /// stays the same; nil when it is missing or not a CMYK profile.
    public func converter(profilePath: String) -> PrintColorConverter? {
        let key = FileKey(path: profilePath)
        if let hit = converters.value(for: key) { return hit }
        guard key.identity != nil, let profile = CMYKProfile(path: profilePath) else { return nil }
        let made = PrintColorConverter(profile: profile)
        converters.store(made, for: key)
        return made
    }
}

/// A file as a memo key: its path and its identity when read (nil: unreadable).
public struct FileKey: Hashable, Sendable {
    public var path: String
    public var identity: FileIdentity?

    public init(path: String) {
        self.path = path
        self.identity = FileIdentity(path: path)
    }
}

/// An image file at a pixel size (0 × 0: the file's own).
struct ImageKey: Hashable, Sendable {
    var file: FileKey
    var width: Int
    var height: Int
}

/// A face's glyph set, with what else a font program or map made from it depends on.
public struct GlyphSetKey: Hashable, Sendable {
    public var ref: FontRef
    public var glyphs: Set<UInt32>
    /// Font units added to every advance (a padded face), 0 for none.
    public var pad: Int
    /// Texts of glyphs the character map does not reach (ToUnicode maps).
    public var fallback: [UInt32: String]

    public init(ref: FontRef, glyphs: Set<UInt32>, pad: Int = 0, fallback: [UInt32: String] = [:]) {
        self.ref = ref
        self.glyphs = glyphs
        self.pad = pad
        self.fallback = fallback
    }
}
