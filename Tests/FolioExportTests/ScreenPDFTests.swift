import FolioCore
import FolioExport
import FolioTestSupport
import Foundation
import Testing

/// The screen file read back: outline, contents links, metadata, page labels, tags.
@Suite("Screen PDF", .serialized)
struct ScreenPDFTests {
    let mm = pointsPerMillimetre

    @Test("outline: foreword, contents, every event by rank and title, statistics — each where it begins")
    func outline() throws {
        let document = try PrintFixtures.document.get()
        let path = try PrintFixtures.screen.get()
        let json = try PrintFixtures.qpdfJSON(path, keys: ["outlines"])
        let outlines = json["outlines"] as? [[String: Any]] ?? []
        let report = TestSupport.defaultReport
        let expected = ["前言", "目录"] + report.events.map { String(format: "%02d ", $0.rank) + $0.title } + ["数据一览"]
        #expect(outlines.compactMap { PrintFixtures.text($0["title"]) } == expected)
        let destinations = ["foreword", "contents"] + report.events.map { "event-\($0.id)" } + ["statistics"]
        let roles = ["foreword", "contents"] + report.events.map { _ in "event" } + ["statistics"]
        for (k, entry) in outlines.enumerated() where k < destinations.count {
            let page = entry["destpageposfrom1"] as? Int
            let expectedPage = PrintFixtures.page(of: destinations[k], in: document)
            #expect(page != nil && page == expectedPage, "\(expected[k]) lands on page \(page ?? -1), not \(expectedPage ?? -1)")
            if let page { #expect(document.pages[page - 1].role == roles[k]) }
            // [page, /XYZ, left, top, zoom]: where the section begins — the trim's top-left
            // corner (3 mm inside the MediaBox), or an event's head where events share pages.
            let point = document.pages.flatMap { $0.items.flatMap(\.flattened) }.lazy.compactMap { item -> Point? in
                if case .destination(let name, let at) = item, name == destinations[k] { return at }
                return nil
            }.first ?? Point(x: 0, y: 0)
            let dest = entry["dest"] as? [Any] ?? []
            let left = dest.count > 3 ? dest[2] as? Double : nil
            let top = dest.count > 3 ? dest[3] as? Double : nil
            #expect(dest.count == 5 && (dest[1] as? String) == "/XYZ")
            #expect(abs((left ?? 0) - (3 * mm + point.x)) < 0.01 && abs((top ?? 0) - ((297 + 3) * mm - point.y)) < 0.01, "\(dest)")
        }
        // The events were found by their titles on the pages the outline names.
        for event in report.events {
            guard let page = PrintFixtures.page(of: "event-\(event.id)", in: document) else { continue }
            let text = try TestSupport.run("pdftotext", ["-f", String(page), "-l", String(page), "-enc", "UTF-8", path, "-"]).stdout
            #expect(text.replacingOccurrences(of: "\n", with: "").contains(String(event.title.prefix(6))), "\(event.id) on page \(page)")
        }
    }

    @Test("every contents entry is a link over its own line that jumps to the page its number prints")
    func contentsLinks() throws {
        let document = try PrintFixtures.document.get()
        let path = try PrintFixtures.screen.get()
        guard let contentsPage = PrintFixtures.page(of: "contents", in: document) else {
            Issue.record("no contents page")
            return
        }
        // Named destinations and their pages, as a reader resolves them.
        var destinationPages: [String: Int] = [:]
        for line in try TestSupport.run("pdfinfo", ["-dests", path]).stdout.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if let page = parts.first.flatMap({ Int($0) }), let name = parts.last {
                destinationPages[String(name.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))] = page
            }
        }
        let json = try PrintFixtures.qpdfJSON(path, keys: ["pages"])
        let pages = json["pages"] as? [[String: Any]] ?? []
        let objects = try PrintFixtures.objects(path)
        let pageObject = (pages[contentsPage - 1]["object"] as? String).flatMap { objects["obj:" + $0] as? [String: Any] }
        let annotations = (pageObject?["/Annots"] as? [String] ?? []).compactMap { objects["obj:" + $0] as? [String: Any] }
        let links = annotations.filter { ($0["/Subtype"] as? String) == "/Link" }
        let report = TestSupport.defaultReport
        let expected = ["foreword"] + report.events.map { "event-\($0.id)" } + ["statistics"]
        #expect(links.compactMap { PrintFixtures.text($0["/Dest"]) } == expected)

