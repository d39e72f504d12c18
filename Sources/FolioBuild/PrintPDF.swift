import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import Foundation

/// The PDF/X-4 print file (`brochure-print.pdf`), written by Folio's own PDF writer in
/// DeviceCMYK for a named printing condition (no links or tags, page boxes, marks in
/// registration colour when asked for). See docs/pdf.md, "The print file".
struct PrintPDF {
    var subsetCache: FontSubsetCache?
    var pageCache: PDFPageCache?
    var resources = RenderResources()
    /// Folio's `Profiles/` folder.
    var profilesDirectory: String

    func make(_ document: Document, marks: Bool, condition: OutputCondition = .fogra39) throws -> Data {
        let options = PDFExporter.Options.print(marks: marks, condition: condition, profilesDirectory: profilesDirectory)
        do {
            return try PDFExporter(subsetCache: subsetCache, pageCache: pageCache, resources: resources).export(document, options: options)
        } catch let failure as PrintSetup.Failure {
            throw BuildError.environment(failure.description)
        }
    }
}

extension Builder {
    /// The print file's printing condition: the command line's, else the layout's, else FOGRA39.
    static func condition(_ options: BuildOptions, _ layout: LayoutSpec) -> OutputCondition {
        OutputCondition.named(options.condition ?? layout.page.condition ?? "fogra39") ?? .fogra39
    }
}
