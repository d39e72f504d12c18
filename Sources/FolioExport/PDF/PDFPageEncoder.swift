import FolioCore
import FolioGraphics

/// Turns one page of the display list into a PDF content stream. It draws what the items
/// say where they say it: every coordinate comes from an item.
///
/// The stream starts by flipping the y axis (`1 0 0 -1 ox oy cm`), so paths use page
/// coordinates as they are. Text shows each glyph by its id in the whole face (two-byte
/// codes, Identity-H), positioned with `TJ` adjustments computed from the absolute glyph
/// positions (no drift). A cluster whose glyphs are not exactly the characters of its
/// text by the face's character map is wrapped in an `ActualText` span, so copied text
/// is the source text. Structure tags become marked content (`/P <</MCID n>> BDC`), and
/// untagged drawing is marked as an artifact.
struct PDFPageEncoder {
    struct Options {
        /// Where the trim's top-left corner sits from the MediaBox's top-left corner.
        var origin: Double
        var media: Size
        /// Links, destinations and structure tags.
        var interactive: Bool
        /// The print file's colour conversion (nil: sRGB, the screen file).
        var print: PrintColorConverter? = nil
        /// Where faces and images are opened.
        var resources: RenderResources
    }

    private struct GraphicsState: Equatable {
        var fill: [Double] = [0, 0, 0]
        var stroke: [Double] = [0, 0, 0]
        var alpha = AlphaKey.opaque
        var lineWidth = 1.0
        var dash: [Double] = []
        var roundCaps = false
        var overprint = false
    }

    let options: Options
    var out = PDFBytes(capacity: 1 << 16)
    private var state = GraphicsState()
    private var saved: [GraphicsState] = []
    private var faces: [FontRef: PDFFace] = [:]
    private var glyphs: [FontRef: Set<UInt32>] = [:]
    private var padded: [PaddedFace: Set<UInt32>] = [:]
    private var canPad: [FontRef: Bool] = [:]
    var fallbackText: [FontRef: [UInt32: String]] = [:]
    private var alphas: Set<AlphaKey> = []
    private var images: Set<String> = []
    private var imageSizes: [String: Size] = [:]
    var links: [PageLink] = []
    private var destinations: [PageDestination] = []
    var mcid = 0
    /// Structure elements being filled, innermost last.
    var open: [TagNode] = []
    var roots: [TagNode] = []
    /// Whether a marked-content sequence is open (an artifact or an element's content).
    var sequenceOpen = false
    /// Painting printer's marks (registration colour).
    private var registration = false
    private var usesOverprint = false

    private init(options: Options) {
        self.options = options
    }

    /// Encodes `page` (plus `extra` items drawn last, untagged: printer's marks).
    static func encode(_ page: Page, options: Options, boxes: PageBoxes, extra: [Item] = [],
                       compression: Int = 6) throws -> EncodedPage {
        var encoder = PDFPageEncoder(options: options)
        encoder.out.num(1); encoder.out.raw(" 0 0 -1 "); encoder.out.num(options.origin); encoder.out.space()
        encoder.out.num(options.media.height - options.origin); encoder.out.raw(" cm\n")
        try encoder.paint(page.items)
        encoder.registration = true
        try encoder.paint(extra)
        encoder.closeSequence()
        let content = encoder.out.bytes.withUnsafeBytes { Deflate.zlib($0, level: compression) }
        return EncodedPage(content: content, boxes: boxes, label: page.label, glyphs: encoder.glyphs,
                           fallbackText: encoder.fallbackText, alphas: encoder.alphas, images: encoder.images,
                           tags: encoder.roots, mcidCount: encoder.mcid, links: encoder.links,
                           destinations: encoder.destinations,
                           print: .init(overprint: encoder.usesOverprint, registration: !extra.isEmpty && options.print != nil),
                           imageSizes: encoder.imageSizes, padded: encoder.padded)
    }

