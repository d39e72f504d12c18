import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// What a card shows: the lead figure as the hero, the event's chart, a photo cropped
/// around its focal point.
@Suite("Card content")
struct CardContentTests {
    static func figures(_ page: Page) -> [(alt: String?, items: [Item])] {
        page.items.flatMap(\.flattened).compactMap {
            if case .tagged(let tag, let items) = $0, tag.role == "Figure" { return (tag.alt, items) }
            return nil
        }
    }

    @Test("the lead figure is the hero: value, unit and label, the value the largest text", arguments: Cards.presets)
    func hero(preset: String) throws {
        let report = TestSupport.defaultReport
        let event = try #require(report.events.first { $0.id == "hitech-enterprises" })
        let page = try Cards.layout(preset).page(report: report, event: event)
        let hero = try #require(Self.figures(page).first { $0.alt == "5300+家 高新技术企业总数" })
        #expect(Cards.text(hero.items) == "5300+家高新技术企业总数")
        let runs = page.items.flatMap(\.flattened).compactMap { item -> GlyphRun? in
            if case .text(let run) = item { return run }
            return nil
        }
        let value = try #require(runs.first { $0.text == "5300+" })
        let title = try #require(runs.first { event.title.hasPrefix($0.text) })
        #expect(value.size > title.size, "\(preset): value \(value.size)px, title \(title.size)px")
        // Unit on the value's baseline.
        let unit = try #require(runs.first { $0.text == "家" && $0.size < value.size })
        #expect(abs(unit.glyphs[0].y - value.glyphs[0].y) < 0.01)
    }

    @Test("a value too wide for its column is set smaller, not clipped")
    func wideValue() throws {
        var event = TestSupport.defaultReport.events[0]
        event.figures[0] = Figure(value: "12,345,678", unit: "万元", label: "很大的数字")
        for preset in Cards.presets {
            let layout = try Cards.layout(preset)
            let page = try layout.page(report: TestSupport.defaultReport, event: event)
            #expect(CardGeometry.leaves(outside: layout.geometry.safeArea, in: page.items, on: page).isEmpty, "\(preset)")
            #expect(Cards.text(page.items).contains("12,345,678"), "\(preset)")
        }
    }

    @Test("cards with a chart show the event's first chart, passing over single numbers the hero already shows")
    func chart() throws {
        let report = TestSupport.defaultReport
        let portrait = try Cards.layout("portrait")
        let rank = try portrait.page(report: report, event: report.events.first { $0.id == "hitech-zone-rank" }!)
        #expect(Self.figures(rank).contains { $0.alt == "宁波国家高新区全国综合排名" })
        // Where the chart with its note does not fit, the card shows it without the note:
        // the derived value stays marked by the legend's 推算值.
        let enterprises = try portrait.page(report: report, event: report.events.first { $0.id == "hitech-enterprises" }!)
        let shown = try #require(Self.figures(enterprises).first { $0.alt == "高新技术企业总数" })
        let text = Cards.text(shown.items)
        #expect(text.contains("推算值") && text.contains("3886") && text.contains("5300"), "\(text)")
        #expect(!text.contains("5300÷1.364"), "the note is left to the brochure: \(text)")
        // Every preset with a chart panel shows the charts of both charted events.
        for preset in ["square", "portrait", "story"] {
            let layout = try Cards.layout(preset)
            for (id, title) in [("hitech-zone-rank", "宁波国家高新区全国综合排名"), ("hitech-enterprises", "高新技术企业总数")] {
                let page = try layout.page(report: report, event: report.events.first { $0.id == id }!)
                #expect(Self.figures(page).contains { $0.alt == title }, "\(preset) \(id)")
            }
        }
        // A chart that needs more room than the card has, even without its note, is left
        // out, never drawn empty or squeezed (og's panel is 236 px high).
        let og = try Cards.layout("og").page(report: report, event: report.events.first { $0.id == "hitech-enterprises" }!)
        #expect(!Self.figures(og).contains { $0.alt == "高新技术企业总数" })
        let layout = try Cards.layout("square")
        // winter-olympics has only KPI charts (450 公里 is already its hero).
        let olympics = try layout.page(report: report, event: report.events.first { $0.id == "winter-olympics" }!)
        #expect(Self.figures(olympics).map(\.alt) == ["450公里 氢能客车续航里程"])
    }

    /// A 400×100 PNG: black, with a white square at x 300–340 (the subject).
    static let photo: String = {
        let path = (TestSupport.temporaryDirectory("photo") as NSString).appendingPathComponent("wide.png")
        let page = Page(size: Size(width: 400, height: 100), items: [
            .shape(Shape(path: .rect(Rect(x: 300, y: 30, width: 40, height: 40)), fill: .white)),
        ])
        let data = try! PNGExporter().export(page, background: .black)
        try! data.write(to: URL(fileURLWithPath: path))
        return path
    }()

    @Test("a photo fills its block, cropped so its focal point stays in view")
    func photoCrop() throws {
        var event = TestSupport.defaultReport.events[2]  // ai-platform: no figure, no chart
        event.image = ImageRef(path: "wide.png", absolutePath: Self.photo, fit: .cover, focus: Point2(x: 0.6, y: 0.5),
                               credit: "测试")
        let layout = try Cards.layout("portrait")
        let page = try layout.page(report: TestSupport.defaultReport, event: event)
        let image = try #require(page.items.flatMap(\.flattened).compactMap { item -> ImageItem? in
            if case .image(let image) = item { return image }
            return nil
        }.first)
        // The block is the column's width and at least 320px tall (it grows into the room
        // left): the 4:1 image is scaled to the height and cropped at the sides.
        #expect(image.clip.height >= 320 - 0.01 && abs(image.clip.width - 920) < 0.01)
        #expect(abs(image.frame.height - image.clip.height) < 0.01 && abs(image.frame.width - 4 * image.clip.height) < 0.01)
        // The focal point (x = 0.6) sits at the clip's centre.
        #expect(abs(image.frame.minX + 0.6 * image.frame.width - image.clip.midX) < 0.01)
        #expect(image.clip.minX >= layout.geometry.safeArea.minX && image.clip.maxX <= layout.geometry.safeArea.maxX)
        #expect(Cards.text(page.items).contains("测试") && !Cards.text(page.items).contains("摄影/来源"))
        // The subject (the white square at 0.75–0.85 of the width) is in view, and the
        // image's left end, far from the focal point, is cropped away.
        let raster = try PNGExporter().render(page)
        let subject = image.frame.minX + 0.8 * image.frame.width
        #expect(image.clip.contains(Rect(x: subject - 20, y: image.clip.midY, width: 40, height: 1)))
        #expect(raster.pixel(x: Int(subject), y: Int(image.clip.midY)) & 0xFFFFFF == 0xFFFFFF)
        #expect(raster.pixel(x: Int(subject) - 100, y: Int(image.clip.midY)) & 0xFFFFFF == 0)
        #expect(image.frame.minX < image.clip.minX - 100)
    }

    @Test("a photo takes the media slot: the card does not also show a chart")
    func photoOrChart() throws {
        var event = try #require(TestSupport.defaultReport.events.first { $0.id == "hitech-enterprises" })
        event.image = ImageRef(path: "wide.png", absolutePath: Self.photo)
        let page = try Cards.layout("portrait").page(report: TestSupport.defaultReport, event: event)
        #expect(!Self.figures(page).contains { $0.alt == "高新技术企业总数" })
        #expect(page.items.flatMap(\.flattened).contains { if case .image = $0 { return true } else { return false } })
    }
}
