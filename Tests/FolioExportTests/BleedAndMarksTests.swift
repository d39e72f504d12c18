import FolioCore
@testable import FolioExport
import FolioTestSupport
import Foundation
import Testing

@Suite("Bleed and printer's marks", .serialized)
struct BleedAndMarksTests {
    let mm = pointsPerMillimetre

    /// Every drawn leaf of a page with the clip it is drawn under.
    static func leaves(_ items: [Item], clip: Rect?, into out: inout [(Item, Rect?)]) {
        for item in items {
            switch item {
            case .group(let group): leaves(group.placedItems, clip: group.placedClip ?? clip, into: &out)
            case .tagged(_, let children): leaves(children, clip: clip, into: &out)
            case .link, .destination: break
            default: out.append((item, clip))
            }
        }
    }

    @Test("only backgrounds and bleed art, clipped to the 3 mm bleed box, pass the trim")
    func bleedFromDisplayList() throws {
        let document = try PrintFixtures.document.get()
        var reachingBleedEdge: Set<String> = []
        for (i, page) in document.pages.enumerated() {
            #expect(abs(page.bleed - 3 * mm) < 1e-9)
            var leaves: [(Item, Rect?)] = []
            Self.leaves(page.items, clip: nil, into: &leaves)
            for (item, clip) in leaves {
                guard let bounds = item.bounds else { continue }
                if page.trimBox.contains(bounds) { continue }
                // Past the trim: must be a shape or an image clipped to exactly the bleed box.
                let isArt: Bool
                switch item {
                case .shape, .image: isArt = true
                default: isArt = false
                }
                #expect(isArt && clip == page.bleedBox, "page \(i + 1) (\(page.role)): \(item) leaves the trim unclipped")
                if let clip, clip == page.bleedBox, bounds.minX <= clip.minX || bounds.minY <= clip.minY
                    || bounds.maxX >= clip.maxX || bounds.maxY >= clip.maxY {
                    reachingBleedEdge.insert(page.role)
                }
            }
        }
        // The cover and back backgrounds and the event bands run to the bleed's edge.
        #expect(reachingBleedEdge.isSuperset(of: ["cover", "event", "back"]))
    }

    @Test("the print file's bleed: dark to the MediaBox edge on the cover, paper on a text page")
    func bleedRendered() throws {
        let path = try PrintFixtures.print.get()
        let pages = try PrintFixtures.render(path, dpi: 72, pages: 1...2)
        let (cover, foreword) = (pages[0], pages[1])
        // 1 px = 1 pt; the bleed is the outer 8.5 px.
        for (x, y) in [(1, 1), (cover.width - 2, cover.height - 2), (1, cover.height / 2), (cover.width / 2, 1)] {
            #expect(cover.darkness(x, y) < 120, "cover bleed at \(x),\(y) is not dark")
            #expect(foreword.darkness(x, y) > 250, "foreword bleed at \(x),\(y) is not paper")
        }
    }

    @Test("marks lie outside the bleed and inside the grown MediaBox")
    func marksGeometry() throws {
        let page = Page(size: Size(width: 210 * mm, height: 297 * mm), bleed: 3 * mm)
        let media = page.bleedBox.insetBy(-PDFExporter.marksMargin)
        let marks = PrinterMarks.items(for: page)
        #expect(marks.count >= 8 + 4 * 4)
        for item in marks {
            guard case .shape(let shape) = item, let bounds = shape.path.bounds else {
                Issue.record("a mark is not a shape")
                continue
            }
            let painted = bounds.insetBy(-(shape.stroke?.width ?? 0) / 2)
            #expect(!painted.intersects(page.bleedBox, tolerance: 0), "mark \(painted) enters the bleed box")
            #expect(media.contains(painted), "mark \(painted) leaves the MediaBox")
        }
    }

    @Test("with --marks the MediaBox grows, boxes stay, and nothing is drawn inside the bleed but the page")
    func marksRendered() throws {
        let size = Size(width: 210 * mm, height: 297 * mm), bleed = 3 * mm
        let blank = Page(size: size, bleed: bleed, label: "1")
        let bleedBox = Rect(x: -bleed, y: -bleed, width: size.width + 2 * bleed, height: size.height + 2 * bleed)
        let dark = Page(size: size, bleed: bleed, items: [.clipped(bleedBox, [.shape(Shape(path: .rect(bleedBox), fill: .black))])], label: "2")
        let document = Document(info: DocumentInfo(title: "marks", author: "Folio", creationDate: "2023-02-01"), pages: [blank, dark])
        let data = try PDFExporter().export(document, options: PrintFixtures.printOptions(marks: true))
        let path = try PrintFixtures.write(data, "marks.pdf")
        let m = PDFExporter.marksMargin
        let boxes = try PrintFixtures.boxes(path, pages: 2)
        for page in 1...2 {
            PrintPDFTests.expect(boxes[page]?["MediaBox"], [0, 0, size.width + 2 * (bleed + m), size.height + 2 * (bleed + m)], "MediaBox \(page)")
            PrintPDFTests.expect(boxes[page]?["TrimBox"], [bleed + m, bleed + m, bleed + m + size.width, bleed + m + size.height], "TrimBox \(page)")
            PrintPDFTests.expect(boxes[page]?["BleedBox"], [m, m, m + size.width + 2 * bleed, m + size.height + 2 * bleed], "BleedBox \(page)")
        }
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)

