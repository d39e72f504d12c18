@testable import FolioExport
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

@Suite("Image embedding")
struct ImageEmbeddingTests {
    @Test("a JPEG goes into the PDF as its own bytes (DCT, not re-encoded); a PNG as a lossless image")
    func jpegPassthrough() throws {
        let directory = TestSupport.path("Tests/Fixtures/with-images")
        let report = try #require(ReportLoader().load(directory: directory).report)
        let document = try BrochureLayout(typesetter: PrintFixtures.typesetter()).document(for: report)
        let path = try PrintFixtures.write(try PDFExporter().export(document), "with-images.pdf")

        let list = try TestSupport.run("pdfimages", ["-list", path]).stdout.split(separator: "\n").dropFirst(2)
        let encodings = list.map { $0.split(separator: " ", omittingEmptySubsequences: true)[8] }
        #expect(encodings.contains("jpeg"), "\(list)")
        #expect(encodings.contains("image"), "\(list)")

        // `pdfimages -j` writes DCT streams out as they are stored: the very file of the report.
        let out = TestSupport.temporaryDirectory("jpeg-out")
        _ = try TestSupport.run("pdfimages", ["-j", path, (out as NSString).appendingPathComponent("img")])
        let extracted = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".jpg") }
        let original = try Data(contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent("images/harbour.jpg")))
        #expect(!extracted.isEmpty)
        #expect(try extracted.allSatisfy { try Data(contentsOf: URL(fileURLWithPath: (out as NSString).appendingPathComponent($0))) == original })
    }
}
