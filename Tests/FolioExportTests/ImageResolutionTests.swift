import FolioCore
@testable import FolioExport
@testable import FolioGraphics
import FolioTestSupport
import Foundation
import Testing

/// Images cost what they need: decoded no finer than their placement needs, the screen
/// file at about 200 ppi, the print file at 300 ppi or more.
@Suite("Image resolution")
struct ImageResolutionTests {
    /// A `width` × `height` JPEG of gradients (plus a little noise when `noisy`), written to a
    /// temporary file.
    static func jpeg(_ name: String, width: Int, height: Int, noisy: Bool = false) throws -> String {
        var pixels = [UInt32](repeating: 0, count: width * height)
        var seed: UInt32 = 12345
        for y in 0..<height {
            for x in 0..<width {
                var r = x * 255 / width, g = y * 255 / height, b = (x + y) * 255 / (width + height)
                if noisy {
                    seed = seed &* 1_664_525 &+ 1_013_904_223
                    let n = Int(seed >> 28) - 8
                    r = min(max(r + n, 0), 255); g = min(max(g + n, 0), 255); b = min(max(b + n, 0), 255)
                }
                pixels[y * width + x] = 0xff00_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
            }
        }
        let bytes = try ImageScale.encodeJPEG(pixels, width: width, height: height, components: 3)
        let path = (TestSupport.temporaryDirectory("image-resolution") as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A one-page document showing the image at `path` in a `width` × `height` pt frame.
    static func document(_ path: String, width: Double, height: Double) -> Document {
        let frame = Rect(x: 72, y: 72, width: width, height: height)
        let page = Page(size: Size(width: 595, height: 842), items: [.image(ImageItem(path: path, frame: frame, clip: frame))])
        return Document(info: DocumentInfo(title: "图像", author: "Folio", creationDate: "2024-01-01T00:00:00Z"), pages: [page])
    }

    /// `pdfimages -list` rows as (width, height, encoding, x-ppi, y-ppi).
    static func images(_ pdf: String) throws -> [(width: Int, height: Int, encoding: String, xppi: Int, yppi: Int)] {
        try TestSupport.run("pdfimages", ["-list", pdf]).stdout.split(separator: "\n").dropFirst(2).map { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (Int(f[3])!, Int(f[4])!, f[8], Int(f[12])!, Int(f[13])!)
        }
    }

    @Test("the decode scale is the smallest libjpeg scale that still covers the placement in device pixels")
    func decodeScale() {
        // 6000×4000: 1/2 = 3000×2000, 1/4 = 1500×1000, 1/8 = 750×500.
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (700, 400)) == 8)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (750, 500)) == 8)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (751, 500)) == 4)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (1080, 1000)) == 4)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (1080, 1350)) == 2)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (3001, 10)) == 1)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: (9000, 9000)) == 1)
        // A screen placement of 6 in at 200 ppi needs 1200 px: 1/4 (1500) covers it, 1/8 does not.
        let needed = ImageScale.pixels(for: (432, 288), ppi: 200)
        #expect(ImageScale.denominator(width: 6000, height: 4000, covering: needed) == 4)
    }

    @Test("the store decodes a file once per scale and reuses a finer decode for a smaller placement")
    func storeSharesDecodes() throws {
        let path = try Self.jpeg("store.jpg", width: 1600, height: 1200)
        let store = ImageStore()
        let small = try store.surface(for: path, covering: (190, 140))
        #expect(small.width == 200 && small.height == 150)
        let large = try store.surface(for: path, covering: (700, 500))
        #expect(large.width == 800 && large.height == 600)
        #expect(store.count == 2)
        // Smaller than the 1/2 decode but more than 1/8: the 1/2 decode serves, no new decode.
        let middle = try store.surface(for: path, covering: (350, 250))
        #expect(middle === large)
        #expect(store.count == 2)
        #expect(try store.surface(for: path).width == 1600)
    }

    @Test("a large JPEG is resampled to about 200 ppi at its placed size in the screen PDF, still DCT")
    func screenResampled() throws {
        let path = try Self.jpeg("large.jpg", width: 3000, height: 2000, noisy: true)
        let data = try PDFExporter().export(Self.document(path, width: 288, height: 192))
        let pdf = try PrintFixtures.write(data, "resampled.pdf")
        let rows = try Self.images(pdf)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.encoding == "jpeg")
        #expect(row.width < 3000)
        #expect(row.xppi >= 190 && row.xppi <= 210 && row.yppi >= 190 && row.yppi <= 210, "\(rows)")
        #expect(data.count < 1_000_000)
    }

    @Test("an image at or below 200 ppi at its placed size goes into the screen PDF unchanged")
    func smallPassesThrough() throws {
        let path = TestSupport.path("Tests/Fixtures/with-images/images/harbour.jpg") // 480×320
        let pdf = try PrintFixtures.write(try PDFExporter().export(Self.document(path, width: 288, height: 192)), "small.pdf")
        let rows = try Self.images(pdf)
        #expect(rows.first?.width == 480 && rows.first?.height == 320)
        let out = TestSupport.temporaryDirectory("small-out")
        _ = try TestSupport.run("pdfimages", ["-j", pdf, (out as NSString).appendingPathComponent("img")])
        let extracted = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".jpg") }
        #expect(extracted.count == 1)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try extracted.allSatisfy { try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent($0))) == original })
    }

    @Test("the print PDF keeps at least 300 ppi at the placed size when the source has it")
    func printKeeps300() throws {
        let path = try Self.jpeg("print.jpg", width: 3000, height: 2000)
        let data = try PDFExporter().export(Self.document(path, width: 288, height: 192), options: PrintFixtures.printOptions())
        let rows = try Self.images(try PrintFixtures.write(data, "print-resolution.pdf"))
        let row = try #require(rows.first)
        #expect(row.xppi >= 300 && row.yppi >= 300, "\(rows)")
        // Decoded at 1/2 (375 ppi), not at full size (750 ppi).
        #expect(row.width == 1500 && row.height == 1000, "\(rows)")
    }

    @Test("a card drawn from a reduced decode shows the image at the same size and place")
    func cardFromReducedDecode() throws {
        let path = try Self.jpeg("card.jpg", width: 2400, height: 1600)
        let frame = Rect(x: 20, y: 30, width: 120, height: 80)
        let page = Page(size: Size(width: 200, height: 150), items: [.image(ImageItem(path: path, frame: frame, clip: frame))])
        let scale = 2.0
        let resources = RenderResources()
        let image = try PNGExporter(resources: resources).render(page, scale: scale, background: .white)
        // 240×160 device pixels: the decode used is 1/8 (300×200), not 2400×1600.
        #expect(resources.images.count == 1)
        let used = try resources.images.surface(for: path, covering: (240, 160))
        #expect(used.width == 300 && used.height == 200)
        // Outside the frame: background; inside: the gradient at the matching place.
        #expect(image.pixel(x: 30, y: 50) & 0xffffff == 0xffffff)
        #expect(image.pixel(x: 290, y: 50) & 0xffffff == 0xffffff)
        #expect(image.pixel(x: 100, y: 55) & 0xffffff == 0xffffff)
        for (fx, fy) in [(0.1, 0.1), (0.5, 0.5), (0.9, 0.2), (0.3, 0.9)] {
            let x = Int((frame.x + fx * frame.width) * scale), y = Int((frame.y + fy * frame.height) * scale)
            let p = image.pixel(x: x, y: y)
            let r = Int(p >> 16 & 0xff), g = Int(p >> 8 & 0xff)
            #expect(abs(r - Int(fx * 255)) <= 8 && abs(g - Int(fy * 255)) <= 8, "at \(fx), \(fy): \(String(p, radix: 16))")
        }
    }
}

extension ImageResolutionTests {
    @Test("the store is bounded: beyond its budget the least recently used decode is dropped")
    func storeBounded() throws {
        let first = try Self.jpeg("bounded-1.jpg", width: 400, height: 300)
        let second = try Self.jpeg("bounded-2.jpg", width: 400, height: 300)
        let store = ImageStore(budget: 400 * 300 * 4 + 1)
        _ = try store.surface(for: first)
        #expect(store.count == 1)
        _ = try store.surface(for: second)
        #expect(store.count == 1)
        // The first is decoded again (a new decode, not the dropped one).
        let again = try store.surface(for: first)
        #expect(again.width == 400)
        #expect(store.count == 1)
    }
}
