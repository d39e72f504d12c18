import FolioCore
@testable import FolioExport
import FolioTestSupport
import Foundation
import Testing

/// The PDF/X print file read back: standard, output intent, colour, boxes, annotations,
/// fonts, its look against the screen file, and its bytes from build to build.
@Suite("Print PDF", .serialized)
struct PrintPDFTests {
    let mm = pointsPerMillimetre

    @Test("PDF/X-3 with an output intent carrying Ghostscript's CMYK profile byte for byte")
    func outputIntent() throws {
        let path = try PrintFixtures.print.get()
        let info = try TestSupport.run("pdfinfo", [path]).stdout
        #expect(info.contains("PDF subtype:    PDF/X-3:2002"))
        let objects = try PrintFixtures.objects(path)
        let dicts = objects.values.compactMap { $0 as? [String: Any] }
        let docInfo = dicts.first { $0["/GTS_PDFXVersion"] != nil }
        #expect(PrintFixtures.text(docInfo?["/GTS_PDFXVersion"]) == "PDF/X-3:2002")
        #expect(PrintFixtures.text(docInfo?["/Title"]) == TestSupport.defaultReport.title)
        #expect(docInfo?["/Trapped"] as? String == "/False")
        let catalog = dicts.first { ($0["/Type"] as? String) == "/Catalog" }
        let intents = catalog?["/OutputIntents"] as? [String] ?? []
        #expect(intents.count == 1)
        guard let intentRef = intents.first, let intent = objects["obj:" + intentRef] as? [String: Any],
              let profileRef = intent["/DestOutputProfile"] as? String else {
            Issue.record("no output intent with a profile")
            return
        }
        #expect(intent["/S"] as? String == "/GTS_PDFX")
        #expect(PrintFixtures.text(intent["/OutputConditionIdentifier"]) == OutputProfile.ghostscriptCMYK.conditionIdentifier)
        #expect((objects["obj:" + profileRef] as? [String: Any])?["/N"] as? Int == 4)
        // The embedded profile is the ICC file itself.
        let id = profileRef.split(separator: " ").first.map(String.init) ?? ""
        let stream = (PrintFixtures.directory as NSString).appendingPathComponent("profile.icc")
        try TestSupport.run("sh", ["-c", "qpdf --show-object=\(id) --filtered-stream-data '\(path)' > '\(stream)'"])
        let embedded = try TestSupport.run("cmp", [stream, OutputProfile.ghostscriptCMYK.path])
        #expect(embedded.status == 0, "the embedded profile differs from \(OutputProfile.ghostscriptCMYK.path)")
    }

    @Test("all colour is CMYK; no transparency, no annotations; fonts embedded; qpdf clean")
    func content() throws {
        let path = try PrintFixtures.print.get()
        let qdf = (PrintFixtures.directory as NSString).appendingPathComponent("print-qdf.pdf")
        #expect(try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", path, qdf]).status == 0)
        let text = String(decoding: FileManager.default.contents(atPath: qdf) ?? Data(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(!lines.contains { $0.hasSuffix(" rg") || $0.hasSuffix(" RG") }, "RGB colour operators left")
        #expect(lines.contains { $0.hasSuffix(" k") })
        for banned in ["/DeviceRGB", "/SMask", "/Annots", "/CA ", "/ca "] {
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

    @Test("the print file's bytes are the same from run to run, dates and ID from the data")
    func deterministic() throws {
        let document = try PrintFixtures.document.get()
        let first = try Data(contentsOf: URL(fileURLWithPath: PrintFixtures.print.get()))
        // A second export and conversion, without SOURCE_DATE_EPOCH: the in-place stamp
        // alone must give the same bytes, although Ghostscript now reads the clock.
        let input = try PDFExporter().export(document, options: .print(marks: false))
        #expect(input == (try PrintFixtures.printInput.get()))
        var converter = try PDFXConverter()
        converter.setsSourceDateEpoch = false
        let second = try converter.convert(input, info: document.info)
        #expect(first == second)
        let info = try TestSupport.run("pdfinfo", ["-isodates", PrintFixtures.print.get()]).stdout
        #expect(info.contains("CreationDate:    \(document.info.creationDate)T00:00:00Z"))
        #expect(info.contains("ModDate:         \(document.info.creationDate)T00:00:00Z"))
        #expect(String(decoding: first.suffix(300), as: UTF8.self).contains("/ID [<\(PDFXConverter.fileID(input))>"))
    }

    @Test("the screen file's bytes are the same from export to export")
    func screenDeterministic() throws {
        let document = try PrintFixtures.document.get()
        let again = try PDFExporter().export(document)
        #expect(again == (try Data(contentsOf: URL(fileURLWithPath: PrintFixtures.screen.get()))))
    }

    @Test("without Ghostscript the error names the Debian package")
    func missingGhostscript() {
        let noGS = #expect(throws: PDFXConverter.Failure.self) {
            _ = try PDFXConverter(searchPath: "/nonexistent-folio-bin")
        }
        #expect(noGS.map { "\($0)" }?.contains("install the Debian package `ghostscript`") == true)
        var missing = OutputProfile.ghostscriptCMYK
        missing.path = "/nonexistent/cmyk.icc"
        let noProfile = #expect(throws: PDFXConverter.Failure.self) {
            _ = try PDFXConverter(profile: missing)
        }
        #expect(noProfile.map { "\($0)" }?.contains("install the Debian package `libgs-common`") == true)
    }

    @Test("stamping rewrites clock dates and the ID in place, keeping every offset")
    func stamp() {
        let original = "<< /CreationDate(D:20261129111202Z00'00')\n/ModDate(D:20261129111202Z00'00') >>\ntrailer\n<< /ID [<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>] >>\n"
        var bytes = Array(original.utf8)
        PDFXConverter.stamp(&bytes, date: "2023-02-01", id: "FEDCBA9876543210FEDCBA9876543210")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.count == original.utf8.count)
        #expect(text == original.replacingOccurrences(of: "20261129111202", with: "20230201000000")
            .replacingOccurrences(of: "0123456789ABCDEF0123456789ABCDEF", with: "FEDCBA9876543210FEDCBA9876543210"))
        #expect(PDFXConverter.epoch("2023-02-01") == 1_675_209_600)
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
