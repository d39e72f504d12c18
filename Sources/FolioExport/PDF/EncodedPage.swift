import FolioCore

/// One page of a PDF made from that page alone: its compressed content stream and what
/// the stream refers to by name (fonts, images, transparency), its structure, links and
/// destinations. No object numbers: the document writer assigns those, so an encoded page
/// can be kept and reused for an unchanged page of a later build.
struct EncodedPage: Sendable {
    /// The content stream, zlib-compressed.
    var content: [UInt8]
    var boxes: PageBoxes
    var label: String?
    /// Glyphs drawn, by face.
    var glyphs: [FontRef: Set<UInt32>]
    /// For glyphs the face's character map does not reach (substituted forms): the text
    /// of a cluster drawn with the glyph alone, for the font's ToUnicode map.
    var fallbackText: [FontRef: [UInt32: String]]
    /// Fill and stroke opacities used, each an ExtGState.
    var alphas: Set<AlphaKey>
    /// Image files drawn, by path.
    var images: Set<String>
    /// Top-level structure elements of the page, in reading order.
    var tags: [TagNode]
    /// Marked-content ids used (0..<mcidCount).
    var mcidCount: Int
    var links: [PageLink]
    var destinations: [PageDestination]
    /// Resources of the print file: overprint states, the registration colour.
    var print = PrintResources()
    /// The largest size each image is drawn at, in points (what its resolution must cover).
    var imageSizes: [String: Size] = [:]
    /// Glyphs drawn with the gap after them as part of their advance, by widened face.
    var padded: [PaddedFace: Set<UInt32>] = [:]
}

/// A face whose every glyph is `pad` font units wider than the face says, outline
/// unchanged: a second font resource that draws a glyph and the gap after it as one
/// glyph, so that no reader can take the gap for a word space (docs/pdf.md).
struct PaddedFace: Hashable, Comparable, Sendable {
    var ref: FontRef
    var pad: Int

    static func < (a: PaddedFace, b: PaddedFace) -> Bool { (a.ref, a.pad) < (b.ref, b.pad) }
}

/// What a print page's content refers to beyond fonts, images and opacities.
struct PrintResources: Hashable, Sendable {
    var overprint = false
    var registration = false
}

/// A fill and stroke opacity, in thousandths.
struct AlphaKey: Hashable, Comparable, Sendable {
    var fill: Int
    var stroke: Int

    static let opaque = AlphaKey(fill: 1000, stroke: 1000)

    var name: String { "A\(fill)_\(stroke)" }

    static func < (a: AlphaKey, b: AlphaKey) -> Bool { (a.fill, a.stroke) < (b.fill, b.stroke) }
}

/// A structure element and its content: marked-content ids and child elements, in order.
struct TagNode: Hashable, Sendable {
    var role: String
    var alt: String?
    var kids: [TagKid]
}

indirect enum TagKid: Hashable, Sendable {
    case content(Int)
    case node(TagNode)
    /// A link annotation of the page (an index into `EncodedPage.links`), referred to by
    /// an object reference (OBJR) from its `Link` element.
    case annotation(Int)
}

/// A link annotation: its rectangle in PDF user space and the named destination.
struct PageLink: Hashable, Sendable {
    var rect: [Double]
    var destination: String
    /// The annotation's `/Contents`: where the link goes, in words.
    var description: String
}

/// A named destination at a point of the page, in PDF user space.
struct PageDestination: Hashable, Sendable {
    var name: String
    var x: Double
    var y: Double
}

/// Stable resource names: the same face or image has the same name on every page and in
/// every build.
enum ResourceName {
    static func font(_ ref: FontRef) -> String { "F" + hex(fnv64(ref.file + "#\(ref.index)"), digits: 8) }
    static func font(_ padded: PaddedFace) -> String { font(padded.ref) + "w\(padded.pad)" }
    static func image(_ path: String) -> String { "I" + hex(fnv64(path), digits: 12) }
}
