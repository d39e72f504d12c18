import FolioCore
import FolioExport
import FolioGraphics
import Foundation

/// The PDF/X print file (`brochure-print.pdf`): the laid-out document exported for print
/// (no links or tags, flattened transparency, page boxes, marks when asked for), then
/// converted to PDF/X-3 CMYK by Ghostscript.
struct PrintPDF {
    var subsetCache: FontSubsetCache?
    var pageCache: PDFPageCache?

    func make(_ document: Document, marks: Bool) throws -> Data {
        let converter: PDFXConverter
        do {
            converter = try PDFXConverter()
        } catch {
            throw BuildError.environment("\(error)")
        }
        let pdf = try PDFExporter(subsetCache: subsetCache, pageCache: pageCache).export(document, options: .print(marks: marks))
        do {
            return try converter.convert(pdf, info: document.info)
        } catch let failure as PDFXConverter.Failure {
            throw BuildError.environment(failure.description)
        }
    }
}
