import FolioCore
import FolioGraphics

/// Assembles encoded pages into a PDF file: the fonts (subset programs, widths, ToUnicode
/// maps), images, pages with their boxes, page labels, named destinations, the outline,
/// the structure tree and the document information. Object numbers and order follow
/// from the document alone, so the same document gives the same bytes.
struct PDFDocumentWriter {
    let info: DocumentInfo
    let pages: [EncodedPage]
    let outline: [OutlineEntry]
    let tagged: Bool
    let subsetCache: FontSubsetCache?
    /// Where faces, images and font programs are opened and kept.
    let resources: RenderResources
    /// The print file's condition and colour conversion (PDF/X-4); nil for the screen file.
    let print: PrintSetup?
    /// PDF/A-2u as well (the screen file only): an sRGB output intent, the claim in the
    /// XMP, images without interpolation, transparency groups in sRGB.
    let archive: Bool

    var out = PDFBytes(capacity: 1 << 20)
    private(set) var offsets: [Int: Int] = [:]
    private(set) var next = 1

    init(info: DocumentInfo, pages: [EncodedPage], outline: [OutlineEntry], tagged: Bool, subsetCache: FontSubsetCache?,
         resources: RenderResources, print: PrintSetup? = nil, archive: Bool = false) {
        self.info = info
        self.pages = pages
        self.outline = outline
        self.tagged = tagged
        self.subsetCache = subsetCache
        self.resources = resources
        self.print = print
        self.archive = archive && print == nil
    }

    mutating func allocate() -> Int {
        defer { next += 1 }
        return next
    }

    mutating func begin(_ n: Int) {
        offsets[n] = out.count
        out.int(n); out.raw(" 0 obj\n")
    }

    mutating func end() {
        out.raw("\nendobj\n")
    }

    mutating func stream(_ n: Int, dictionary: String, data: [UInt8]) {
        begin(n)
        out.raw("<<"); out.raw(dictionary); out.raw(" /Length "); out.int(data.count); out.raw(" >>\nstream\n")
        out.append(data)
        out.raw("\nendstream")
        end()
    }

