import Foundation

/// The PDF/X print file, made by Ghostscript from the screen PDF (issue 6 fills this in).
enum PrintPDF {
    static func convert(_ pdf: Data, title: String) throws -> Data {
        throw BuildError.environment("the PDF/X print file is not available yet")
    }
}
