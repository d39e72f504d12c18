import FolioCore
@testable import FolioExport
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Multi-column pages read column by column: each paragraph (a `P` element's text on the
/// page, from the display list) comes out of every reader whole, its lines in a row.
@Suite("Reading order of two-column pages", .serialized)
struct ReadingOrderTests {
    /// A `P` element's text on a page and where its lines start.
    struct Paragraph {
        var text: String
        var minX: Double
    }

    /// The paragraphs of a page, in the order the display list has them.
    static func paragraphs(_ items: [Item]) -> [Paragraph] {
        var found: [Paragraph] = []
        for item in items {
            switch item {
            case .tagged(let tag, let children) where tag.role == "P":
                let runs = children.flatMap(\.flattened).compactMap { item -> GlyphRun? in
                    if case .text(let run) = item { return run }
                    return nil
                }
                guard !runs.isEmpty else { continue }
                found.append(Paragraph(text: runs.map(\.text).joined(), minX: runs.map(\.bounds.x).min()!))
            case .tagged(_, let children):
                found += paragraphs(children)
            case .group(let group):
                found += paragraphs(group.placedItems)
            default:
                continue
            }
        }
        return found
    }

    /// Pages with body paragraphs (of at least 40 characters) in both halves of the page.
    static func twoColumnPages(_ document: Document) -> [(page: Int, paragraphs: [Paragraph])] {
        document.pages.enumerated().compactMap { i, page in
            let body = paragraphs(page.items).filter { $0.text.count >= 40 }
            let mid = page.size.width / 2
            guard body.contains(where: { $0.minX < mid - 20 }), body.contains(where: { $0.minX > mid }) else { return nil }
            return (i + 1, body)
        }
    }

    static func missing(_ paragraphs: [Paragraph], in text: String) -> [String] {
        let joined = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
        return paragraphs.map(\.text).filter { !joined.contains($0) }
    }

    @Test("the 16K foreword's two columns come out as whole paragraphs in MuPDF and PDFium (poppler: known issue)")
    func columns() throws {
        let report = TestSupport.defaultReport
        let document = try AccessibilityFixtures.document(report, layout: "brochure-16k")
        let path = try AccessibilityFixtures.brochure(report, layout: "brochure-16k", name: "reading-order-16k")
        let pages = Self.twoColumnPages(document)
        // The foreword is one of them: the test sees two columns where there are two.
        let foreword = try #require(PrintFixtures.page(of: "foreword", in: document))
        #expect(pages.contains { $0.page == foreword }, "no two-column page found at the foreword (page \(foreword))")
        for (page, paragraphs) in pages {
            for (engine, text) in [("MuPDF", try AccessibilityFixtures.mupdf(path, page: page)),
                                   ("PDFium", try AccessibilityFixtures.pdfium(path, page: page))] {
                let lost = Self.missing(paragraphs, in: text)
                #expect(lost.isEmpty, "\(engine), page \(page): not whole: \(lost)")
            }
            // poppler 22.12 gathers lines into a block only when their baselines are at
            // most 1.5 em apart; the 16K body is 9.5pt on a 16pt grid (1.68 em), so each
            // line is a block and blocks of one height are read across the columns. No
            // content order, marked content or structure changes that (docs/pdf.md).
            let poppler = try AccessibilityFixtures.poppler(path, page: page)
            withKnownIssue("poppler reads the lines of a 9.5pt-on-16pt two-column page across the columns") {
                #expect(Self.missing(paragraphs, in: poppler).isEmpty)
            }
        }
    }
}