    /// The file: fonts first (their programs take the longest and may fail), then the
    /// header, the fonts and images, the structure, the pages, the named destinations and
    /// outline, the information and metadata, the catalog and the trailer. Objects are
    /// numbered in that order.
    mutating func write() throws -> [UInt8] {
        let glyphs = GlyphSets(pages)
        let programs = try PDFFontEmbedder.programs(for: glyphs.faces.map { ($0, glyphs.glyphs[$0]!) }
                                                        + glyphs.padded.map { ($0.ref, glyphs.paddedGlyphs[$0]!) },
                                                    pads: glyphs.faces.map { _ in 0 } + glyphs.padded.map(\.pad), cache: subsetCache,
                                                    resources: resources)
        let usesOpenType = programs.contains { $0.program.format == .openType }

        out.raw(usesOpenType || print != nil ? "%PDF-1.6\n%" : "%PDF-1.5\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3, 0x0A]) // binary bytes: the file is not text
        let catalog = allocate(), pageTree = allocate(), infoObject = allocate()
        let pageIDs = pages.map { _ in allocate() }
        let (fontIDs, paddedIDs) = writeFonts(glyphs, programs: programs)
        let imageIDs = try writeImages()

        // Link annotations are numbered before the structure that refers to them.
        let annotationIDs: [[Int]] = pages.map { page in tagged ? page.links.map { _ in allocate() } : [] }

        // Structure: elements first (their numbers go into the pages' parent tree).
        var parentTree = ParentTree(pages: pages, annotationIDs: annotationIDs)
        let structRoot = tagged ? writeStructureTree(pageIDs: pageIDs, annotationIDs: annotationIDs, parentTree: &parentTree) : nil

        let ids = PageResourceIDs(fonts: fontIDs, padded: paddedIDs, images: imageIDs)
        writePages(pageIDs, pageTree: pageTree, annotationIDs: annotationIDs, parentTree: parentTree, resources: ids)

        let destinations = pageDestinations()
        let dests = tagged && !destinations.isEmpty ? writeDestinations(destinations, pageIDs: pageIDs) : nil
        let outlineRoot = tagged && !outline.isEmpty ? writeOutline(destinations: destinations, pageIDs: pageIDs) : nil

        writeInfo(infoObject)

        // The print file's output intent and its PDF/X XMP; otherwise the XMP of the screen
        // file: the information again, with the PDF/UA claim of a tagged file.
        let printEntries = print.map { writePrintObjects($0) }
        let metadata = print == nil ? writeMetadata() : nil
        let archiveIntent = archive ? try writeArchiveIntent() : nil
        writeCatalog(catalog, pageTree: pageTree, metadata: metadata, outline: outlineRoot, dests: dests, structRoot: structRoot,
                     extra: (printEntries ?? "") + (archiveIntent ?? ""))

        writeTrailer(catalog: catalog, info: infoObject)
        return out.bytes
    }

    /// The glyphs each face draws across the pages (plain and padded), and the text of
    /// glyphs the character map does not reach.
    private struct GlyphSets {
        var glyphs: [FontRef: Set<UInt32>] = [:]
        var fallback: [FontRef: [UInt32: String]] = [:]
        var paddedGlyphs: [PaddedFace: Set<UInt32>] = [:]
        /// The faces, sorted (the order their objects are written in).
        var faces: [FontRef] = []
        var padded: [PaddedFace] = []

        init(_ pages: [EncodedPage]) {
            for page in pages {
                for (ref, ids) in page.glyphs { glyphs[ref, default: []].formUnion(ids) }
                for (ref, texts) in page.fallbackText {
                    for (id, text) in texts where fallback[ref]?[id] == nil { fallback[ref, default: [:]][id] = text }
                }
            }
            faces = glyphs.keys.sorted()
            for page in pages {
                for (face, ids) in page.padded { paddedGlyphs[face, default: []].formUnion(ids) }
            }
            padded = paddedGlyphs.keys.sorted()
        }
    }

    /// Every face's font objects, in the order of `glyphs.faces`, then the padded faces.
    private mutating func writeFonts(_ glyphs: GlyphSets, programs: [PDFFontEmbedder.Embedded]) -> ([FontRef: Int], [PaddedFace: Int]) {
        var fontIDs: [FontRef: Int] = [:]
        for (k, ref) in glyphs.faces.enumerated() {
            fontIDs[ref] = writeFont(programs[k], glyphs: glyphs.glyphs[ref]!, fallback: glyphs.fallback[ref] ?? [:])
        }
        var paddedIDs: [PaddedFace: Int] = [:]
        for (k, key) in glyphs.padded.enumerated() {
            paddedIDs[key] = writeFont(programs[glyphs.faces.count + k], glyphs: glyphs.paddedGlyphs[key]!,
                                       fallback: glyphs.fallback[key.ref] ?? [:], pad: key.pad)
        }
        return (fontIDs, paddedIDs)
    }

    /// Every image once, by path (sorted), at the largest size any page places it.
    private mutating func writeImages() throws -> [String: Int] {
        var imageIDs: [String: Int] = [:]
        var placed: [String: Size] = [:]
        for page in pages {
            for (path, size) in page.imageSizes {
                let was = placed[path] ?? Size(width: 0, height: 0)
                placed[path] = Size(width: max(was.width, size.width), height: max(was.height, size.height))
            }
        }
        for path in Set(pages.flatMap(\.images)).sorted() {
            imageIDs[path] = try print.map { try writePrintImage(path, $0, placed: placed[path]) } ?? writeImage(path, placed: placed[path])
        }
        return imageIDs
    }

    /// The pages, then the page tree.
    private mutating func writePages(_ pageIDs: [Int], pageTree: Int, annotationIDs: [[Int]], parentTree: ParentTree,
                                     resources ids: PageResourceIDs) {
        for p in pages.indices {
            writePage(p, id: pageIDs[p], pageTree: pageTree, annotationIDs: annotationIDs[p], parentTree: parentTree, resources: ids)
        }
        begin(pageTree)
        out.raw("<< /Type /Pages /Count "); out.int(pages.count); out.raw(" /Kids [")
        for id in pageIDs { out.ref(id); out.space() }
        out.raw("] >>")
        end()
    }

    /// The named destinations of every page, the first of each name kept. Keyed by the
    /// name's bytes: a name tree compares bytes (String equality would merge composed and
    /// decomposed spellings).
    private func pageDestinations() -> [[UInt8]: (page: Int, x: Double, y: Double)] {
        var destinations: [[UInt8]: (page: Int, x: Double, y: Double)] = [:]
        for (p, page) in pages.enumerated() {
            for d in page.destinations where destinations[Array(d.name.utf8)] == nil { destinations[Array(d.name.utf8)] = (p, d.x, d.y) }
        }
        return destinations
    }

    /// The named destinations as one name-tree node, sorted by name as a name tree wants.
    private mutating func writeDestinations(_ destinations: [[UInt8]: (page: Int, x: Double, y: Double)], pageIDs: [Int]) -> Int {
        let d = allocate()
        begin(d)
        out.raw("<< /Names [")
        for name in destinations.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let target = destinations[name]!
            out.newline(); out.literal(String(decoding: name, as: UTF8.self)); out.raw(" ["); out.ref(pageIDs[target.page]); out.raw(" /XYZ ")
            out.num(target.x); out.space(); out.num(target.y); out.raw(" 0]")
        }
        out.raw("] >>")
        end()
        return d
    }

    /// The screen file's XMP: the information again, with the PDF/UA claim of a tagged
    /// file and the PDF/A claim of an archive.
    private mutating func writeMetadata() -> Int {
        var xmp = XMPMetadata(info, language: Self.language)
        if tagged { xmp.pdfUAPart = 1 }
        if archive { xmp.pdfAPart = 2; xmp.pdfAConformance = "U" }
        let id = allocate()
        stream(id, dictionary: " /Type /Metadata /Subtype /XML", data: Array(xmp.packet.utf8))
        return id
    }

