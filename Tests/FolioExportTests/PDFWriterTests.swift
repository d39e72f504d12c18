import FolioCore
import FolioExport
import FolioGraphics
import FolioTestSupport
import FolioText
import Foundation
import Testing

/// Folio's PDF writer: pages made from themselves alone (so unchanged pages are reused),
/// and text that copies as the source text.
@Suite("PDF writer", .serialized)
struct PDFWriterTests {
    static let composer = Composer(fonts: TestSupport.fonts)
    static let style = CharacterStyle(font: FontSpec(family: "Noto Serif CJK SC", size: 12), color: Color(red: 0, green: 0, blue: 0))

    /// An A5 page with `text` set in one paragraph.
    static func page(_ text: String, label: String) -> Page {
        let paragraph = composer.compose(ParagraphSpec(spans: [TextSpan(text, style: style)], width: 360, alignment: .justify))
        var items: [Item] = [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 420, height: 40)), fill: Color(red: 0.1, green: 0.3, blue: 0.6, alpha: 0.5)))]
        for (k, line) in paragraph.lines.enumerated() {
            items.append(.tagged(StructureTag("P"), line.runs(atX: 30, baseline: 80 + Double(k) * 20).map(Item.text)))
        }
        items.append(.destination(name: "page-" + label, at: Point(x: 0, y: 0)))
        return Page(size: Size(width: 420, height: 595), bleed: 8.5, items: items, label: label)
    }

    static func document(_ pages: [Page]) -> Document {
        Document(info: DocumentInfo(title: "Writer test", author: "Folio tests", creationDate: "2024-05-01"), pages: pages,
                 outline: pages.map { OutlineEntry(title: "Page " + ($0.label ?? ""), pageIndex: 0, destination: "page-" + ($0.label ?? "")) })
    }

    /// The decoded content stream of every page.
    static func contents(_ data: Data, _ name: String) throws -> [String] {
        let path = try PrintFixtures.write(data, name)
        let json = try PrintFixtures.qpdfJSON(path, keys: ["pages"])
        return try (json["pages"] as? [[String: Any]] ?? []).map { page in
            let ids = page["contents"] as? [String] ?? []
            return try ids.map { id in
                try TestSupport.run("qpdf", ["--show-object=" + id.replacingOccurrences(of: " 0 R", with: ""), "--filtered-stream-data", path]).stdout
            }.joined()
        }
    }

    @Test("a page's content stream is the same whatever the other pages draw (new glyphs included)")
    func pagesAreIndependent() throws {
        let one = Self.page("甬江科创区启动建设，2022年12月29日举行仪式。", label: "1")
        let other = Self.page("第三代半导体、石墨烯与聚丁烯—1：鑫磊新材料的万吨级装置。", label: "2")
        let alone = try Self.contents(try PDFExporter().export(Self.document([one])), "alone.pdf")
        let together = try Self.contents(try PDFExporter().export(Self.document([one, other])), "together.pdf")
        #expect(alone.count == 1 && together.count == 2)
        #expect(alone.first == together.first)
        #expect(alone.first?.contains("TJ") == true)
    }

    @Test("with a page cache an unchanged page is reused, and the file is byte for byte a fresh export")
    func pageCache() throws {
        let pages = (1...3).map { Self.page("第\($0)页：科技创新\($0 * 7)件大事，聚焦“从0到1”。", label: String($0)) }
        // Room for every page of both versions: which pages are kept does not depend on
        // the order the pages are encoded in (they may be encoded at once).
        let cache = PDFPageCache(budget: 4)
        let exporter = PDFExporter(pageCache: cache)
        _ = try exporter.export(Self.document(pages))
        #expect(cache.count == 3 && cache.statistics.misses == 3)
        var edited = pages
        edited[1] = Self.page("第2页：改过的一段，新的字：鑫磊。", label: "2")
        let reused = try exporter.export(Self.document(edited))
        #expect(cache.statistics.hits == 2 && cache.statistics.misses == 4) // only the edited page was encoded
        _ = try exporter.export(Self.document(edited))
        #expect(cache.statistics.hits == 5)
        // Past its budget the cache forgets pages: it never holds more than it may.
        let small = PDFPageCache(budget: 3)
        _ = try PDFExporter(pageCache: small).export(Self.document(pages))
        _ = try PDFExporter(pageCache: small).export(Self.document(edited))
        #expect(small.count <= 3)
        let fresh = try PDFExporter().export(Self.document(edited))
        #expect(reused == fresh)
    }

    @Test("copied text is the source: radicals and unified ideographs sharing a glyph, Han–Latin gaps, marks")
    func copiedText() throws {
        // U+2F24 KANGXI RADICAL BIG and U+5927 大 are one glyph in Noto CJK.
        let text = "大⼤小，2022年“5G”基站（GPU）……完成。"
        let data = try PDFExporter().export(Self.document([Self.page(text, label: "1")]))
        let path = try PrintFixtures.write(data, "copied.pdf")
        let copied = try TestSupport.run("pdftotext", ["-enc", "UTF-8", path, "-"]).stdout
        #expect(copied.trimmingCharacters(in: .whitespacesAndNewlines) == text)
    }

    @Test("fonts are embedded subsets with widths and Unicode maps; qpdf accepts the file")
    func fonts() throws {
        let data = try PDFExporter().export(Self.document([Self.page("宁波科技创新 Folio 2022", label: "1")]))
        let path = try PrintFixtures.write(data, "fonts.pdf")
        let lines = try TestSupport.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.contains("CID Type 0C") && $0.contains("+NotoSerifCJKsc-Regular") })
        let columns = lines.first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
        #expect(columns.suffix(5).prefix(3) == ["yes", "yes", "yes"], "emb sub uni: \(lines)")
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
    }

    @Test("odd text, names and titles stay well-formed: brackets and backslashes, emoji, combining marks, right-to-left, controls")
    func oddInput() throws {
        var first = Self.page("宁波(a\\b) <x> [y] {z} /n #1 %2 )(", label: "(1)\\ /#%")
        first.items.append(.destination(name: "a (b) \\c /d #e 宁波", at: Point(x: 10, y: 10)))
        first.items.append(.link(LinkItem(rect: Rect(x: 10, y: 10, width: 50, height: 20), destination: "a (b) \\c /d #e 宁波")))
        // Glyphs the font set lacks, marks, joiners and controls: drawn as what the font has, text kept.
        let odd = Self.page("e\u{301}🙂👩‍👩‍👧 مرحبا שלום \u{0}\u{7}\u{FFFD}\u{200B}\u{FEFF}\u{202E}abc", label: "2")
        var document = Self.document([first, odd])
        document.info.title = "标题 (with) \\ brackets 🙂"
        document.outline.append(OutlineEntry(title: "a (b) 🙂", pageIndex: 0, destination: "a (b) \\c /d #e 宁波"))
        let path = try PrintFixtures.write(try PDFExporter().export(document), "odd.pdf")
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        #expect(try TestSupport.run("pdfinfo", [path]).stdout.contains("标题 (with) \\ brackets 🙂"))
        // pdfinfo shows a name's bytes as PDFDocEncoding: compare the ASCII part.
        #expect(try TestSupport.run("pdfinfo", ["-dests", path]).stdout.contains("\"a (b) \\c /d #e "))
        let copied = try TestSupport.run("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", path, "-"]).stdout
        #expect(copied.trimmingCharacters(in: .whitespacesAndNewlines) == "宁波(a\\b) <x> [y] {z} /n #1 %2 )(")
        let outline = try PrintFixtures.qpdfJSON(path, keys: ["outlines"])["outlines"] as? [[String: Any]] ?? []
        #expect(outline.compactMap { PrintFixtures.text($0["title"]) }.last == "a (b) 🙂")
    }

    @Test("an image after translucent drawing is painted opaque")
    func imageAfterTranslucentShape() throws {
        let red = try RasterImage(pixelWidth: 8, pixelHeight: 8, scale: 1, background: Color(red: 1, green: 0, blue: 0))
        let png = TestSupport.temporaryDirectory("writer-image") + "/red.png"
        try red.pngData(settings: .libpngDefault).write(to: URL(fileURLWithPath: png))
        let frame = Rect(x: 100, y: 100, width: 200, height: 200)
        let page = Page(size: Size(width: 400, height: 400), items: [
            .shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 50, height: 50)), fill: Color(red: 0, green: 0, blue: 1, alpha: 0.2))),
            .image(ImageItem(path: png, frame: frame, clip: frame)),
        ])
        let path = try PrintFixtures.write(try PDFExporter().export(Self.document([page])), "image-alpha.pdf")
        let prefix = TestSupport.temporaryDirectory("writer-image") + "/page"
        _ = try TestSupport.run("pdftoppm", ["-r", "18", "-png", "-singlefile", path, prefix])
        let pixels = try DecodedImage.png(path: prefix + ".png")
        // The middle of the image (200, 200 pt at 18 dpi = 50, 50 px): pure red, not red over white at 20 %.
        let p = pixels.pixels[50 * pixels.width + 50]
        #expect((p >> 16) & 0xFF > 250 && (p >> 8) & 0xFF < 5 && p & 0xFF < 5, "\(String(p, radix: 16))")
    }

    @Test("a partial date is written as far as it is known (D:YYYYMM), a whole one at midnight UTC")
    func dates() throws {
        for (date, expected) in [("2023-02", "(D:202302)"), ("2023", "(D:2023)"), ("2023-02-01", "(D:20230201000000Z)")] {
            var document = Self.document([Self.page("日期", label: "1")])
            document.info.creationDate = date
            let data = try PDFExporter().export(document)
            #expect(String(decoding: data, as: UTF8.self).contains("/CreationDate " + expected), "\(date)")
        }
    }
}