        // At 72 dpi a pixel is a point: the bleed box spans pixels m ..< m + w + 2·bleed.
        let image = try PrintFixtures.render(path, page: 1, dpi: 72)
        let inner = Rect(x: m, y: m, width: size.width + 2 * bleed, height: size.height + 2 * bleed)
        var darkInside = 0, darkOutside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.darkness(x, y) < 200 {
                let p = Rect(x: Double(x), y: Double(y), width: 1, height: 1)
                if inner.insetBy(1).intersects(p, tolerance: 0) { darkInside += 1 } else { darkOutside += 1 }
            }
        }
        #expect(darkInside == 0, "\(darkInside) dark pixels inside the bleed box of a blank page")
        #expect(darkOutside > 200, "no marks drawn (\(darkOutside) dark pixels)")
        // The crop mark on the trim's top edge, left of the page: the row at the trim line.
        let row = Int((m + bleed).rounded())
        let markStart = Int((m - 2 - 1).rounded(.down)), markEnd = Int((m - 8 * mm).rounded(.up))
        #expect((markEnd...markStart).contains { image.darkness($0, row) < 200 || image.darkness($0, row - 1) < 200 })

        // On the dark page the black stops at the bleed's edge: the 2 pt gap before the marks is paper.
        let darkPage = try PrintFixtures.render(path, page: 2, dpi: 72)
        let mid = darkPage.height / 3 // clear of the registration target at half height
        #expect(darkPage.darkness(Int(m + 3), mid) < 60)
        #expect(darkPage.darkness(Int(m) - 2, mid) > 200)
        #expect(darkPage.darkness(darkPage.width / 2, darkPage.height / 2) < 60)
    }

    @Test("the print file with marks keeps the grown MediaBox and the trim, and is still PDF/X-4")
    func marksInPrintFile() throws {
        let document = try PrintFixtures.document.get()
        let short = Document(info: document.info, pages: Array(document.pages.prefix(2)), outline: [])
        let path = try PrintFixtures.write(try PDFExporter().export(short, options: PrintFixtures.printOptions(marks: true)), "print-marks.pdf")
        let m = PDFExporter.marksMargin, bleed = 3 * mm, w = 210 * mm, h = 297 * mm
        let boxes = try PrintFixtures.boxes(path, pages: 2)
        PrintPDFTests.expect(boxes[2]?["MediaBox"], [0, 0, w + 2 * (bleed + m), h + 2 * (bleed + m)], "MediaBox")
        PrintPDFTests.expect(boxes[2]?["TrimBox"], [bleed + m, bleed + m, bleed + m + w, bleed + m + h], "TrimBox")
        PrintPDFTests.expect(boxes[2]?["BleedBox"], [m, m, m + w + 2 * bleed, m + h + 2 * bleed], "BleedBox")
        #expect(try PrintPDFTests.qdf(path).contains("/GTS_PDFXVersion (PDF/X-4)"))
    }

    @Test("marks are in registration colour: on every plate, the same pixels on each, 0.25 pt, on every page")
    func marksOnEveryPlate() throws {
        let document = try PrintFixtures.document.get()
        let short = Document(info: document.info, pages: Array(document.pages.prefix(3)), outline: [])
        let path = try PrintFixtures.write(try PDFExporter().export(short, options: PrintFixtures.printOptions(marks: true)), "plates-marks.pdf")
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(raw.contains("/All [/Separation /All /DeviceCMYK"))
        let plates = try Plates.render(path, dpi: 72)
        let m = PDFExporter.marksMargin
        let right = m + short.pages[0].bleedBox.width, bottom = m + short.pages[0].bleedBox.height
        for page in 1...3 {
            guard let cyan = plates[page]?["Cyan"], let magenta = plates[page]?["Magenta"],
                  let yellow = plates[page]?["Yellow"], let black = plates[page]?["Black"] else {
                Issue.record("page \(page): no separations")
                continue
            }
            // The margin outside the bleed box: only marks are drawn there.
            var marked = 0, mismatched = 0
            for y in 0..<black.height {
                for x in 0..<black.width where Double(x) < m - 1 || Double(y) < m - 1 || Double(x) > right + 1 || Double(y) > bottom + 1 {
                    let inks = [cyan, magenta, yellow, black].map { $0.ink(x, y) > 0 }
                    if inks.allSatisfy({ $0 }) { marked += 1 } else if inks.contains(true) { mismatched += 1 }
                }
            }
            #expect(marked > 200, "page \(page): \(marked) mark pixels on all four plates")
            #expect(mismatched == 0, "page \(page): \(mismatched) mark pixels on some plates only")
        }
        // Every stroke of the marks is 0.25 pt.
        let marks = PrinterMarks.items(for: short.pages[0])
        #expect(marks.allSatisfy { if case .shape(let s) = $0 { return s.stroke?.width == 0.25 } else { return false } })
    }
}
