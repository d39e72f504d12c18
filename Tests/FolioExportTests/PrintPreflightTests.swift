import FolioCore
import FolioLayout
import FolioModel
@testable import FolioExport
import FolioPreflight
import FolioTestSupport
import Foundation
import Testing

/// `folio preflight`'s checks: clean on Folio's own print files, failing with every
/// problem located on a deliberately bad PDF.
@Suite("Print preflight", .serialized)
struct PrintPreflightTests {
    @Test("Folio's print files of both layouts pass every check", arguments: [0, 1])
    func ownFilesClean(_ layout: Int) throws {
        let path = try [PrintFixtures.print, PrintFixtures.print16k][layout].get()
        let report = try Preflight().check(path)
        #expect(report.passed, "\(report.rendered())")
        #expect(report.warnings.isEmpty, "\(report.rendered())")
        #expect(report.check("pdfx")?.summary.contains("PDF/X-4, output intent FOGRA39") == true)
        #expect(report.check("text")?.summary == "live text on \(report.pageCount) of \(report.pageCount) pages")
        // The separations were measured: the cover's blue is well over 100 % ink.
        let ink = report.check("ink")?.summary ?? ""
        #expect(ink.hasPrefix("at most ") && !ink.hasPrefix("at most 0 "), "\(ink)")
    }

    @Test("the screen file fails: not PDF/X, RGB on every page, dark RGB text")
    func screenFileFails() throws {
        let report = try Preflight().check(try PrintFixtures.screen.get())
        #expect(!report.passed)
        #expect(report.check("pdfx")?.severity == .error)
        let pages = report.pageCount
        #expect(report.check("colour")?.findings.compactMap(\.page) == Array(1...pages))
        #expect(report.check("black-text")?.severity == .error)
    }

    @Test("a bad PDF fails with every problem located: no output intent, RGB image at low ppi, rich black text, hairline, no bleed, font not embedded, page count")
    func badFileFails() throws {
        let path = try PrintFixtures.write(Self.badPDF(), "bad.pdf")
        var options = Preflight.Options()
        options.pageMultiple = 4
        let report = try Preflight(options: options).check(path, displayName: "bad.pdf")
        let text = report.rendered()
        #expect(!report.passed)
        #expect(text.contains("bad.pdf: error: no PDF/X output intent"), "\(text)")
        #expect(text.contains("bad.pdf: error: not PDF/X"), "\(text)")
        #expect(text.contains("bad.pdf: page 2: error: RGB colour: image /Im1"), "\(text)")
        #expect(text.contains("bad.pdf: page 1: error: black text not on K only: rich black C60 M50 Y40 K100"), "\(text)")
        #expect(text.contains("bad.pdf: page 2: error: image 20×20 px"), "\(text)")
        #expect(report.check("images")?.findings.first?.message.contains("at 10 ppi") == true, "\(text)")
        #expect(text.contains("bad.pdf: page 1: error: a 0.100 pt stroke"), "\(text)")
        #expect(text.contains("bad.pdf: page 1: error: bleed 0.0 mm"), "\(text)")
        #expect(text.contains("bad.pdf: page 2: error: no TrimBox"), "\(text)")
        #expect(text.contains("bad.pdf: page 1: error: font Helvetica is not embedded"), "\(text)")
        #expect(text.contains("bad.pdf: error: 2 pages, not a multiple of 4"), "\(text)")
        // Every problem on a page names the page; the table lists the pages of each check.
        #expect(report.check("colour")?.pages == "2")
        #expect(text.contains("not fit to print"))
    }

    @Test("the command: exit 0 and the table on a clean file, exit 1 with located errors on a bad one")
    func command() throws {
        let folio = TestSupport.path(".build/debug/folio")
        guard FileManager.default.isExecutableFile(atPath: folio) else { return }
        let clean = try TestSupport.run(folio, ["preflight", try PrintFixtures.print.get()])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("fit to print"))
        let bad = try TestSupport.run(folio, ["preflight", try PrintFixtures.write(Self.badPDF(), "bad-cli.pdf")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("page 1: error: black text not on K only"))
        // A --print build runs it too, checking the page count against the layout's pad-to.
        let out = (PrintFixtures.directory as NSString).appendingPathComponent("cli-16k")
        let build = try TestSupport.run(folio, ["build", TestSupport.path("Reports/ningbo-2022"), "--out", out, "--layout", "brochure-16k",
                                                "--print", "--no-cards", "--verbose"], cwd: TestSupport.root)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("pages, a multiple of 2"), "\(build.stdout)")   // brochure-16k pads to 2
        #expect(build.stdout.contains("brochure-print.pdf: fit to print"))
    }

    /// A two-page PDF with what print shops reject: no output intent, a TrimBox equal to
    /// the MediaBox (no bleed) on page 1 and none on page 2, rich-black text in a font
    /// that is not embedded, a 0.1 pt rule, and a 20×20 px RGB image placed 144 pt wide.
    static func badPDF() -> Data {
        var pixels = ""
        for i in 0..<(20 * 20) { pixels += i % 2 == 0 ? "FF0000" : "0000FF" }
        let page1 = "0.6 0.5 0.4 1 k BT /F1 24 Tf 72 700 Td (Rich black) Tj ET 0.1 w 0 0 0 1 K 72 650 m 500 650 l S"
        let page2 = "q 144 0 0 144 72 500 cm /Im1 Do Q"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /TrimBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 7 0 R >> >> /Contents 8 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [\(Array(repeating: "500", count: 95).joined(separator: " "))] /FontDescriptor 9 0 R >>",
            "<< /Length \(page1.utf8.count) >>\nstream\n\(page1)\nendstream",
            "<< /Type /XObject /Subtype /Image /Width 20 /Height 20 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length \(pixels.count + 1) >>\nstream\n\(pixels)>\nendstream",
            "<< /Length \(page2.utf8.count) >>\nstream\n\(page2)\nendstream",
            "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}

/// Images in the print file: converted to CMYK, never left RGB, their resolution checked.
@Suite("Print images", .serialized)
struct PrintImageTests {
    @Test("photos become DeviceCMYK at their own pixel size, a PNG's alpha stays a soft mask; preflight locates the low-resolution ones")
    func imagesInPrint() throws {
        let directory = TestSupport.path("Tests/Fixtures/with-images")
        let report = try #require(ReportLoader().load(directory: directory).report)
        let document = try BrochureLayout(typesetter: PrintFixtures.typesetter()).document(for: report)
        let path = try PrintFixtures.write(try PDFExporter().export(document, options: PrintFixtures.printOptions()), "with-images-print.pdf")
        let rows = try TestSupport.run("pdfimages", ["-list", path]).stdout.split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        let images = rows.filter { $0.count > 5 && $0[2] == "image" }
        #expect(!images.isEmpty)
        #expect(images.allSatisfy { $0[5] == "cmyk" || $0[5] == "gray" }, "\(images)")
        #expect(rows.contains { $0.count > 5 && $0[2] == "smask" })
        let preflight = try Preflight().check(path)
        #expect(preflight.check("colour")?.severity == .ok, "\(preflight.rendered())")
        // The fixture's pictures are small (480 px wide across the page): under 150 ppi, on their pages.
        let imagePages = Set(images.compactMap { Int($0[0]) })
        #expect(Set(preflight.check("images")?.findings.compactMap(\.page) ?? []) == imagePages)
        #expect(preflight.check("images")?.severity == .error)
    }
}
