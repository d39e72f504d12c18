import FolioCore
@testable import FolioExport
import FolioGraphics
import FolioLayout
import FolioText
import FolioPreflight
import FolioTestSupport
import Foundation
import Testing

/// The print file's plates (Ghostscript `tiffsep`) and content streams: neutral text on
/// the black plate alone and overprinting, live text on every page, total ink within the
/// condition's limit, colours given in CMYK kept exactly.
@Suite("Print separations", .serialized)
struct PrintSeparationTests {
    static let layouts: [(name: String, document: Result<Document, Error>, print: Result<String, Error>)] = [
        ("brochure", PrintFixtures.document, PrintFixtures.print),
        ("brochure-16k", PrintFixtures.document16k, PrintFixtures.print16k),
    ]

    static func converter() throws -> PrintColorConverter {
        try PrintSetup(condition: .fogra39, profilesDirectory: PrintFixtures.profiles).converter
    }

    @Test("body text and captions are on the K plate only: no cyan, magenta or yellow under their glyphs", arguments: [0, 1])
    func neutralTextOnBlack(_ layout: Int) throws {
        let (name, documentResult, printResult) = Self.layouts[layout]
        let document = try documentResult.get(), path = try printResult.get()
        let converter = try Self.converter()
        let plates = try Plates.render(path, dpi: 72)
        var checked = 0
        for (index, page) in document.pages.enumerated() {
            guard let planes = plates[index + 1], let black = planes["Black"] else {
                Issue.record("\(name) page \(index + 1): no plates")
                continue
            }
            for case .text(let run) in page.items.flatMap(\.flattened) where run.color.alpha == 1 {
                // Body text (ink) and captions/labels (muted): the neutrals of the layout.
                guard converter.cmyk(for: run.color, use: .textOrStroke).isBlackOnly, run.color.luminance < 0.3 else { continue }
                // The glyphs' box in pixels (72 dpi: a pixel is a point), inset from anti-aliasing's reach.
                let b = run.bounds
                let x0 = Int((b.minX + page.bleed).rounded(.up)) + 1, x1 = Int((b.maxX + page.bleed).rounded(.down)) - 1
                let y0 = Int((b.minY + page.bleed).rounded(.up)) + 1, y1 = Int((b.maxY + page.bleed).rounded(.down)) - 1
                guard x1 > x0, y1 > y0 else { continue }
                // Only where the text lies on paper (not on a tinted panel): what is there is the text.
                guard Self.onPaper(b, page: page) else { continue }
                checked += 1
                #expect(black.inked(x: x0...x1, y: y0...y1), "\(name) page \(index + 1): '\(run.text.prefix(12))' not on the K plate")
                for plate in ["Cyan", "Magenta", "Yellow"] {
                    #expect(planes[plate]?.inked(x: x0...x1, y: y0...y1) == false,
                            "\(name) page \(index + 1): '\(run.text.prefix(12))' has \(plate) ink")
                }
            }
        }
        #expect(checked > 100, "\(name): only \(checked) text runs checked")
    }

    /// Whether no filled shape (a panel, a background) lies under `rect`, other than paper-white ones.
    static func onPaper(_ rect: Rect, page: Page) -> Bool {
        for case .shape(let shape) in page.items.flatMap(\.flattened) {
            guard let fill = shape.fill, fill.luminance < 0.98, let bounds = shape.path.bounds else { continue }
            if bounds.intersects(rect, tolerance: 0) { return false }
        }
        return true
    }

    @Test("text runs: solid black ones overprint, none is rich black, every page's text is 100 K or converted colour", arguments: [0, 1])
    func textOperators(_ layout: Int) throws {
        let (name, _, printResult) = Self.layouts[layout]
        let text = try PrintPDFTests.qdf(try printResult.get())
        var fill = "", overprint = false, runs = 0, solid = 0, blackOnly = 0
        var stack: [(String, Bool)] = []
        for line in text.split(separator: "\n") {
            if line.hasSuffix(" k") { fill = String(line) }
            if line == "/OPon gs" { overprint = true }
            if line == "/OPoff gs" { overprint = false }
            // The graphics state stack: a Q restores the fill and overprint of its q.
            if line == "q" { stack.append((fill, overprint)) }
            if line == "Q", let saved = stack.popLast() { (fill, overprint) = saved }
            guard line == "BT" else { continue }
            runs += 1
            let v = fill.split(separator: " ").dropLast().compactMap { Double($0) }
            guard v.count == 4 else { Issue.record("\(name): text without a CMYK fill: '\(fill)'"); continue }
            #expect(!(v[3] >= 0.9 && v[0] + v[1] + v[2] > 0), "\(name): rich black text '\(fill)'")
            if v[0] + v[1] + v[2] == 0 && v[3] > 0 { blackOnly += 1 }
            if v == [0, 0, 0, 1] {
                solid += 1
                #expect(overprint, "\(name): solid black text that knocks out")
            }
        }
        // Body text (solid black) and captions, labels, running heads (K tints) are most of the text.
        #expect(runs > 100 && solid > 50 && blackOnly * 2 > runs, "\(name): \(solid) solid black and \(blackOnly) K-only of \(runs) text runs")
    }

    @Test("every page of both layouts has live text (pdftotext) and embedded fonts (pdffonts)", arguments: [0, 1])
    func liveTextEveryPage(_ layout: Int) throws {
        let (name, documentResult, printResult) = Self.layouts[layout]
        let count = try documentResult.get().pages.count, path = try printResult.get()
        for page in 1...count {
            let words = try TestSupport.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", path, "-"]).stdout
            #expect(!words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name) page \(page): no text")
            let fonts = try TestSupport.run("pdffonts", ["-f", "\(page)", "-l", "\(page)", path]).stdout.split(separator: "\n")
            #expect(fonts.count > 2, "\(name) page \(page): no fonts")
            #expect(fonts.dropFirst(2).allSatisfy { $0.contains(" yes yes yes ") }, "\(name) page \(page): \(fonts)")
        }
        let images = try TestSupport.run("pdfimages", ["-list", path]).stdout.split(separator: "\n")
        #expect(images.count == 2, "\(name): a page was painted as an image")
    }

    @Test("total ink on every page within FOGRA39's 300 %", arguments: [0, 1])
    func totalInk(_ layout: Int) throws {
        let (name, _, printResult) = Self.layouts[layout]
        let plates = try Plates.render(try printResult.get(), dpi: 36)
        #expect(!plates.isEmpty)
        for (page, planes) in plates {
            guard let first = planes.values.first else { continue }
            var worst = 0
            for i in 0..<(first.width * first.height) {
                worst = max(worst, planes.values.reduce(0) { $0 + 255 - Int($1.samples[i]) })
            }
            #expect(Double(worst) * 100 / 255 <= 300.5, "\(name) page \(page): \(worst * 100 / 255) % ink")
        }
    }

    @Test("colour rules: a CMYK given by the layout is kept; greys are K tints by lightness; black is 100 K; other colours within the ink limit")
    func colourRules() throws {
        let converter = try Self.converter()
        let given = CMYK(percent: [100, 40, 0, 10])
        #expect(converter.cmyk(for: Color(red: 0, green: 0.3, blue: 0.6, cmyk: given)) == given)
        #expect(converter.cmyk(for: .black) == .solidBlack)
        #expect(converter.cmyk(for: Color(hex: "#1F2328")!, use: .textOrStroke) == .solidBlack)
        let mid = converter.cmyk(for: Color(hex: "#808080")!), light = converter.cmyk(for: Color(hex: "#C0C0C0")!)
        #expect(mid.isBlackOnly && light.isBlackOnly)
        #expect(mid.black > light.black && light.black > 0 && mid.black < 1)
        // The printed lightness of the tint matches the grey's (within 3 L*), on the press's scale.
        let profile = converter.profile
        let target = profile.solidBlackLightness + 53.6 / 100 * (profile.paperLightness - profile.solidBlackLightness)
        #expect(abs(profile.lab(mid).l - target) < 3)
        // A slightly blue grey is neutral for text, a colour for a fill.
        let muted = Color(hex: "#5F6B7A")!
        #expect(converter.cmyk(for: muted, use: .textOrStroke).isBlackOnly)
        #expect(!converter.cmyk(for: Color(hex: "#D6E2F5")!).isBlackOnly)
        // Saturated colours through the profile keep within the limit; sRGB black alone would be 300 %.
        for hex in ["#0B3D91", "#072A66", "#C0392B", "#7A1712", "#1E7A4C"] {
            #expect(converter.cmyk(for: Color(hex: hex)!).totalInk <= 301, "\(hex)")
        }
        let uncoated = try PrintSetup(condition: .fogra29, profilesDirectory: PrintFixtures.profiles).converter
        #expect(uncoated.cmyk(for: Color(hex: "#072A66")!).totalInk <= 261)
        #expect(uncoated.profile.paperLightness < profile.paperLightness + 5)
    }

    @Test("each named condition is its own output intent and profile", arguments: OutputCondition.all)
    func conditions(_ condition: OutputCondition) throws {
        let document = try PrintFixtures.document.get()
        let short = Document(info: document.info, pages: Array(document.pages.prefix(1)), outline: [])
        let data = try PDFExporter().export(short, options: PrintFixtures.printOptions(condition: condition))
        let path = try PrintFixtures.write(data, "condition-\(condition.name).pdf")
        let text = try PrintPDFTests.qdf(path)
        #expect(text.contains("/OutputConditionIdentifier (\(condition.identifier))"))
        let profile = try #require(FileManager.default.contents(atPath: condition.profilePath(in: PrintFixtures.profiles)))
        #expect(CMYKProfile(data: profile) != nil)
        #expect(Preflight.inkLimit(forCondition: condition.identifier) == condition.inkLimit)
    }
}

