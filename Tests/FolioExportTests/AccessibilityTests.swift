import FolioCore
@testable import FolioExport
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// PDF/UA-1: every screen brochure Folio writes passes the two independent checkers from
/// PyPI (`outloud`, `pdfua`) with no error and no warning, keeps the structure rules our
/// own reader checks, and reads back as its data in poppler and PDFium.
@Suite("Accessibility (PDF/UA-1)", .serialized)
struct AccessibilityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var layout: String
        var report: @Sendable () throws -> Report
        var testDescription: String { "\(name) in \(layout)" }
    }

    static let cases: [Case] = [
        Case(name: "default", layout: "brochure") { TestSupport.defaultReport },
        Case(name: "default", layout: "brochure-16k") { TestSupport.defaultReport },
        Case(name: "with-images", layout: "brochure") { try AccessibilityFixtures.imagesReport.get() },
        Case(name: "with-images", layout: "brochure-16k") { try AccessibilityFixtures.imagesReport.get() },
        Case(name: "generated-24", layout: "brochure") { try AccessibilityFixtures.generatedReport.get() },
    ] + ["haicheng-2024", "qinglan-2024", "tingzhou-2023", "lanshan-2025", "donglin-2025"].flatMap { name in
        // The corpus of test reports (1 to 200 events, photos, every kind of chart).
        ["brochure", "brochure-16k"].map { layout in Case(name: name, layout: layout) { TestSupport.corpusReport(name) } }
    }

    @Test("outloud and pdfua find no error and no warning", arguments: cases)
    func checkers(_ c: Case) throws {
        let path = try AccessibilityFixtures.brochure(c.report(), layout: c.layout, name: "\(c.name)-\(c.layout)")
        let outloud = try AccessibilityFixtures.outloud(path)
        #expect(outloud.errors == 0 && outloud.warnings == 0, "outloud:\n\(outloud.output)")
        let pdfua = try AccessibilityFixtures.pdfua(path)
        #expect(pdfua.errors == 0 && pdfua.warnings == 0, "pdfua check:\n\(pdfua.output)")
        // Every rule of pdfua ran: none was skipped because the file tripped it up.
        #expect(!pdfua.output.contains("[skip"), "pdfua check skipped a rule:\n\(pdfua.output)")
    }

    @Test("structure: parent tree, Link elements with OBJRs, TOC around TOCIs, Alt on figures, headings, XMP", arguments: cases)
    func structure(_ c: Case) throws {
        let report = try c.report()
        let path = try AccessibilityFixtures.brochure(report, layout: c.layout, name: "structure-\(c.name)-\(c.layout)")
        var reader = try StructureReader(path: path)
        let problems = reader.problems(title: report.title)
        #expect(problems.isEmpty, "\(problems.prefix(12).joined(separator: "\n"))")
        // One contents list, each of its entries a link; as many H2 as sections and events.
        // (The shipped layouts make a contents only for more than 5 events: `events-over-5`.)
        let contents = report.events.count > 5
        #expect(reader.roles["/TOC"] == (contents ? 1 : nil))
        #expect(reader.roles["/TOCI"] == reader.roles["/Link"] || !contents)
        #expect((reader.roles["/TOCI"] ?? 0) >= (contents ? report.events.count : 0))
        #expect(reader.roles["/H2"] ?? 0 >= report.events.count)
    }

    @Test("the structure checks catch what they check: a file without tags, links or XMP fails them")
    func readerCatchesBreakage() throws {
        let document = try AccessibilityFixtures.document(TestSupport.defaultReport, layout: "brochure")
        let data = try PDFExporter().export(document, options: .init(links: false))
        let path = (AccessibilityFixtures.directory as NSString).appendingPathComponent("untagged.pdf")
        FileManager.default.createFile(atPath: path, contents: data)
        var reader = try StructureReader(path: path)
        let problems = reader.problems(title: TestSupport.defaultReport.title)
        #expect(problems.contains { $0.contains("StructTreeRoot") })
        #expect(problems.contains { $0.contains("pdfuaid:part") })
    }

    @Test("covers: subtitle, publisher, date and source are content; running heads and folios are artifacts")
    func coversAndFurniture() throws {
        let document = try AccessibilityFixtures.document(TestSupport.defaultReport, layout: "brochure")
        func taggedText(_ items: [Item], tagged: Bool = false) -> [(String, Bool, Rect)] {
            items.flatMap { item -> [(String, Bool, Rect)] in
                switch item {
                case .text(let run): return [(run.text, tagged, run.bounds)]
                case .tagged(let tag, let children): return taggedText(children, tagged: !tag.isArtifact)
                case .group(let group): return taggedText(group.placedItems, tagged: tagged)
                default: return []
                }
            }
        }
        let report = TestSupport.defaultReport
        let cover = taggedText(document.pages.first!.items), back = taggedText(document.pages.last!.items)
        for text in [report.subtitle, report.publisher, report.published.chinese].compactMap({ $0 }) {
            #expect(cover.contains { $0.0.contains(text) && $0.1 }, "cover: '\(text)' is not tagged")
        }
        #expect(back.contains { $0.0.contains(report.publisher) && $0.1 })
        if let source = report.source { #expect(back.contains { $0.0.contains(source) && $0.1 }, "back: the source is not tagged") }
        // Folios (the page's label, in the bottom margin) and the running heads (the
        // report's title in the top margin) are never tagged content.
        for page in document.pages.dropFirst().dropLast() {
            let texts = taggedText(page.items)
            let folio = texts.filter { $0.0 == page.label && $0.2.minY > page.size.height * 0.9 }
            #expect(!folio.isEmpty && folio.allSatisfy { !$0.1 }, "page \(page.label ?? "?") (\(page.role)): its folio is tagged or missing")
            #expect(!texts.contains { $0.1 && $0.0 == report.title && $0.2.maxY < page.size.height * 0.1 },
                    "page \(page.label ?? "?"): the running head is tagged")
        }
    }

    @Test("the text of an event page is its data in poppler, MuPDF and PDFium: no space at a Han–Latin gap")
    func extraction() throws {
        let report = TestSupport.defaultReport
        let event = report.events[0]
        let document = try AccessibilityFixtures.document(report, layout: "brochure")
        let path = try AccessibilityFixtures.brochure(report, layout: "brochure", name: "extraction")
        let page = try #require(PrintFixtures.page(of: "event-\(event.id)", in: document))
        let summary = try #require(event.summary)
        // The data has Han–Latin neighbours and no space between them, so any found is invented.
        #expect(summary.contains("9个") && AccessibilityFixtures.inventedSpaces(summary).isEmpty)
        // Every paragraph of the page's data, lines joined, is in the extracted text as it is.
        let data = [event.title, summary, event.date.map(\.chinese)].compactMap { $0 } + event.body
        func missing(_ text: String) -> [String] {
            let joined = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
            return data.filter { !joined.contains($0) }
        }
        // MuPDF 1.21 adds a space wherever the next glyph starts more than 0.15 em after
        // the previous glyph's advance in the embedded font program: the gap is written
        // as part of a widened copy of the glyph before it (PaddedFace), so there is none.
        for (engine, text) in [("poppler", try AccessibilityFixtures.poppler(path, page: page)),
                               ("MuPDF", try AccessibilityFixtures.mupdf(path, page: page)),
                               ("PDFium", try AccessibilityFixtures.pdfium(path, page: page))] {
            #expect(missing(text).isEmpty, "\(engine) does not give back \(missing(text)) from\n\(text)")
        }
    }
}