    // MARK: - Items and structure

    mutating func paint(_ items: [Item]) throws {
        for item in items { try paint(item) }
    }

    private mutating func paint(_ item: Item) throws {
        switch item {
        case .shape(let shape):
            guard shape.fill != nil || shape.stroke != nil else { return }
            beginContent()
            draw(shape)
        case .text(let run):
            guard !run.glyphs.isEmpty else { return }
            beginContent()
            try draw(run)
        case .image(let image):
            beginContent()
            try draw(image)
        case .link(let link):
            guard options.interactive else { return }
            addLink(link)
        case .destination(let name, let point):
            guard options.interactive else { return }
            let p = user(point)
            destinations.append(PageDestination(name: name, x: p.x, y: p.y))
        case .group(let group):
            // Children are drawn moved into page coordinates (a run moves its origin only).
            guard let rect = group.placedClip else { return try paint(group.placedItems) }
            closeSequence()
            save()
            out.nums([rect.x, rect.y, rect.width, rect.height]); out.raw(" re W n\n")
            try paint(group.placedItems)
            closeSequence()
            restore()
        case .tagged(let tag, let children):
            guard options.interactive else { return try paint(children) }
            guard !tag.isArtifact else { return try paintArtifact(children) }
            openElement(tag)
            try paint(children)
            closeElement()
        }
    }

    func user(_ p: Point) -> Point {
        Point(x: options.origin + p.x, y: options.media.height - options.origin - p.y)
    }

    // MARK: - Graphics state

    private mutating func save() {
        out.raw("q\n")
        saved.append(state)
    }

    private mutating func restore() {
        out.raw("Q\n")
        state = saved.removeLast()
    }

    private mutating func setFill(_ c: Color, text: Bool = false) {
        let set = ColorOperators(print: options.print).set(c, .fill, text: text, registration: registration)
        if set.state != state.fill {
            out.raw(set.operators)
            state.fill = set.state
        }
        // Solid black text overprints (print file only); anything else knocks out.
        setOverprint(text && ColorOperators(print: options.print).overprints(c))
    }

    private mutating func setStroke(_ c: Color) {
        let set = ColorOperators(print: options.print).set(c, .stroke, registration: registration)
        if set.state != state.stroke {
            out.raw(set.operators)
            state.stroke = set.state
        }
        setOverprint(false)
    }

    private mutating func setOverprint(_ on: Bool) {
        guard options.print != nil, on != state.overprint else { return }
        out.name(on ? ColorOperators.overprintOn : ColorOperators.overprintOff); out.raw(" gs\n")
        state.overprint = on
        usesOverprint = true
    }

    private mutating func setAlpha(fill: Double?, stroke: Double?) {
        var key = state.alpha
        if let fill { key.fill = Int((max(0, min(1, fill)) * 1000).rounded()) }
        if let stroke { key.stroke = Int((max(0, min(1, stroke)) * 1000).rounded()) }
        guard key != state.alpha else { return }
        out.name(key.name); out.raw(" gs\n")
        alphas.insert(key)
        state.alpha = key
    }

    // MARK: - Drawing

    private mutating func draw(_ shape: Shape) {
        guard shape.fill != nil || shape.stroke != nil else { return }
        setAlpha(fill: shape.fill?.alpha, stroke: shape.stroke?.color.alpha)
        if let fill = shape.fill { setFill(fill) }
        if let stroke = shape.stroke {
            setStroke(stroke.color)
            if stroke.width != state.lineWidth {
                out.num(stroke.width); out.raw(" w\n")
                state.lineWidth = stroke.width
            }
            if stroke.roundCaps != state.roundCaps {
                out.raw(stroke.roundCaps ? "1 J 1 j\n" : "0 J 0 j\n")
                state.roundCaps = stroke.roundCaps
            }
            if stroke.dash != state.dash {
                out.raw("["); out.nums(stroke.dash); out.raw("] 0 d\n")
                state.dash = stroke.dash
            }
        }
        for element in shape.path.elements {
            switch element {
            case .move(let p): out.num(p.x); out.space(); out.num(p.y); out.raw(" m\n")
            case .line(let p): out.num(p.x); out.space(); out.num(p.y); out.raw(" l\n")
            case .curve(let a, let b, let c): out.nums([a.x, a.y, b.x, b.y, c.x, c.y]); out.raw(" c\n")
            case .close: out.raw("h\n")
            }
        }
        switch (shape.fill != nil, shape.stroke != nil) {
        case (true, true): out.raw("B\n")
        case (true, false): out.raw("f\n")
        default: out.raw("S\n")
        }
    }