/// Colours a layout gives both ways, `{rgb: …, cmyk: […]}`.
@Suite("Print colours from the layout", .serialized)
struct PrintLayoutColourTests {
    /// The default layout with `primary` given in CMYK too, in a folder of its own.
    static func layoutFolder(primary: String) throws -> String {
        let dir = TestSupport.temporaryDirectory("print-layout")
        var yaml = try String(contentsOfFile: TestSupport.path("Layouts/brochure.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  primary: \"#0B3D91\"", with: "  primary: \(primary)")
        try yaml.write(toFile: (dir as NSString).appendingPathComponent("brochure.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("a colour given in CMYK is printed with exactly those values; the screen file keeps its sRGB")
    func cmykKept() throws {
        let dir = try Self.layoutFolder(primary: "{rgb: \"#0B3D91\", cmyk: [100, 70, 0, 20]}")
        let (loaded, diagnostics) = LayoutLoader(directory: dir).load(name: "brochure", card: false)
        let spec = try #require(loaded, "\(diagnostics)")
        #expect(spec.colors["primary"]?.cmyk == CMYK(percent: [100, 70, 0, 20]))
        #expect(spec.colors["primary"]?.hex == "#0B3D91")
        let document = try BrochureLayout(typesetter: Typesetter(spec: spec, composer: Composer(fonts: TestSupport.fonts)))
            .document(for: TestSupport.defaultReport)
        let short = Document(info: document.info, pages: Array(document.pages.prefix(2)), outline: [])
        let print = try PrintPDFTests.qdf(try PrintFixtures.write(try PDFExporter().export(short, options: PrintFixtures.printOptions()), "given-cmyk.pdf"))
        #expect(print.contains("\n1 0.7 0 0.2 k\n"))
        #expect(!print.contains("\n0.91 0.682 0 0.208 k\n"), "the profile's conversion of #0B3D91 is still used")
        let screen = try PrintPDFTests.qdf(try PrintFixtures.write(try PDFExporter().export(short), "given-cmyk-screen.pdf"))
        #expect(screen.contains(" rg\n") && !screen.contains("1 0.7 0 0.2 k"))
    }

    @Test("a bad cmyk value is an error at its line")
    func badCMYK() throws {
        let dir = try Self.layoutFolder(primary: "{rgb: \"#0B3D91\", cmyk: [100, 70, 0]}")
        let (_, diagnostics) = LayoutLoader(directory: dir).load(name: "brochure", card: false)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("four percentages") == true, "\(diagnostics)")
        #expect(error?.location?.line != nil)
    }
}
