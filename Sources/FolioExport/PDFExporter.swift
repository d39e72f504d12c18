import Dispatch
import FolioCore
import FolioGraphics
import Foundation

/// Writes a laid-out document as PDF with Folio's own writer (`PDFPageEncoder`,
/// `PDFDocumentWriter`): page boxes, fonts subset by HarfBuzz and embedded as CFF,
/// ToUnicode maps and ActualText, outline, named destinations, links, page labels and
/// the structure tree.
///
/// Why not Cairo's PDF surface, which wrote the file until 0.1: Cairo writes a whole
/// document every time, loads each glyph through FreeType for its metrics, subsets the
/// fonts again and cannot add TrimBox/BleedBox. Here a page's content stream depends on
/// that page alone, so an unchanged page of a rebuild is taken from `PDFPageCache`
/// instead of being drawn again; see docs/benchmarks.md for the measurements.
///
/// A pure function of the document and the options: faces are opened from the glyph
/// runs' font handles, images and profiles from their files, through `resources` (kept
/// between exports by whoever owns it; no font set, no process-wide state).
///
/// The screen file carries the navigation. The print variant (`Options.print`) has none
/// of it and is PDF/X-4 in DeviceCMYK for a named printing condition: neutrals on the
/// black plate, solid black text overprinting, other colours and images through the
/// condition's ICC profile (LittleCMS), the profile embedded as the output intent, XMP
/// metadata, translucent colours over a flat backdrop flattened and any other
/// transparency kept live, printer's marks in registration colour when asked for.
public struct PDFExporter: Sendable {
    /// Where subset font programs made for earlier PDFs are kept (nil: always subset afresh).
    public var subsetCache: FontSubsetCache?
    /// Pages encoded by earlier exports (nil: encode every page).
    public var pageCache: PDFPageCache?
    /// Where opened faces, images, colour converters and font programs are kept.
    public var resources: RenderResources

    public init(subsetCache: FontSubsetCache? = nil, pageCache: PDFPageCache? = nil,
                resources: RenderResources = RenderResources()) {
        self.subsetCache = subsetCache
        self.pageCache = pageCache
        self.resources = resources
    }

    /// Export choices.
    public struct Options: Hashable, Sendable {
        /// Crop and registration marks outside the bleed (the MediaBox grows to hold them).
        public var marks: Bool
        /// Links, named destinations, the outline and structure tags (off for the print
        /// file: PDF/X forbids link annotations, and a press has no use for the tags).
        public var links: Bool
        /// Replace translucent colours by opaque ones where the backdrop is one colour
        /// (see `TransparencyFlattener`).
        public var flattenTransparency: Bool
        /// Set each page's CropBox to its TrimBox so viewers show the finished page
        /// without the bleed (the screen file).
        public var cropToTrim: Bool
        /// The printing condition of the PDF/X-4 print file (nil: the sRGB screen file).
        public var condition: OutputCondition?
        /// Where the conditions' ICC profiles are (Folio's `Profiles/`).
        public var profilesDirectory: String?
        /// PDF/A-2u as well as PDF/UA-1 (the screen file, for archiving): an sRGB output
        /// intent and the claim in the XMP, images without interpolation (docs/pdf.md).
        public var archive = false

        public init(marks: Bool = false, links: Bool = true, flattenTransparency: Bool = false, cropToTrim: Bool = true,
                    condition: OutputCondition? = nil, profilesDirectory: String? = nil, archive: Bool = false) {
            self.marks = marks
            self.links = links
            self.flattenTransparency = flattenTransparency
            self.cropToTrim = cropToTrim
            self.condition = condition
            self.profilesDirectory = profilesDirectory
            self.archive = archive
        }

        /// The PDF/X-4 print file for `condition`, with the profiles in `profilesDirectory`.
        public static func print(marks: Bool, condition: OutputCondition = .fogra39, profilesDirectory: String) -> Options {
            Options(marks: marks, links: false, flattenTransparency: true, cropToTrim: false,
                    condition: condition, profilesDirectory: profilesDirectory)
        }
    }

    /// Room around the bleed for marks, in points.
    public static let marksMargin = 12 * pointsPerMillimetre

    /// The PDF's bytes.
    public func export(_ document: Document, options: Options = Options()) throws -> Data {
        guard !document.pages.isEmpty else {
            throw GraphicsError.cairo(operation: "write a PDF", status: "the document has no pages")
        }
        let pages = document.pages
        let print = try options.condition.map { try PrintSetup(condition: $0, profilesDirectory: options.profilesDirectory ?? "Profiles",
                                                                  resources: resources) }
        let slots = Slots<Result<EncodedPage, Error>>(count: pages.count)
        // Pages are independent: encode them on every core (cached ones cost a lookup).
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            slots.set(i, Result { try encode(pages[i], options, print) })
        }
        let encoded = try slots.all.map { try $0!.get() }
        var writer = PDFDocumentWriter(info: document.info, pages: encoded, outline: document.outline,
                                       tagged: options.links, subsetCache: subsetCache, resources: resources,
                                       print: print, archive: options.archive)
        return Data(try writer.write())
    }

    private func encode(_ original: Page, _ options: Options, _ print: PrintSetup?) throws -> EncodedPage {
        let key = PDFPageCache.Key(page: original, options: options)
        if let hit = pageCache?.page(for: key) { return hit }
        let page = options.flattenTransparency ? TransparencyFlattener.flatten(original).page : original
        let margin = options.marks ? Self.marksMargin : 0
        let offset = margin + page.bleed
        let media = Size(width: page.size.width + 2 * offset, height: page.size.height + 2 * offset)
        let boxes = PageBoxes(media: media, trimOrigin: offset, trim: page.size, bleed: page.bleed, cropToTrim: options.cropToTrim)
        let encoded = try PDFPageEncoder.encode(page, options: .init(origin: offset, media: media, interactive: options.links,
                                                                         print: print?.converter, resources: resources),
                                                boxes: boxes, extra: options.marks ? PrinterMarks.items(for: page) : [])
        pageCache?.store(encoded, for: key)
        return encoded
    }
}
