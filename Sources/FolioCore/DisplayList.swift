/// A laid-out document: pages of positioned items (in page coordinates, or relative to
/// the group that holds them). This is the boundary between layout (which decides every
/// position) and the exporters (which only draw). It is self-contained: glyph runs name
/// their faces by handle, images by file, so an exporter needs nothing else.
public struct Document: Hashable, Sendable {
    public var info: DocumentInfo
    public var pages: [Page]
    public var outline: [OutlineEntry]

    public init(info: DocumentInfo, pages: [Page], outline: [OutlineEntry] = []) {
        self.info = info
        self.pages = pages
        self.outline = outline
    }
}

/// Metadata written into the PDF's document information dictionary.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    public var creator: String
    /// ISO 8601 date (`YYYY-MM-DD`), taken from the data so builds are deterministic.
    public var creationDate: String

    public init(title: String, author: String, subject: String = "", keywords: [String] = [],
                creator: String = "Folio", creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
    }
}

/// One bookmark in the PDF outline.
public struct OutlineEntry: Hashable, Sendable {
    public var title: String
    /// Index into `Document.pages`.
    public var pageIndex: Int
    /// The named destination the entry jumps to.
    public var destination: String
    public var children: [OutlineEntry]

    public init(title: String, pageIndex: Int, destination: String, children: [OutlineEntry] = []) {
        self.title = title
        self.pageIndex = pageIndex
        self.destination = destination
        self.children = children
    }
}

/// One page: its finished (trim) size, the bleed around it, and what is drawn on it.
public struct Page: Hashable, Sendable {
    /// The finished size (TrimBox).
    public var size: Size
    /// How far backgrounds may run past the trim on every side (BleedBox = trim + bleed).
    public var bleed: Double
    public var items: [Item]
    /// The printed folio or label of this page ("i", "3"); nil when the page has none.
    public var label: String?
    /// What the page is, for navigation and tests ("cover", "event", …).
    public var role: String
    /// The layout declares that this page may end part-filled on purpose (a template's
    /// `ends-open: yes`): the last page of such a section, a padding page.
    public var endsOpen = false

    public init(size: Size, bleed: Double = 0, items: [Item] = [], label: String? = nil, role: String = "") {
        self.size = size
        self.bleed = bleed
        self.items = items
        self.label = label
        self.role = role
    }

    /// The trim box in page coordinates.
    public var trimBox: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The bleed box in page coordinates.
    public var bleedBox: Rect { trimBox.insetBy(-bleed) }
}

/// Something drawn on a page.
public indirect enum Item: Hashable, Sendable {
    /// A filled and/or stroked vector shape.
    case shape(Shape)
    /// Shaped text: glyphs at absolute positions with the text they stand for.
    case text(GlyphRun)
    /// A raster image from a file, scaled into `frame` and clipped to `clip`.
    case image(ImageItem)
    /// A clickable area that jumps to a named destination.
    case link(LinkItem)
    /// A named destination (an anchor links and outline entries jump to).
    case destination(name: String, at: Point)
    /// Items that belong together in the document's logical structure (tagged PDF).
    case tagged(StructureTag, [Item])
    /// Items moved together and optionally clipped (`Group`): bleed art (clipped to the
    /// bleed box), crops, placed frames. Positions inside are relative to its origin.
    case group(Group)

    /// The area the item covers in its parent's coordinates (text: its line boxes).
    public var bounds: Rect? {
        switch self {
        case .shape(let shape): return shape.path.bounds
        case .text(let run): return run.bounds
        case .image(let image): return image.clip
        case .link(let link): return link.rect
        case .destination: return nil
        case .group(let group):
            var result: Rect?
            for case let r? in group.items.map(\.bounds) {
                result = result.map { $0.union(r) } ?? r
            }
            guard let found = result else { return nil }
            let inner = found.offsetBy(dx: group.origin.x, dy: group.origin.y)
            guard let rect = group.placedClip else { return inner }
            let x0 = max(inner.minX, rect.minX), y0 = max(inner.minY, rect.minY)
            let x1 = min(inner.maxX, rect.maxX), y1 = min(inner.maxY, rect.maxY)
            return x1 > x0 && y1 > y0 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
        case .tagged(_, let items):
            var result: Rect?
            for case let rect? in items.map(\.bounds) {
                result = result.map { $0.union(rect) } ?? rect
            }
            return result
        }
    }

    /// Every item in this subtree, this one first, structure and clip groups flattened
    /// (the items of a moved group moved into this item's coordinates).
    public var flattened: [Item] {
        switch self {
        case .tagged(_, let items): return [self] + items.flatMap(\.flattened)
        case .group(let group): return [self] + group.placedItems.flatMap(\.flattened)
        default: return [self]
        }
    }
}

/// A logical-structure role for tagged PDF.
public struct StructureTag: Hashable, Sendable {
    /// The PDF structure type: `H1`, `H2`, `P`, `Figure`, `TOC`, `TOCI`, `Sect`, `Caption`, …
    public var role: String
    /// Alternate text (figures).
    public var alt: String?

    public init(_ role: String, alt: String? = nil) {
        self.role = role
        self.alt = alt
    }

    /// Content that is not part of the document's text: decoration, running heads,
    /// folios. Drawn as an artifact, outside the structure tree.
    public static let artifact = StructureTag("Artifact")

    /// Whether the items are an artifact rather than an element.
    public var isArtifact: Bool { role.lowercased() == "artifact" }
}

/// A clickable area that jumps to a named destination.
public struct LinkItem: Hashable, Sendable {
    public var rect: Rect
    public var destination: String
    /// Where the link goes, in words ("01 甬江科创区启动，第5页"): the annotation's
    /// `/Contents` for assistive technology. Nil: the text of the element around it.
    public var description: String?

    public init(rect: Rect, destination: String, description: String? = nil) {
        self.rect = rect
        self.destination = destination
        self.description = description
    }
}

/// A raster image placed on the page.
public struct ImageItem: Hashable, Sendable {
    /// Absolute path of the JPEG or PNG file.
    public var path: String
    /// Where the whole image is drawn (it may extend past `clip` for a cover crop).
    public var frame: Rect
    /// The visible area.
    public var clip: Rect

    public init(path: String, frame: Rect, clip: Rect) {
        self.path = path
        self.frame = frame
        self.clip = clip
    }
}
