import FolioCore
import FolioGraphics

/// The page encoder's tagged-PDF side: marked-content sequences, structure elements,
/// artifacts and the `Link` elements of link annotations.
///
/// Every drawing operation lands in exactly one marked-content sequence: the content of
/// the innermost open element (`/P <</MCID n>> BDC`) or, outside any element, an
/// artifact. A link annotation becomes a kid of the element around it; when that element
/// closes, its content and annotations move into a `Link` child (PDF/UA-1 7.18.5: every
/// link annotation sits in a `Link` element, referred to by an OBJR). A link outside any
/// element gets a `Link` element of its own, named by its description. Glyphs the face
/// does not map to a character get their text for the ToUnicode map here too.
extension PDFPageEncoder {
    /// Opens a marked-content sequence for drawing, if none is open: the innermost
    /// element's next content, or an artifact outside any element.
    mutating func beginContent() {
        guard options.interactive, !sequenceOpen else { return }
        sequenceOpen = true
        if let node = open.last {
            out.name(node.role); out.raw(" <</MCID "); out.int(mcid); out.raw(">> BDC\n")
            open[open.count - 1].kids.append(.content(mcid))
            mcid += 1
        } else {
            out.raw("/Artifact BMC\n")
        }
    }

    mutating func closeSequence() {
        guard sequenceOpen else { return }
        out.raw("EMC\n")
        sequenceOpen = false
    }

    mutating func openElement(_ tag: StructureTag) {
        closeSequence()
        open.append(TagNode(role: tag.role, alt: tag.alt, kids: []))
    }

    mutating func closeElement() {
        closeSequence()
        var node = open.removeLast()
        let hasLinks = node.kids.contains { if case .annotation = $0 { return true }; return false }
        if hasLinks && node.role != "Link" {
            node.kids = [.node(TagNode(role: "Link", alt: nil, kids: node.kids))]
        }
        if open.isEmpty { roots.append(node) } else { open[open.count - 1].kids.append(.node(node)) }
    }

    /// Items drawn as an artifact whatever elements are open around them.
    mutating func paintArtifact(_ children: [Item]) throws {
        closeSequence()
        let saved = open
        open = []
        try paint(children)
        closeSequence()
        open = saved
    }

    mutating func addLink(_ link: LinkItem) {
        let a = user(Point(x: link.rect.minX, y: link.rect.maxY)), b = user(Point(x: link.rect.maxX, y: link.rect.minY))
        let description = link.description ?? link.destination
        links.append(PageLink(rect: [a.x, a.y, b.x, b.y], destination: link.destination, description: description))
        let index = links.count - 1
        if open.isEmpty {
            closeSequence()
            roots.append(TagNode(role: "Link", alt: description, kids: [.annotation(index)]))
        } else {
            open[open.count - 1].kids.append(.annotation(index))
        }
    }

    /// Gives every glyph of a spelled-out cluster that the face's character map does not
    /// reach a Unicode value for the ToUnicode map (PDF/UA-1 7.21.7: every glyph shown
    /// maps to text): glyph by character when the cluster has as many of each (the
    /// letter-spaced 「10」 of 「TOP 10」, drawn as proportional figures), else the
    /// cluster's text.
    mutating func noteFallback(_ ids: [UInt32], scalars: [Unicode.Scalar], text: String, font: FontRef, face: PDFFace) {
        for (k, id) in ids.enumerated() where face.character(for: id) == nil && fallbackText[font]?[id] == nil {
            let value = ids.count == scalars.count ? String(Character(scalars[k])) : text
            guard !value.isEmpty else { continue }
            fallbackText[font, default: [:]][id] = value
        }
    }
}
