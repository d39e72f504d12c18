import FolioCore
import FolioGraphics
import Foundation

/// Writes a laid-out document as PDF with Cairo, then adds the page boxes Cairo cannot
/// write (TrimBox, BleedBox) as an incremental update.
///
/// The screen file carries the navigation: outline, named destinations, contents links
/// and the structure tree. The print variant (`Options.print`) has none of these, may
/// carry printer's marks, and has its translucent colours flattened for PDF/X-3.
public struct PDFExporter: Sendable {
    public let fonts: FontSet
    /// Where subset fonts made for earlier PDFs are kept (nil: always subset afresh).
    public var subsetCache: FontSubsetCache?

    public init(fonts: FontSet, subsetCache: FontSubsetCache? = nil) {
        self.fonts = fonts
        self.subsetCache = subsetCache
    }

    /// Export choices.
    public struct Options: Hashable, Sendable {
        /// Crop and registration marks outside the bleed (the MediaBox grows to hold them).
        public var marks: Bool
        /// Links, named destinations, the outline and structure tags (off for the print
        /// file: PDF/X-3 allows no link annotations, and Ghostscript drops the tags).
        public var links: Bool
        /// Replace translucent colours by opaque ones where the backdrop is one colour
        /// (see `TransparencyFlattener`).
        public var flattenTransparency: Bool
        /// Set each page's CropBox to its TrimBox so viewers show the finished page
        /// without the bleed (the screen file).
        public var cropToTrim: Bool

        public init(marks: Bool = false, links: Bool = true, flattenTransparency: Bool = false, cropToTrim: Bool = true) {
            self.marks = marks
            self.links = links
            self.flattenTransparency = flattenTransparency
            self.cropToTrim = cropToTrim
        }

        /// The input of the PDF/X print file.
        public static func print(marks: Bool) -> Options {
            Options(marks: marks, links: false, flattenTransparency: true, cropToTrim: false)
        }
    }

    /// Room around the bleed for marks, in points.
    public static let marksMargin = 12 * pointsPerMillimetre

    /// The PDF's bytes.
    public func export(_ document: Document, options: Options = Options()) throws -> Data {
        guard let first = document.pages.first else {
            throw GraphicsError.cairo(operation: "write a PDF", status: "the document has no pages")
        }
        let writer = try PDFWriter(fonts: fonts, info: document.info, firstPageSize: mediaSize(first, options),
                                   tagged: options.links, glyphs: Self.glyphs(document.pages),
                                   subsetCache: subsetCache)
        var boxes: [PageBoxes] = []
        for (index, original) in document.pages.enumerated() {
            let page = options.flattenTransparency ? TransparencyFlattener.flatten(original).page : original
            let media = mediaSize(page, options)
            let offset = (options.marks ? Self.marksMargin : 0) + page.bleed
            let canvas = writer.beginPage(mediaSize: media, origin: Point(x: offset, y: offset), label: page.label)
            let painter = ItemPainter(canvas: canvas, interactive: options.links)
            try painter.paint(page.items)
            if options.marks { PrinterMarks.draw(on: canvas, page: page) }
            try writer.endPage(last: index == document.pages.count - 1)
            boxes.append(PageBoxes(media: media, trimOrigin: offset, trim: page.size, bleed: page.bleed, cropToTrim: options.cropToTrim))
        }
        if options.links {
            for entry in document.outline {
                let id = writer.addOutline(title: entry.title, destination: entry.destination)
                for child in entry.children {
                    writer.addOutline(title: child.title, destination: child.destination, parent: id)
                }
            }
        }
        let pdf = try writer.finish()
        return try PageBoxWriter.addBoxes(to: pdf, boxes: boxes)
    }

    /// Every glyph the pages draw, by face.
    static func glyphs(_ pages: [Page]) -> [FontRef: Set<UInt32>] {
        var used: [FontRef: Set<UInt32>] = [:]
        func visit(_ items: [Item]) {
            for item in items {
                switch item {
                case .text(let run): used[run.font, default: []].formUnion(run.glyphs.lazy.map(\.id))
                case .tagged(_, let children), .clipped(_, let children): visit(children)
                default: break
                }
            }
        }
        for page in pages { visit(page.items) }
        return used
    }

    private func mediaSize(_ page: Page, _ options: Options) -> Size {
        let extra = 2 * (page.bleed + (options.marks ? Self.marksMargin : 0))
        return Size(width: page.size.width + extra, height: page.size.height + extra)
    }
}
