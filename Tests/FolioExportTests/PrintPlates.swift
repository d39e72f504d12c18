@testable import FolioPreflight
import FolioTestSupport
import Foundation

/// One printing plate of a page as Ghostscript's `tiffsep` device separates it.
struct Plate {
    var width: Int
    var height: Int
    /// 255 = no ink, 0 = solid.
    var samples: [UInt8]

    /// Ink at a pixel, 0…255.
    func ink(_ x: Int, _ y: Int) -> Int { 255 - Int(samples[y * width + x]) }

    /// Whether any pixel of the rectangle (in pixels) carries ink.
    func inked(x: ClosedRange<Int>, y: ClosedRange<Int>) -> Bool {
        for yy in y.clamped(to: 0...(height - 1)) {
            for xx in x.clamped(to: 0...(width - 1)) where samples[yy * width + xx] < 255 { return true }
        }
        return false
    }
}

enum Plates {
    /// Every page's plates by name ("Cyan", "Magenta", "Yellow", "Black", spot names), the
    /// whole MediaBox at `dpi`.
    static func render(_ path: String, dpi: Int, pages: ClosedRange<Int>? = nil) throws -> [Int: [String: Plate]] {
        let dir = (PrintFixtures.directory as NSString).appendingPathComponent("plates-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var arguments = ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r\(dpi)", "-sCompression=none"]
        if let pages { arguments += ["-dFirstPage=\(pages.lowerBound)", "-dLastPage=\(pages.upperBound)"] }
        let result = try TestSupport.run("gs", arguments + ["-o", (dir as NSString).appendingPathComponent("p%04d.tif"), path])
        guard result.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        var plates: [Int: [String: Plate]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: dir) where file.contains("(") && file.hasSuffix(").tif") {
            guard let number = Int(file.dropFirst(1).prefix(4)),
                  let data = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(file)),
                  let tiff = TIFFGrey(data) else { continue }
            let name = String(file.dropFirst(6).dropLast(5))
            let page = number + (pages?.lowerBound ?? 1) - 1
            plates[page, default: [:]][name] = Plate(width: tiff.width, height: tiff.height, samples: tiff.samples)
        }
        return plates
    }
}