    /// The catalog; `extra` holds the print file's or the archive's own entries.
    private mutating func writeCatalog(_ catalog: Int, pageTree: Int, metadata: Int?, outline outlineRoot: Int?, dests: Int?,
                                       structRoot: Int?, extra: String) {
        begin(catalog)
        out.raw("<< /Type /Catalog /Pages "); out.ref(pageTree)
        if let metadata { out.raw(" /Metadata "); out.ref(metadata) }
        out.raw(" /PageLabels << /Nums [")
        for (p, page) in pages.enumerated() {
            out.int(p); out.raw(" << /P "); out.text(page.label ?? String(p + 1)); out.raw(" >> ")
        }
        out.raw("] >>")
        if let outlineRoot { out.raw(" /Outlines "); out.ref(outlineRoot); out.raw(" /PageMode /UseOutlines") }
        if let dests { out.raw(" /Names << /Dests "); out.ref(dests); out.raw(" >>") }
        if let structRoot {
            out.raw(" /StructTreeRoot "); out.ref(structRoot); out.raw(" /MarkInfo << /Marked true >>")
        }
        out.raw(extra)
        out.raw(" /Lang "); out.literal(Self.language); out.raw(" /ViewerPreferences << /DisplayDocTitle true >> >>")
        end()
    }

    /// The language of the content (the catalog's `/Lang`, XMP `dc:language`).
    static let language = "zh-CN"

    /// The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
    static let standardRoles: Set<String> = [
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody",
        "TFoot", "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
        "Warichu", "WT", "WP", "Figure", "Formula", "Form",
    ]

    // MARK: - Parts

    private mutating func writeOutline(destinations: [[UInt8]: (page: Int, x: Double, y: Double)], pageIDs: [Int]) -> Int {
        let root = allocate()
        func count(_ entries: [OutlineEntry]) -> Int { entries.count }
        func write(_ entries: [OutlineEntry], parent: Int, ids: [Int]) {
            for (k, entry) in entries.enumerated() {
                let childIDs = entry.children.map { _ in allocate() }
                begin(ids[k])
                out.raw("<< /Title "); out.text(entry.title); out.raw(" /Parent "); out.ref(parent)
                if k > 0 { out.raw(" /Prev "); out.ref(ids[k - 1]) }
                if k + 1 < ids.count { out.raw(" /Next "); out.ref(ids[k + 1]) }
                if let first = childIDs.first, let last = childIDs.last {
                    out.raw(" /First "); out.ref(first); out.raw(" /Last "); out.ref(last)
                    out.raw(" /Count -"); out.int(childIDs.count)
                }
                let target = destinations[Array(entry.destination.utf8)]
                let page = target?.page ?? min(max(0, entry.pageIndex), pageIDs.count - 1)
                out.raw(" /Dest ["); out.ref(pageIDs[page]); out.raw(" /XYZ ")
                out.num(target?.x ?? 0); out.space(); out.num(target?.y ?? pages[page].boxes.media.height); out.raw(" 0] >>")
                end()
                write(entry.children, parent: ids[k], ids: childIDs)
            }
        }
        let top = outline.map { _ in allocate() }
        write(outline, parent: root, ids: top)
        begin(root)
        out.raw("<< /Type /Outlines /First "); out.ref(top.first!); out.raw(" /Last "); out.ref(top.last!)
        out.raw(" /Count "); out.int(top.count); out.raw(" >>")
        end()
        return root
    }

    private mutating func writeImage(_ path: String, placed: Size?) throws -> Int {
        let image = try placed.map { try resources.screenImage(path: path, placed: $0) } ?? resources.pdfImage(path: path)
        let id = allocate()
        let head = " /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /BitsPerComponent 8"
        // PDF/A-2 6.2.8.1: no interpolation (a viewer's smoothing is not part of the page).
        let interpolate = archive ? "" : " /Interpolate true"
        switch image.encoding {
        case .jpeg(let bytes, let components):
            stream(id, dictionary: head + (components == 1 ? " /ColorSpace /DeviceGray" : " /ColorSpace /DeviceRGB")
                   + interpolate + " /Filter /DCTDecode", data: bytes)
        case .flate(let rgb, let alpha):
            var mask = ""
            if let alpha {
                let m = allocate()
                stream(m, dictionary: " /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height)"
                       + " /BitsPerComponent 8 /ColorSpace /DeviceGray" + interpolate + " /Filter /FlateDecode", data: alpha)
                mask = " /SMask \(m) 0 R"
            }
            stream(id, dictionary: head + " /ColorSpace /DeviceRGB" + interpolate + " /Filter /FlateDecode" + mask, data: rgb)
        }
        return id
    }
}
