import FolioBuild
import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation
import Testing

/// A report's own layout: Tests/Corpus/tingzhou-2023 names `layout: ./brand.yaml`, which
/// extends the shipped brochure with the bureau's colours and logo.
@Suite("Brand layout")
struct BrandLayoutTests {
    static let corpus = TestSupport.path("Tests/Corpus/tingzhou-2023")

    /// A copy of the corpus report, to edit.
    static func copy() throws -> String {
        let dir = TestSupport.temporaryDirectory("brand") + "/tingzhou"
        try FileManager.default.copyItem(atPath: corpus, toPath: dir)
        return dir
    }

    static func inputs(_ dir: String, layout: String? = nil) throws -> Builder.Inputs {
        try Builder(resources: Resources(root: TestSupport.root)).load(BuildOptions(reportDirectory: dir, layout: layout))
    }

    static func images(_ page: Page) -> [ImageItem] {
        page.items.flatMap(\.flattened).compactMap { if case .image(let i) = $0 { return i }; return nil }
    }

    @Test("the brand overrides the colours it names, keeps the rest, and brings its logo to the brochure and every card")
    func applies() throws {
        let inputs = try Self.inputs(Self.corpus)
        let shipped = try #require(LayoutLoader(directory: TestSupport.path("Layouts")).load(name: "brochure", card: false).0)
        #expect(inputs.layout.colors["primary"] == Color(hex: "#8A1538"))
        #expect(inputs.layout.colors["ink"] == shipped.colors["ink"])
        #expect(inputs.layout.templates == shipped.templates)
        #expect(inputs.layout.logo?.hasSuffix("brand/logo.png") == true)
        #expect(inputs.cards.count == 5)
        for card in inputs.cards {
            #expect(card.logo == inputs.layout.logo)
            #expect(card.colors["accent"] == Color(hex: "#D4A017"))
        }
        let composer = Composer(fonts: TestSupport.fonts)
        let doc = try BrochureLayout(typesetter: Typesetter(spec: inputs.layout, composer: composer)).document(for: inputs.report)
        let logo = try #require(inputs.layout.logo)
        #expect(Self.images(doc.pages.first!).contains { $0.path == logo }, "the cover shows the logo")
        #expect(Self.images(doc.pages.last!).contains { $0.path == logo }, "the back cover shows the logo")
        for card in inputs.cards {
            let page = try CardLayout(typesetter: Typesetter(spec: card, composer: composer))
                .page(report: inputs.report, event: inputs.report.events[2])
            #expect(Self.images(page).contains { $0.path == logo }, "\(card.name)")
        }
        // The shipped layouts draw no logo without a brand.
        let plain = try Self.inputs(TestSupport.path("Tests/Corpus/qinglan-2024"))
        #expect(plain.layout.logo == nil)
    }

    @Test("a misspelt colour or key in the brand layout is an error with a did-you-mean")
    func checked() throws {
        let dir = try Self.copy()
        let brand = dir + "/brand.yaml"
        var text = try String(contentsOfFile: brand, encoding: .utf8)
        text = text.replacingOccurrences(of: "  accent: \"#D4A017\"", with: "  acent: \"#D4A017\"")
        text = text.replacingOccurrences(of: "extends: brochure", with: "extends: brochur")
        try text.write(toFile: brand, atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        do { _ = try Self.inputs(dir) } catch BuildError.input(let d) { diagnostics = d }
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("brochur") && $0.hint?.contains("brochure") == true }, "\(errors.map(\.description))")
        #expect(errors.allSatisfy { $0.location?.file.hasSuffix("brand.yaml") == true })
        // With the base fixed, the colour is caught.
        try text.replacingOccurrences(of: "extends: brochur", with: "extends: brochure").write(toFile: brand, atomically: true, encoding: .utf8)
        diagnostics = []
        do { _ = try Self.inputs(dir) } catch BuildError.input(let d) { diagnostics = d }
        #expect(diagnostics.contains { $0.message.contains("'acent'") && $0.hint?.contains("did you mean 'accent'") == true },
                "\(diagnostics.map(\.description))")
    }

    @Test("editing the brand layout or replacing its logo re-makes the outputs; nothing else does")
    func incremental() async throws {
        let dir = try Self.copy()
        let out = TestSupport.temporaryDirectory("brand-out")
        let options = BuildOptions(reportDirectory: dir, outputDirectory: out, cardPresets: ["square"], scale: 0.25)
        let builder = Builder(resources: Resources(root: TestSupport.root))
        _ = try await builder.build(options)
        #expect(try await builder.build(options).written.isEmpty)
        let brand = dir + "/brand.yaml"
        let text = try String(contentsOfFile: brand, encoding: .utf8)
        try text.replacingOccurrences(of: "#8A1538", with: "#7A1030").write(toFile: brand, atomically: true, encoding: .utf8)
        let afterColour = try await builder.build(options).written
        #expect(afterColour.contains("brochure.pdf"), "\(afterColour)")
        #expect(afterColour.contains { $0.hasPrefix("cards/square/") })
        #expect(try await builder.build(options).written.isEmpty)
        // Another logo, same brand file.
        try FileManager.default.removeItem(atPath: dir + "/brand/logo.png")
        try FileManager.default.copyItem(atPath: dir + "/images/river-park.jpg", toPath: dir + "/brand/logo.png")
        let afterLogo = try await Builder(resources: Resources(root: TestSupport.root)).build(options).written
        #expect(afterLogo.contains("brochure.pdf"), "\(afterLogo)")
    }
}
