import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Testing

/// Photos of the corpus on pages and cards: proportions kept on pages, caption and credit
/// as written, and no empty half on a square card.
@Suite("Corpus photos")
struct CorpusPhotoTests {
    static let report: Report = {
        let result = ReportLoader().load(directory: TestSupport.path("Tests/Corpus/qinglan-2024"))
        guard let report = result.report else { fatalError("\(result.diagnostics)") }
        return report
    }()

    static func images(_ page: Page) -> [ImageItem] {
        page.items.flatMap(\.flattened).compactMap { if case .image(let i) = $0 { return i }; return nil }
    }

    static func document(_ layout: String) throws -> Document {
        let (spec, d) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: layout, card: false)
        guard let spec else { throw LayoutError(d) }
        return try BrochureLayout(typesetter: Typesetter(spec: spec, composer: Cards.composer)).document(for: Self.report)
    }

    @Test("a landscape 3:2 and a portrait photo keep their proportions and are not cropped on the event pages",
          arguments: ["brochure", "brochure-16k"])
    func proportions(layout: String) throws {
        let doc = try Self.document(layout)
        let shown = doc.pages.flatMap(Self.images)
        for (file, ratio) in [("science-city.jpg", 1.5), ("lab-portrait.jpg", 2.0 / 3.0)] {
            let image = try #require(shown.first { $0.path.hasSuffix(file) }, "\(file) on \(layout)")
            #expect(abs(image.frame.width / image.frame.height - ratio) < 0.01, "\(file): \(image.frame)")
            #expect(image.clip.width >= image.frame.width - 0.01 && image.clip.height >= image.frame.height - 0.01,
                    "\(file) is shown whole")
            // Not a thumbnail: it fills its column (a landscape photo in a column of the 16K
            // layout) or stands at least 60 mm tall.
            #expect(image.frame.height > 60 * 72 / 25.4 || image.frame.width > 80 * 72 / 25.4,
                    "\(file) is not a thumbnail: \(image.frame)")
        }
    }

    @Test("caption and credit are printed as written, with no invented prefix", arguments: ["brochure", "brochure-16k"])
    func captionAndCredit(layout: String) throws {
        let text = try Self.document(layout).pages.flatMap { LayoutTestText.runs($0) }.joined()
        #expect(text.contains("青澜科学城核心区航拍"))
        #expect(text.contains("记者 王晓明 摄"))
        #expect(text.contains("青澜港集团供图"))
        #expect(!text.contains("摄影/来源"))
        #expect(text.components(separatedBy: "摄").count - 1 == 1, "摄 once")
    }

    @Test("the story and portrait cards show a photo's caption and credit")
    func cardCaption() throws {
        for preset in ["story", "portrait"] {
            let page = try Cards.layout(preset).page(report: Self.report, event: Self.report.events[0])
            let text = Cards.text(page.items)
            #expect(!Self.images(page).isEmpty, "\(preset)")
            #expect(text.contains("青澜科学城核心区航拍") && text.contains("记者 王晓明 摄"), "\(preset): \(text)")
            #expect(!text.contains("摄影/来源"))
        }
    }

    @Test("a square card of an event with a lead figure but no photo or chart shows its summary instead of an empty half")
    func noEmptyHalf() throws {
        var event = Self.report.events[2] // chip-line: figures and a summary
        event.image = nil
        event.charts = []
        let page = try Cards.layout("square").page(report: Self.report, event: event)
        #expect(Cards.text(page.items).contains(event.summary!))
        // With its photo, the photo has the right half and the summary does not repeat there.
        let withPhoto = try Cards.layout("square").page(report: Self.report, event: Self.report.events[2])
        #expect(!Self.images(withPhoto).isEmpty)
    }
}

/// Text of a laid-out page.
enum LayoutTestText {
    static func runs(_ page: Page) -> [String] {
        page.items.flatMap(\.flattened).compactMap { if case .text(let r) = $0 { return r.text }; return nil }
    }
}
