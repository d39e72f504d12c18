import FolioCore
import FolioExport
import FolioGraphics
import FolioTestSupport
import FolioText
import Foundation

/// Draws composed paragraphs on A4 pages (written with FolioExport.PDFExporter), each under a
/// small caption and inside a hairline box showing its measure, and keeps the lines it
/// drew in reading order, so a test can compare them with what `pdftotext` extracts.
struct ProofSheet {
    struct Entry {
        var caption: String
        var paragraph: ComposedParagraph
        var width: Double
        var leading: Double
    }

    static let page = Size(width: 595, height: 842)
    static let margin = 40.0

    private(set) var entries: [Entry] = []

    mutating func add(_ caption: String, _ paragraph: ComposedParagraph, width: Double, leading: Double) {
        entries.append(Entry(caption: caption, paragraph: paragraph, width: width, leading: leading))
    }

    /// The text lines drawn, page by page, in order (captions included).
    private(set) var drawnLines: [[String]] = []

    /// Writes the PDF and returns its path.
    mutating func write(to path: String) throws -> String {
        let captionStyle = CharacterStyle(font: FontSpec(family: "Noto Sans CJK SC", size: 7),
                                          color: Color(red: 0.45, green: 0.45, blue: 0.5))
        let guide = Stroke(color: Color(red: 0.75, green: 0.82, blue: 0.95), width: 0.3)
        var pages: [Page] = []
        var items: [Item] = []
        var y = Self.margin
        var lines: [String] = []
        for entry in entries {
            let caption = Fixture.composer.compose(ParagraphSpec(spans: [TextSpan(entry.caption, style: captionStyle)],
                                                                 width: 500, alignment: .left))
            let height = 12 + Double(entry.paragraph.lines.count) * entry.leading + 10
            if y + height > Self.page.height - Self.margin {
                pages.append(Page(size: Self.page, items: items))
                items = []
                drawnLines.append(lines)
                lines = []
                y = Self.margin
            }
            for line in caption.lines {
                items += line.runs(atX: Self.margin, baseline: y + 7).map(Item.text)
                lines.append(line.text)
            }
            y += 12
            let box = Rect(x: Self.margin, y: y, width: entry.width, height: Double(entry.paragraph.lines.count) * entry.leading)
            items.append(.shape(Shape(path: .rect(box), stroke: guide)))
            for (k, line) in entry.paragraph.lines.enumerated() {
                let baseline = y + Double(k) * entry.leading + entry.leading * 0.72
                items += line.runs(atX: Self.margin, baseline: baseline).map(Item.text)
                lines.append(line.text)
            }
            y += box.height + 10
        }
        pages.append(Page(size: Self.page, items: items))
        drawnLines.append(lines)
        let document = Document(info: DocumentInfo(title: "Composer proof", author: "Folio tests", creationDate: "2024-01-01"),
                                pages: pages)
        let data = try PDFExporter().export(document)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The lines `pdftotext` extracts from each page of `path` (empty lines dropped).
    static func extract(_ path: String, pages: Int) throws -> [[String]] {
        var result: [[String]] = []
        for page in 1...pages {
            let out = try TestSupport.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", path, "-"])
            result.append(out.stdout.split(separator: "\n", omittingEmptySubsequences: true)
                .map { String($0).replacingOccurrences(of: "\u{0C}", with: "") }
                .filter { !$0.isEmpty })
        }
        return result
    }
}