        // The words on the contents page with their boxes (top-left origin, in points).
        let xhtml = try TestSupport.run("pdftotext", ["-f", String(contentsPage), "-l", String(contentsPage), "-bbox", "-enc", "UTF-8", path, "-"]).stdout
        let words = Self.words(xhtml)
        let mediaHeight = (297 + 6) * mm
        let titles = ["前言"] + report.events.map(\.title) + ["数据一览"]
        for (link, (name, title)) in zip(links, zip(expected, titles)) {
            guard let rect = link["/Rect"] as? [Double], rect.count == 4 else { continue }
            let target = destinationPages[name]
            #expect(target != nil && target == PrintFixtures.page(of: name, in: document), "\(name) → page \(target ?? -1)")
            // Words whose centre lies in the link's rectangle, in reading order.
            let inside = words.filter { w in
                let cx = (w.x0 + w.x1) / 2, cy = mediaHeight - (w.y0 + w.y1) / 2
                return cx > rect[0] && cx < rect[2] && cy > rect[1] && cy < rect[3]
            }
            let line = inside.map(\.text).joined()
            #expect(line.contains(String(title.prefix(5))), "link to \(name) covers '\(line)'")
            if let target {
                // The entry's first line ends in the page number; a detail line may follow it.
                #expect(inside.contains { $0.text == document.pages[target - 1].label }, "link to \(name): '\(line)' should show page \(target)")
            }
        }
    }

    @Test("metadata: title, publisher as author, subject, categories as keywords, published date")
    func metadata() throws {
        let path = try PrintFixtures.screen.get()
        let info = try TestSupport.run("pdfinfo", ["-isodates", path]).stdout
        let report = TestSupport.defaultReport
        func field(_ name: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("Title") == report.title)
        #expect(field("Author") == report.publisher)
        #expect(field("Subject")?.contains(report.subtitle ?? "") == true && field("Subject")?.contains(String(report.edition)) == true)
        #expect(field("Keywords") == report.categories.joined(separator: ", "))
        #expect(!report.categories.isEmpty)
        #expect(field("CreationDate") == "\(report.published.description)T00:00:00Z")
        #expect(field("Tagged") == "yes")
    }

    @Test("page labels are the printed folios; the covers are named")
    func pageLabels() throws {
        let document = try PrintFixtures.document.get()
        let path = try PrintFixtures.screen.get()
        let json = try PrintFixtures.qpdfJSON(path, keys: ["pagelabels"])
        let ranges = (json["pagelabels"] as? [[String: Any]] ?? []).compactMap { r -> (Int, [String: Any])? in
            guard let i = r["index"] as? Int, let l = r["label"] as? [String: Any] else { return nil }
            return (i, l)
        }
        var labels: [String] = []
        for index in document.pages.indices {
            guard let (start, range) = ranges.last(where: { $0.0 <= index }) else { labels.append(""); continue }
            var label = PrintFixtures.text(range["/P"]) ?? ""
            if (range["/S"] as? String) == "/D" { label += String((range["/St"] as? Int ?? 1) + index - start) }
            labels.append(label)
        }
        #expect(labels == document.pages.map { $0.label ?? "" })
        #expect(labels.first == "封面" && labels.last == "封底")
        // Where a folio is printed (the bottom margin), it is the label.
        let trimHeight = 297 * mm
        for (i, page) in document.pages.enumerated() {
            let folios = page.items.flatMap(\.flattened).compactMap { item -> String? in
                guard case .text(let run) = item, run.bounds.minY > trimHeight - 24 * mm else { return nil }
                return run.text
            }
            if page.role == "cover" || page.role == "back" {
                #expect(folios.allSatisfy { Int($0) == nil }, "page \(i + 1) prints a number")
            } else {
                #expect(folios == [String(i + 1)] && page.label == String(i + 1), "page \(i + 1): folio \(folios), label \(page.label ?? "-")")
            }
        }
    }

    @Test("tagged: a Document holding headings, paragraphs, figures and a TOC of linked contents items")
    func structureTree() throws {
        let path = try PrintFixtures.screen.get()
        let objects = try PrintFixtures.objects(path)
        var roles: [String: Int] = [:]
        var catalog: [String: Any] = [:]
        for value in objects.values {
            guard let dict = value as? [String: Any] else { continue }
            if (dict["/Type"] as? String) == "/StructElem", let s = dict["/S"] as? String { roles[s, default: 0] += 1 }
            if (dict["/Type"] as? String) == "/Catalog" { catalog = dict }
        }
        #expect((catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool == true)
        #expect(catalog["/StructTreeRoot"] != nil)
        #expect(roles["/Document"] == 1)
        // The report's title (cover) is the one H1; foreword, contents, every event and the
        // statistics are H2 sections under it.
        #expect(roles["/H1"] == 1)
        #expect(roles["/H2"] == TestSupport.defaultReport.events.count + 3)
        #expect(roles["/TOC"] == 1)
        #expect(roles["/Link"] == roles["/TOCI"])
        #expect((roles["/P"] ?? 0) >= TestSupport.defaultReport.events.count)
        #expect((roles["/Figure"] ?? 0) >= 1)
        #expect(roles["/TOCI"] == TestSupport.defaultReport.events.count + 2)
        let info = try TestSupport.run("pdfinfo", [path]).stdout
        #expect(info.contains("Tagged:          yes"))
    }

    @Test("fonts embedded, subset, with Unicode maps; qpdf finds nothing wrong")
    func fonts() throws {
        let path = try PrintFixtures.screen.get()
        try Self.expectFontsEmbedded(path)
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
    }

    static func expectFontsEmbedded(_ path: String) throws {
        let lines = try TestSupport.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(lines.count >= 2)
        for line in lines {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.suffix(5).prefix(3).allSatisfy { $0 == "yes" }, "\(line)")
        }
    }

    struct Word {
        var x0: Double, y0: Double, x1: Double, y1: Double, text: String
    }

    /// The words of `pdftotext -bbox` output.
    static func words(_ xhtml: String) -> [Word] {
        var words: [Word] = []
        for line in xhtml.split(separator: "\n") where line.contains("<word ") {
            func attribute(_ name: String) -> Double? {
                guard let r = line.range(of: name + "=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            guard let x0 = attribute("xMin"), let y0 = attribute("yMin"), let x1 = attribute("xMax"), let y1 = attribute("yMax"),
                  let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            words.append(Word(x0: x0, y0: y0, x1: x1, y1: y1, text: String(line[line.index(after: open)..<close.lowerBound])))
        }
        return words
    }
}
