import FolioCore
@testable import FolioExport
import FolioTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The PDF/X-4 print file read back: standard, output intent, colour, boxes, annotations,
/// fonts, its look against the screen file, and its bytes from build to build.
@Suite("Print PDF", .serialized)
struct PrintPDFTests {
    let mm = pointsPerMillimetre

    @Test("PDF/X-4: XMP and Info name the version; the output intent is FOGRA39 with Folio's profile embedded byte for byte")
    func outputIntent() throws {
        let path = try PrintFixtures.print.get()
        let objects = try PrintFixtures.objects(path)
        let dicts = objects.values.compactMap { $0 as? [String: Any] }
        let docInfo = dicts.first { $0["/GTS_PDFXVersion"] != nil }
        #expect(PrintFixtures.text(docInfo?["/GTS_PDFXVersion"]) == "PDF/X-4")
        #expect(PrintFixtures.text(docInfo?["/Title"]) == TestSupport.defaultReport.title)
        #expect(docInfo?["/Trapped"] as? String == "/False")
        let catalog = dicts.first { ($0["/Type"] as? String) == "/Catalog" }
        let intents = catalog?["/OutputIntents"] as? [Any] ?? []
        #expect(intents.count == 1)
        guard let intent = intents.first as? [String: Any], let profileRef = intent["/DestOutputProfile"] as? String,
              let metadataRef = catalog?["/Metadata"] as? String else {
            Issue.record("no output intent with a profile, or no metadata")
            return
        }
        #expect(intent["/S"] as? String == "/GTS_PDFX")
        #expect(PrintFixtures.text(intent["/OutputConditionIdentifier"]) == "FOGRA39")
        #expect(PrintFixtures.text(intent["/RegistryName"]) == "http://www.color.org")
        #expect((objects["obj:" + profileRef] as? [String: Any])?["/N"] as? Int == 4)
        // The embedded profile is Profiles/FOGRA39.icc itself.
        let embedded = try Self.stream(profileRef, of: path)
        #expect(embedded == FileManager.default.contents(atPath: TestSupport.path("Profiles/FOGRA39.icc")))
        let xmp = String(decoding: try Self.stream(metadataRef, of: path), as: UTF8.self)
        #expect(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
        #expect(xmp.contains("<xmp:CreateDate>2023-02-01T00:00:00Z</xmp:CreateDate>"))
        #expect(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"))
        #expect(xmp.contains(TestSupport.defaultReport.title))
        // Well-formed XML (the packet's processing instructions included).
        #expect(XMLParser(data: Data(xmp.utf8)).parse())
        #expect(String(decoding: (try Data(contentsOf: URL(fileURLWithPath: path))).prefix(8), as: UTF8.self) == "%PDF-1.6")
    }

    @Test("all colour is DeviceCMYK; no annotations; no page painted as a picture; fonts embedded; qpdf clean")
    func content() throws {
        let path = try PrintFixtures.print.get()
        let text = try Self.qdf(path)
        let lines = text.split(separator: "\n")
        #expect(!lines.contains { $0.hasSuffix(" rg") || $0.hasSuffix(" RG") }, "RGB colour operators left")
        #expect(lines.contains { $0.hasSuffix(" k") })
        for banned in ["/DeviceRGB", "/Annots", "/ICCBased", "/Lab"] {
            #expect(!text.contains(banned), "\(banned) in the print file")
        }
        // Nothing was painted as a picture: every page keeps its text as text.
        let images = try TestSupport.run("pdfimages", ["-list", path]).stdout.split(separator: "\n")
        #expect(images.count == 2, "images in the print file:\n\(images.joined(separator: "\n"))")
        try ScreenPDFTests.expectFontsEmbedded(path)
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        let words = try TestSupport.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout.replacingOccurrences(of: "\n", with: "")
        for event in TestSupport.defaultReport.events {
            #expect(words.contains(String(event.title.prefix(6))), "\(event.id) does not read back from the print file")
        }
    }

    @Test("page boxes on every page of both files: trim A4, bleed 3 mm each side; the screen file cropped to the trim")
    func boxes() throws {
        let document = try PrintFixtures.document.get()
        let n = document.pages.count
        let bleed = 3 * mm, w = 210 * mm, h = 297 * mm
        for path in [try PrintFixtures.screen.get(), try PrintFixtures.print.get()] {
            let boxes = try PrintFixtures.boxes(path, pages: n)
            #expect(boxes.count == n)
            for page in 1...n {
                let b = boxes[page] ?? [:]
                Self.expect(b["MediaBox"], [0, 0, w + 2 * bleed, h + 2 * bleed], "\(path) page \(page) MediaBox")
                Self.expect(b["TrimBox"], [bleed, bleed, bleed + w, bleed + h], "\(path) page \(page) TrimBox")
                Self.expect(b["BleedBox"], [0, 0, w + 2 * bleed, h + 2 * bleed], "\(path) page \(page) BleedBox")
                // Viewers show the finished page of the screen file, all of the print file.
                Self.expect(b["CropBox"], path.hasSuffix("print.pdf") ? [0, 0, w + 2 * bleed, h + 2 * bleed] : [bleed, bleed, bleed + w, bleed + h],
                            "\(path) page \(page) CropBox")
            }
        }
    }

