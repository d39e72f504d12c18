import FolioGraphics

/// Image headers through the graphics module (which owns the C decoders).
enum FolioGraphicsImageInfo {
    static func read(_ path: String) throws -> ImageInfo {
        try ImageInfo.read(path: path)
    }
}