    private mutating func draw(_ image: ImageItem) throws {
        _ = try options.resources.pdfImage(path: image.path) // an unreadable image fails here, naming the file
        images.insert(image.path)
        let size = imageSizes[image.path] ?? Size(width: 0, height: 0)
        imageSizes[image.path] = Size(width: max(size.width, abs(image.frame.width)), height: max(size.height, abs(image.frame.height)))
        setAlpha(fill: 1, stroke: nil) // an image is painted with the fill alpha: opaque, whatever came before
        save()
        out.nums([image.clip.x, image.clip.y, image.clip.width, image.clip.height]); out.raw(" re W n\n")
        out.nums([image.frame.width, 0, 0, -image.frame.height, image.frame.x, image.frame.maxY]); out.raw(" cm\n")
        out.name(ResourceName.image(image.path)); out.raw(" Do\n")
        restore()
    }

    private mutating func face(_ ref: FontRef) throws -> PDFFace {
        if let face = faces[ref] { return face }
        let face = try options.resources.pdfFace(ref)
        faces[ref] = face
        return face
    }

    /// A glyph's width in thousandths of an em, as the font's W array states it.
    static func width(_ face: PDFFace, _ glyph: UInt32) -> Double {
        (Double(face.advance(glyph)) * 1000 / Double(face.unitsPerEm) * 1000).rounded() / 1000
    }

    private mutating func draw(_ moved: GlyphRun) throws {
        let run = moved.placed // glyph positions in page coordinates, computed once
        let face = try face(run.font)
        glyphs[run.font, default: []].formUnion(run.glyphs.lazy.map(\.id))
        setAlpha(fill: run.color.alpha, stroke: nil)
        setFill(run.color, text: true)
        out.raw("BT\n")
        var text = TextWriter(size: run.size, font: ResourceName.font(run.font))
        let pads = (canPad[run.font] ?? PDFFontProgram.canPad(face))
        canPad[run.font] = pads
        for segment in segments(run, face, spelled: !pads) {
            if let actual = segment.actualText {
                text.end(&out)
                out.raw("/Span <</ActualText "); out.text(actual); out.raw(">> BDC\n")
            }
            for i in segment.glyphs {
                let glyph = run.glyphs[i]
                let width = Self.width(face, glyph.id)
                let next = i + 1 < run.glyphs.count ? run.glyphs[i + 1] : nil
                if pads, let next, let pad = text.gap(after: glyph, width: width, before: next, unitsPerEm: face.unitsPerEm) {
                    let key = PaddedFace(ref: run.font, pad: pad)
                    padded[key, default: []].insert(glyph.id)
                    text.show(glyph, width: width + Double(pad) * 1000 / Double(face.unitsPerEm), font: ResourceName.font(key), into: &out)
                } else {
                    text.show(glyph, width: width, into: &out)
                }
            }
            if segment.actualText != nil {
                text.end(&out)
                out.raw("EMC\n")
            }
        }
        text.end(&out)
        out.raw("ET\n")
    }

    private struct Segment {
        var glyphs: Range<Int>
        var actualText: String?
    }

