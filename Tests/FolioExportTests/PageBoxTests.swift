import FolioCore
import FolioExport
import FolioTestSupport
import Foundation
import Testing

@Suite("Page boxes")
struct PageBoxTests {
    @Test("TrimBox and BleedBox are added to every page and qpdf accepts the file")
    func boxes() throws {
        let page = Page(size: Size(width: 595.276, height: 841.89), bleed: 8.504,
                        items: [.shape(Shape(path: .rect(Rect(x: -8.504, y: -8.504, width: 612.284, height: 858.898)), fill: .black))])
        let document = Document(info: DocumentInfo(title: "t", author: "a", creationDate: "2023-02-01"), pages: [page, page])
        let data = try PDFExporter().export(document)
        let path = (TestSupport.temporaryDirectory("boxes") as NSString).appendingPathComponent("b.pdf")
        FileManager.default.createFile(atPath: path, contents: data)
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        let info = try TestSupport.run("pdfinfo", ["-box", "-f", "1", "-l", "2", path]).stdout
        #expect(info.contains("Page    1 TrimBox:       8.50     8.50   603.78   850.39"))
        #expect(info.contains("Page    2 BleedBox:      0.00     0.00   612.28   858.90"))
    }
}
