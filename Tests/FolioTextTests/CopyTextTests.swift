import FolioCore
import FolioGraphics
import FolioTestSupport
import FolioText
import Foundation
import Testing

/// End to end: paragraphs written to PDF by PDFExporter, read back with poppler's `pdftotext`,
/// give exactly the composed lines: no space that is not in the data, every real space kept.
@Suite("Copied text")
struct CopyTextTests {
    /// Sets every sample at several widths, sizes and punctuation styles, draws them and
    /// returns the sheet with the PDF's path. With FOLIO_PROOF=path the PDF is kept there.
    static func proof() throws -> (sheet: ProofSheet, path: String) {
        var sheet = ProofSheet()
        for (name, style) in [("serif 10", Fixture.serif), ("sans 10", Fixture.sans)] {
            for punctuation in PunctuationStyle.allCases {
                var f = Fixture(style: style)
                f.settings.punctuation = punctuation
                for width in [137.0, 205.0, 262.0] {
                    for text in Samples.body {
                        sheet.add("\(name) · \(punctuation.rawValue) · \(Int(width)) pt", f.compose(text, width: width, indent: 20),
                                  width: width, leading: 17)
                    }
                }
            }
        }
        var title = Fixture(style: CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", weight: 700, size: 20)))
        title.settings.punctuation = .gb
        for width in [180.0, 288.0] {
            for text in Samples.titles {
                sheet.add("balanced · bold 20 · \(Int(width)) pt", title.compose(text, width: width, alignment: .left, balanced: true),
                          width: width, leading: 29)
            }
        }
        let dir = TestSupport.temporaryDirectory("composer-proof")
        let path = try sheet.write(to: (dir as NSString).appendingPathComponent("proof.pdf"))
        if let keep = ProcessInfo.processInfo.environment["FOLIO_PROOF"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: path, toPath: keep)
        }
        return (sheet, path)
    }

    @Test("pdftotext gives back every drawn line exactly")
    func roundTrip() throws {
        let (sheet, path) = try Self.proof()
        let extracted = try ProofSheet.extract(path, pages: sheet.drawnLines.count)
        #expect(extracted.count == sheet.drawnLines.count)
        for (page, (drawn, read)) in zip(sheet.drawnLines, extracted).enumerated() {
            #expect(read == drawn, "page \(page + 1)")
        }
    }
}