    /// The run cut where clusters need their text spelled out: runs of plain clusters
    /// (one glyph, the character the face maps to it) and single other clusters.
    ///
    /// A cluster of several glyphs, each the character the face maps to it, is plain too
    /// unless `spelled`: where the face can be widened, the gaps inside such a cluster
    /// become part of a glyph's advance, so no reader sees them and the span (which PDFium
    /// misreads once it holds a font change) is not needed.
    /// Whether a cluster of several glyphs is only glyphs with gaps after them (none
    /// narrower than the advance, which readers take for a new line, and no word space,
    /// which poppler would drop where it is narrow): written plain where gaps are padded.
    private static func joinsAcrossGaps(_ run: GlyphRun, _ range: Range<Int>, _ scalars: [Unicode.Scalar], _ face: PDFFace) -> Bool {
        guard !scalars.contains(where: { $0.properties.isWhitespace }) else { return false }
        for i in range.dropLast() {
            let g = run.glyphs[i], next = run.glyphs[i + 1]
            guard abs(g.y - next.y) < 0.0005, (next.x - g.x) / run.size - width(face, g.id) / 1000 > -0.02 else { return false }
        }
        return true
    }

    private mutating func segments(_ run: GlyphRun, _ face: PDFFace, spelled: Bool) -> [Segment] {
        guard !run.clusters.isEmpty else { return [Segment(glyphs: 0..<run.glyphs.count, actualText: nil)] }
        let utf8 = Array(run.text.utf8)
        var result: [Segment] = []
        var byte = 0, glyph = 0
        var pending = "" // text of clusters without glyphs, carried to the next cluster
        var lastCluster: (glyphs: Range<Int>, text: String)?
        for cluster in run.clusters {
            let end = min(utf8.count, byte + max(0, cluster.byteCount))
            let text = pending + String(decoding: utf8[min(byte, end)..<end], as: UTF8.self)
            byte = end
            let range = glyph..<min(run.glyphs.count, glyph + max(0, cluster.glyphCount))
            glyph = range.upperBound
            guard !range.isEmpty else {
                pending = text
                continue
            }
            pending = ""
            lastCluster = (range, text)
            let scalars = Array(text.unicodeScalars)
            let ids = run.glyphs[range].map(\.id)
            // A cluster of several glyphs is one the composer joined across a gap it made
            // (Han–Latin spacing): spelled out, so that no reader sees a word space there,
            // unless the gap is written as part of a glyph's advance (see `draw`).
            let plain = ids.count == scalars.count && (ids.count == 1 || !spelled && Self.joinsAcrossGaps(run, range, scalars, face))
                && zip(ids, scalars).allSatisfy { face.character(for: $0) == $1 }
            if plain {
                if let last = result.last, last.actualText == nil, last.glyphs.upperBound == range.lowerBound {
                    result[result.count - 1].glyphs = last.glyphs.lowerBound..<range.upperBound
                } else {
                    result.append(Segment(glyphs: range, actualText: nil))
                }
            } else {
                noteFallback(ids, scalars: scalars, text: text, font: run.font, face: face)
                result.append(Segment(glyphs: range, actualText: text))
            }
        }
        if glyph < run.glyphs.count { result.append(Segment(glyphs: glyph..<run.glyphs.count, actualText: pending.isEmpty ? nil : pending)) }
        if !pending.isEmpty, glyph == run.glyphs.count, let last = lastCluster, let tail = result.last {
            // Text after the last glyph (clusters without glyphs at the end): spelled out
            // with the last cluster, so it is not lost.
            if let actual = tail.actualText, tail.glyphs == last.glyphs {
                result[result.count - 1].actualText = actual + pending
            } else {
                result[result.count - 1].glyphs = tail.glyphs.lowerBound..<last.glyphs.lowerBound
                if result[result.count - 1].glyphs.isEmpty { result.removeLast() }
                result.append(Segment(glyphs: last.glyphs, actualText: last.text + pending))
            }
        }
        return result
    }
}
