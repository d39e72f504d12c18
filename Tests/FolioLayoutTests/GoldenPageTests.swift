import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioTestSupport
import Foundation
import Testing

/// A few pages rendered small and compared with committed images, to guard the look.
/// On a mismatch the actual image and a difference image are written next to the build
/// (`.build/golden-failures/`) for a person to see. `FOLIO_UPDATE_GOLDEN=1 swift test`
/// rewrites the committed images after an intended change of design.
@Suite("Golden pages")
struct GoldenPageTests {
    static let scale = 0.25
    static let directory = TestSupport.path("Tests/FolioLayoutTests/Golden")

    static let pages: [(name: String, layout: String, role: String, nth: Int)] = [
        ("brochure-cover", "brochure", "cover", 0),
        ("brochure-contents", "brochure", "contents", 0),
        ("brochure-event-01", "brochure", "event", 0),
        ("brochure-16k-cover", "brochure-16k", "cover", 0),
        ("brochure-16k-event-01", "brochure-16k", "event", 0),
    ]

    @Test("pages look as approved", arguments: pages.map(\.name))
    func golden(name: String) throws {
        let entry = Self.pages.first { $0.name == name }!
        let document = try LayoutTestSupport.document(TestSupport.defaultReport, layout: entry.layout)
        let page = document.pages.filter { $0.role == entry.role }[entry.nth]
        let png = try PNGExporter().export(page, scale: Self.scale)
        let path = (Self.directory as NSString).appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: png)
            return
        }
        let expected = try DecodedImage.png(path: path)
        let actual = try DecodedImage.png(data: png)
        #expect(actual.width == expected.width && actual.height == expected.height)
        guard actual.width == expected.width && actual.height == expected.height else { return }
        var worst = 0
        var differing = 0
        var diff = [UInt8]()
        diff.reserveCapacity(actual.pixels.count)
        for (a, e) in zip(actual.pixels, expected.pixels) {
            var d = 0
            for shift in [0, 8, 16] {
                d = max(d, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((e >> UInt32(shift)) & 0xFF)))
            }
            worst = max(worst, d)
            if d > 24 { differing += 1 }
            diff.append(UInt8(min(255, d * 4)))
        }
        // Anti-aliasing may move by a shade; a changed layout moves many pixels a lot.
        let fraction = Double(differing) / Double(actual.pixels.count)
        if fraction > 0.002 {
            let out = TestSupport.path(".build/golden-failures")
            try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: "\(out)/\(name)-actual.png", contents: png)
            FileManager.default.createFile(atPath: "\(out)/\(name)-diff.pgm",
                                           contents: Data("P5 \(actual.width) \(actual.height) 255\n".utf8) + Data(diff))
        }
        #expect(fraction <= 0.002, "\(name): \(differing) pixels (\(String(format: "%.2f", fraction * 100))%) differ by more than 24 levels; see .build/golden-failures/")
    }
}
