import FolioGraphics
import FolioModel

/// Reads the header of every image a report uses, so that a file that is named `.jpg`
/// but cannot be decoded, or is too large to draw, is reported where the report names it
/// instead of failing half-way through a build.
struct ImageCheck {
    /// Cairo draws images of at most this many pixels a side.
    static let maxSide = 32_767
    /// Images of more pixels than this are refused before they are decoded (a 20000×20000
    /// JPEG of a few MB would decode to 1.6 GB): 100 megapixels, four times a 24 MP photo.
    static let maxPixels = 100_000_000

    func check(_ report: Report) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ image: ImageRef?, owner: String, location: SourceLocation?) {
            guard let image else { return }
            do {
                let info = try ImageInfo.read(path: image.absolutePath)
                if info.width > Self.maxSide || info.height > Self.maxSide {
                    out.append(.error("bad-image", at: location,
                                      "\(owner): the image \(Quoting.code(image.path)) is \(info.width)×\(info.height) pixels; the limit is \(Self.maxSide) a side",
                                      hint: "scale it down; 4000 pixels a side is plenty for print"))
                } else if info.width * info.height > Self.maxPixels {
                    out.append(.error("bad-image", at: location,
                                      "\(owner): the image \(Quoting.code(image.path)) is \(info.width)×\(info.height) pixels (\(info.width * info.height / 1_000_000) megapixels); the limit is \(Self.maxPixels / 1_000_000) megapixels",
                                      hint: "scale it down before adding it: 6000×4000 (24 megapixels) is plenty for a full A4 page in print"))
                }
            } catch GraphicsError.image(_, let reason) {
                out.append(.error("bad-image", at: location, "\(owner): the image \(Quoting.code(image.path)) cannot be used: \(reason)",
                                  hint: "open it in an image editor and export it again as JPEG (RGB) or PNG"))
            } catch {
                out.append(.error("bad-image", at: location, "\(owner): the image \(Quoting.code(image.path)) cannot be used: \(error)",
                                  hint: "open it in an image editor and export it again as JPEG (RGB) or PNG"))
            }
        }
        check(report.cover, owner: "the report", location: report.locations["cover"])
        for e in report.events {
            check(e.image, owner: e.label, location: e.fieldLocations["image"])
        }
        return out
    }
}
