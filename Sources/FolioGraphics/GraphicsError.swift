/// A failure in the graphics layer, worded for the person running Folio.
public enum GraphicsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The font configuration could not be loaded.
    case fontConfig(path: String, reason: String)
    /// A font family a layout asks for is not in Folio's font set.
    case missingFontFamily(family: String, available: [String])
    /// Cairo reported an error status.
    case cairo(operation: String, status: String)
    /// An image file could not be read or decoded.
    case image(path: String, reason: String)
    /// PNG encoding failed.
    case pngEncoding(reason: String)
    /// A face cannot be embedded in a PDF.
    case fontEmbedding(path: String, reason: String)
    /// The font file a glyph run names cannot be opened (missing, changed, unreadable).
    case font(path: String, reason: String)

    public var description: String {
        switch self {
        case .fontConfig(let path, let reason):
            return "cannot load the font configuration \(path): \(reason)"
        case .missingFontFamily(let family, let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "font family '\(family)' is not in Folio's font set (Fonts/fonts.conf); "
                + "install it (Noto CJK: apt-get install fonts-noto-cjk) or drop its files into Fonts/. "
                + "Families available: \(list)"
        case .cairo(let operation, let status):
            return "cairo failed to \(operation): \(status)"
        case .image(let path, let reason):
            return "cannot read image \(path): \(reason)"
        case .pngEncoding(let reason):
            return "cannot encode PNG: \(reason)"
        case .fontEmbedding(let path, let reason):
            return "cannot embed the font \(path) in the PDF: \(reason)"
        case .font(let path, let reason):
            return "cannot draw with the font \(path): \(reason)"
        }
    }
}
