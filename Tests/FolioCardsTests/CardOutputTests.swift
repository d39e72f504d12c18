import FolioBuild
import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// What a build writes for the cards: files per preset at the right pixel size, the
/// contact sheet, and PNGs that decode to the pixels drawn.
@Suite("Card output", .serialized)
struct CardOutputTests {
    /// Width and height from a PNG's IHDR, and its colour type.
    static func header(_ path: String) throws -> (width: Int, height: Int, colorType: UInt8) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(26))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return (w, h, bytes[25])
    }

    static func build(_ presets: [String]?, scale: Double = 1, report: String = "Reports/ningbo-2022") async throws -> String {
        let out = TestSupport.temporaryDirectory("cards")
        _ = try await Builder(resources: Resources(root: TestSupport.root))
            .build(BuildOptions(reportDirectory: TestSupport.path(report), outputDirectory: out, cardPresets: presets,
                                scale: scale, brochure: false))
        return out
    }

    @Test("all five presets by default, DIR/cards/<preset>/NN-<id>.png at their exact sizes")
    func defaultPresets() async throws {
        let out = try await Self.build(nil)
        for preset in Cards.presets {
            let size = try #require(Cards.sizes[preset])
            for event in TestSupport.defaultReport.events {
                let path = "\(out)/cards/\(preset)/\(String(format: "%02d-%@.png", event.rank, event.id))"
                let h = try Self.header(path)
                #expect(h.width == Int(size.width) && h.height == Int(size.height), "\(path)")
                #expect(h.colorType == 2, "cards are opaque: RGB without alpha")
            }
        }
    }

    @Test("the report's cards: chooses the presets, and --cards overrides it")
    func reportChoosesPresets() async throws {
        let dir = TestSupport.temporaryDirectory("report")
        let yaml = try String(contentsOfFile: TestSupport.path("Reports/ningbo-2022/report.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "\nlayout: brochure\n", with: "\nlayout: brochure\ncards: [square, wechat-cover]\n")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: "\(dir)/report.yaml"))
        func presets(_ chosen: [String]?) async throws -> Set<String> {
            let out = TestSupport.temporaryDirectory("cards")
            _ = try await Builder(resources: Resources(root: TestSupport.root))
                .build(BuildOptions(reportDirectory: dir, outputDirectory: out, cardPresets: chosen, brochure: false))
            return Set(try FileManager.default.contentsOfDirectory(atPath: "\(out)/cards").filter { !$0.hasSuffix(".html") })
        }
        #expect(try await presets(nil) == ["square", "wechat-cover"])
        #expect(try await presets(["og"]) == ["og"])
    }

    @Test("--cards chooses the presets; --scale 2 doubles the pixels exactly")
    func scaleTwo() async throws {
        let out = try await Self.build(["square", "og", "wechat-cover"], scale: 2)
        let presets = try FileManager.default.contentsOfDirectory(atPath: "\(out)/cards").filter { !$0.hasSuffix(".html") }
        #expect(Set(presets) == ["square", "og", "wechat-cover"])
        let expected = ["square": (2160, 2160), "og": (2400, 1260), "wechat-cover": (1800, 766)]
        for (preset, size) in expected {
            let h = try Self.header("\(out)/cards/\(preset)/01-yongjiang-zone.png")
            #expect(h.width == size.0 && h.height == size.1, "\(preset): \(h.width)×\(h.height)")
        }
    }

    @Test("the exporter renders every preset at scale 1 and 2 to exact pixel sizes", arguments: Cards.presets)
    func exporterScale(preset: String) throws {
        let page = try Cards.layout(preset).page(report: TestSupport.defaultReport, event: TestSupport.defaultReport.events[0])
        let exporter = PNGExporter()
        let size = try #require(Cards.sizes[preset])
        for scale in [1.0, 2.0] {
            let image = try exporter.render(page, scale: scale)
            #expect(image.pixelWidth == Int(size.width * scale) && image.pixelHeight == Int(size.height * scale))
        }
    }

    @Test("the contact sheet groups every card by preset with its file name and size")
    func contactSheet() async throws {
        let out = try await Self.build(["og", "square"])
        let html = try String(contentsOfFile: "\(out)/cards/index.html", encoding: .utf8)
        let square = try #require(html.range(of: "<section id=\"square\">"))
        let og = try #require(html.range(of: "<section id=\"og\">"))
        // Presets in the sheet's order (square before og), each section with its cards only.
        #expect(square.lowerBound < og.lowerBound)
        let squareSection = String(html[square.lowerBound..<og.lowerBound])
        let ogSection = String(html[og.lowerBound...])
        #expect(squareSection.contains("1080×1080 px · 10 cards"))
        #expect(ogSection.contains("1200×630 px · 10 cards"))
        for event in TestSupport.defaultReport.events {
            let name = String(format: "%02d-%@.png", event.rank, event.id)
            for (preset, section, pixels) in [("square", squareSection, "1080×1080"), ("og", ogSection, "1200×630")] {
                let bytes = try #require(try FileManager.default.attributesOfItem(atPath: "\(out)/cards/\(preset)/\(name)")[.size] as? Int)
                #expect(section.contains("<img src=\"\(preset)/\(name)\""), "\(preset)/\(name)")
                #expect(section.contains("<code>\(name)</code><br>\(pixels) px · \(String(format: "%.1f KiB", Double(bytes) / 1024))"),
                        "\(preset)/\(name)")
            }
            #expect(!ogSection.contains("square/\(name)"))
        }
    }

    @Test("the PNG decodes to the pixels that were drawn, with both encoder settings")
    func roundTrip() throws {
        let report = TestSupport.defaultReport
        let page = try Cards.layout("og").page(report: report, event: report.events[5])
        for settings in [PNGExporter.flatSettings, PNGExporter.photoSettings] {
            let exporter = PNGExporter(settings: settings)
            let drawn = try exporter.render(page)
            let data = try drawn.pngData(settings: settings)
            let path = (TestSupport.temporaryDirectory("png") as NSString).appendingPathComponent("card.png")
            try data.write(to: URL(fileURLWithPath: path))
            // Draw the PNG back 1:1 onto a blank image and compare a grid of pixels.
            let back = Page(size: page.size, items: [.image(ImageItem(path: path, frame: page.trimBox, clip: page.trimBox))])
            let decoded = try exporter.render(back, background: .black)
            var mismatches = 0
            for y in stride(from: 0, to: drawn.pixelHeight, by: 7) {
                for x in stride(from: 0, to: drawn.pixelWidth, by: 5) where drawn.pixel(x: x, y: y) != decoded.pixel(x: x, y: y) {
                    mismatches += 1
                }
            }
            #expect(mismatches == 0, "level \(settings.level), filters \(settings.filters): \(mismatches) pixels differ")
        }
    }

    @Test("a card with a photo is encoded with the photo settings, others with the flat ones")
    func settingsByContent() throws {
        let exporter = PNGExporter()
        let flat = Page(size: Size(width: 10, height: 10), items: [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 5, height: 5)), fill: .black))])
        let photo = Page(size: Size(width: 10, height: 10), items: [.tagged(StructureTag("Figure"), [
            .image(ImageItem(path: "/x.jpg", frame: Rect(x: 0, y: 0, width: 10, height: 10), clip: Rect(x: 0, y: 0, width: 10, height: 10))),
        ])])
        #expect(exporter.settings(for: flat) == PNGExporter.flatSettings)
        #expect(exporter.settings(for: photo) == PNGExporter.photoSettings)
    }
}
