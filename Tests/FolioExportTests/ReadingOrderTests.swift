import FolioCore
@testable import FolioExport
import FolioLayout
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

    /// A reader's text of a page without its line breaks. Characters must come out as
    /// written: MuPDF reads ToUnicode alone (no ActualText), so the em dash of
    /// 「2023—2025」, drawn with the glyph Noto CJK's own character map gives U+2015, must
    /// map back to U+2014 there (`PDFFace`'s localized punctuation).
    static func joined(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
    }

    static func missing(_ paragraphs: [Paragraph], in text: String) -> [String] {
        let joined = joined(text)
        return paragraphs.map(\.text).filter { !joined.contains($0) }
    }

    /// The paragraphs that come out of order: each one found before the paragraph the
    /// display list puts ahead of it (paragraphs not found whole are left to `missing`).
    static func outOfOrder(_ paragraphs: [Paragraph], in text: String) -> [String] {
        let joined = joined(text)
        var last = joined.startIndex
        var late: [String] = []
        for paragraph in paragraphs {
            // A paragraph found after the one before it is in order (a report may say the
            // same thing twice on a page: look forward first).
            if let found = joined.range(of: paragraph.text, range: last..<joined.endIndex) {
                last = found.upperBound
            } else if joined.contains(paragraph.text) {
                late.append(String(paragraph.text.prefix(20)))
            }
        }
        return late
    }

    /// The default report and the corpus of test reports (Tests/Corpus), by folder name.
    static let reports = ["ningbo-2022", "haicheng-2024", "qinglan-2024", "tingzhou-2023", "lanshan-2025", "donglin-2025"]

    @Test("the 16K layout's column text is set at less than 1.5 em, so poppler keeps a paragraph's lines together")
    func leading() throws {
        let (loaded, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: "brochure-16k", card: false)
        let spec = try #require(loaded, "\(diagnostics)")
        // poppler 22.12 gathers two lines into one block only when their baselines are at
        // most 1.5 em apart: a looser paragraph comes out as lines read across the columns.
        for name in ["body", "lead", "caption", "foreword"] {
            let style = try #require(spec.styles[name], "no style \(name)")
            #expect(style.leading < 1.5 * style.size, "\(name): \(style.size)pt on \(style.leading)pt")
        }
        let body = try #require(spec.styles["body"])
        #expect(spec.page.baseline < 1.5 * body.size, "baseline grid \(spec.page.baseline)pt for a \(body.size)pt body")
    }

    @Test("poppler reads the 16K foreword column by column, every paragraph whole and in order")
    func forewordInPoppler() throws {
        let report = TestSupport.defaultReport
        let document = try AccessibilityFixtures.document(report, layout: "brochure-16k")
        let path = try AccessibilityFixtures.brochure(report, layout: "brochure-16k", name: "reading-order-foreword")
        let foreword = try #require(PrintFixtures.page(of: "foreword", in: document))
        let paragraphs = try #require(Self.twoColumnPages(document).first { $0.page == foreword }).paragraphs
        let text = try AccessibilityFixtures.poppler(path, page: foreword)
        #expect(Self.missing(paragraphs, in: text).isEmpty)
        #expect(Self.outOfOrder(paragraphs, in: text).isEmpty)
    }

    @Test("the 16K foreword is a two-column page the test sees")
    func forewordSeen() throws {
        let document = try AccessibilityFixtures.document(TestSupport.defaultReport, layout: "brochure-16k")
        let foreword = try #require(PrintFixtures.page(of: "foreword", in: document))
        #expect(Self.twoColumnPages(document).contains { $0.page == foreword },
                "no two-column page found at the foreword (page \(foreword))")
    }

    @Test("two-column pages come out of poppler, MuPDF and PDFium column by column: every paragraph whole, in order",
          arguments: reports)
    func columns(_ name: String) throws {
        let report = TestSupport.corpusReport(name)
        let document = try AccessibilityFixtures.document(report, layout: "brochure-16k")
        let path = try AccessibilityFixtures.brochure(report, layout: "brochure-16k", name: "reading-order-\(name)")
        let pages = Self.twoColumnPages(document)
        print("reading-order \(name) brochure-16k: \(pages.count) two-column pages: \(pages.map(\.page))")
        // (A short report may have none: tingzhou-2023's three events are short.)
        var popplerFaults: [String] = []
        for (page, paragraphs) in pages {
            // poppler orders text blocks by position alone; the 16K layout gives every
            // block of a column text beside it in the other (docs/pdf.md).
            for (engine, text) in [("poppler", try AccessibilityFixtures.poppler(path, page: page)),
                                   ("MuPDF", try AccessibilityFixtures.mupdf(path, page: page)),
                                   ("PDFium", try AccessibilityFixtures.pdfium(path, page: page))] {
                let lost = Self.missing(paragraphs, in: text)
                let late = Self.outOfOrder(paragraphs, in: text)
                if engine == "poppler" && Self.popplerOpen.contains(name) {
                    if !lost.isEmpty { popplerFaults.append("page \(page): not whole: \(lost.map { String($0.prefix(20)) })") }
                    if !late.isEmpty { popplerFaults.append("page \(page): out of order: \(late)") }
                    continue
                }
                #expect(lost.isEmpty, "\(name) \(engine), page \(page): not whole: \(lost.map { String($0.prefix(20)) })")
                #expect(late.isEmpty, "\(name) \(engine), page \(page): out of order: \(late)")
            }
        }
        if Self.popplerOpen.contains(name) {
            print("reading-order \(name) poppler: \(popplerFaults.count) faults: \(popplerFaults)")
            withKnownIssue("poppler, 200-event report: a few balanced pages still read out of order (docs/pdf.md)") {
                #expect(popplerFaults.isEmpty, "\(name) poppler: \(popplerFaults)")
            }
        }
    }

    /// Reports on which poppler still misreads some two-column pages (the 200-event report:
    /// 8 of its pages, where two balanced paragraphs line up as a table or a block with
    /// white beside it is widened). Every other report is held strict.
    static let popplerOpen: Set<String> = ["donglin-2025"]
}