    @Test("Ghostscript's rendering of each finished print page looks like the screen page")
    func looksLikeScreen() throws {
        let document = try PrintFixtures.document.get()
        let screen = try PrintFixtures.screen.get(), print = try PrintFixtures.print.get()
        // The finished pages: the screen file shows no bleed.
        let screens = try PrintFixtures.render(screen, dpi: 24, trimmed: true)
        let prints = try PrintFixtures.render(print, dpi: 24, trimmed: true)
        #expect(screens.count == document.pages.count && prints.count == document.pages.count)
        for (page, (a, b)) in zip(screens, prints).enumerated().map({ ($0.offset + 1, $0.element) }) {
            #expect(a.width == b.width && a.height == b.height)
            guard a.pixels.count == b.pixels.count else { continue }
            var total = 0, far = 0
            for k in stride(from: 0, to: a.pixels.count, by: 3) {
                var worst = 0
                for c in 0..<3 {
                    let d = abs(Int(a.pixels[k + c]) - Int(b.pixels[k + c]))
                    total += d
                    worst = max(worst, d)
                }
                if worst > 72 { far += 1 }
            }
            let mean = Double(total) / Double(a.pixels.count)
            let pixels = a.width * a.height
            // The CMYK round trip shifts saturated colours (the deep blue most, ~11 on
            // average); a missing or moved element leaves a patch of very different pixels.
            #expect(mean < 16, "page \(page): mean channel difference \(mean)")
            #expect(far * 500 < pixels, "page \(page): \(far) of \(pixels) pixels differ by more than 72")
        }
    }

    @Test("the print file's bytes are the same from export to export, dates from the data")
    func deterministic() throws {
        let document = try PrintFixtures.document.get()
        let first = try Data(contentsOf: URL(fileURLWithPath: PrintFixtures.print.get()))
        let second = try PDFExporter().export(document, options: PrintFixtures.printOptions())
        #expect(first == second)
        let info = try TestSupport.run("pdfinfo", ["-isodates", PrintFixtures.print.get()]).stdout
        #expect(info.contains("CreationDate:    \(document.info.creationDate)T00:00:00Z"))
        #expect(info.contains("ModDate:         \(document.info.creationDate)T00:00:00Z"))
    }

    @Test("the screen file's bytes are the same from export to export")
    func screenDeterministic() throws {
        let document = try PrintFixtures.document.get()
        let again = try PDFExporter().export(document)
        #expect(again == (try Data(contentsOf: URL(fileURLWithPath: PrintFixtures.screen.get()))))
    }

    @Test("a missing profile is an error that names the folder and the script that makes it")
    func missingProfile() throws {
        let document = try PrintFixtures.document.get()
        let failure = #expect(throws: PrintSetup.Failure.self) {
            _ = try PDFExporter().export(document, options: .print(marks: false, profilesDirectory: "/nonexistent-folio-profiles"))
        }
        #expect(failure.map { "\($0)" }?.contains("/nonexistent-folio-profiles/FOGRA39.icc") == true)
        #expect(failure.map { "\($0)" }?.contains("make-profiles.sh") == true)
    }

    /// A stream's decoded bytes ("12 0 R").
    static func stream(_ ref: String, of path: String) throws -> Data {
        let id = ref.split(separator: " ").first.map(String.init) ?? ""
        let out = (PrintFixtures.directory as NSString).appendingPathComponent("stream-\(id)-\(UUID().uuidString.prefix(6)).bin")
        try TestSupport.run("sh", ["-c", "qpdf --show-object=\(id) --filtered-stream-data '\(path)' > '\(out)'"])
        defer { try? FileManager.default.removeItem(atPath: out) }
        return FileManager.default.contents(atPath: out) ?? Data()
    }

    /// The file with every stream uncompressed (qpdf's QDF form), as text.
    static func qdf(_ path: String) throws -> String {
        let qdf = (PrintFixtures.directory as NSString).appendingPathComponent("qdf-\(UUID().uuidString.prefix(6)).pdf")
        #expect(try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", path, qdf]).status == 0)
        defer { try? FileManager.default.removeItem(atPath: qdf) }
        return String(decoding: FileManager.default.contents(atPath: qdf) ?? Data(), as: UTF8.self)
    }

    static func expect(_ actual: [Double]?, _ expected: [Double], _ what: String) {
        guard let actual, actual.count == 4 else {
            Issue.record("\(what): missing")
            return
        }
        // pdfinfo prints two decimals.
        #expect(zip(actual, expected).allSatisfy { abs($0 - $1) < 0.006 }, "\(what): \(actual) ≠ \(expected)")
    }
}
