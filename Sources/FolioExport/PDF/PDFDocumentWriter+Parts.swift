import FolioCore
import FolioGraphics

/// Object numbers of what a page's resources name.
struct PageResourceIDs {
    var fonts: [FontRef: Int]
    var padded: [PaddedFace: Int]
    var images: [String: Int]
}

/// The parts of a PDF file `write()` puts together: the structure tree's root, each page
/// object, the information dictionary, the cross-reference table and trailer.
extension PDFDocumentWriter {
    /// Writes the structure tree (elements, parent tree, root); returns the root's number.
    mutating func writeStructureTree(pageIDs: [Int], annotationIDs: [[Int]], parentTree: inout ParentTree) -> Int {
        let root = allocate(), document = allocate()
        let kids = writeStructure(parent: document, pageIDs: pageIDs, annotationIDs: annotationIDs, parentTree: &parentTree)
        begin(document)
        out.raw("<< /Type /StructElem /S /Document /P "); out.ref(root); out.raw(" /K [")
        for k in kids { out.ref(k); out.space() }
        out.raw("] >>")
        end()
        let tree = allocate()
        begin(tree)
        out.raw("<< /Nums [")
        for (p, owners) in parentTree.contents.enumerated() where !owners.isEmpty {
            out.int(p); out.raw(" [")
            for o in owners { out.ref(o); out.space() }
            out.raw("] ")
        }
        for (key, owner) in parentTree.annotationOwners.sorted(by: { $0.key < $1.key }) {
            out.int(key); out.space(); out.ref(owner); out.space()
        }
        out.raw("] >>")
        end()
        begin(root)
        out.raw("<< /Type /StructTreeRoot /K "); out.ref(document); out.raw(" /ParentTree "); out.ref(tree)
        out.raw(" /ParentTreeNextKey "); out.int(parentTree.nextKey)
        // Roles a layout names that PDF does not define are mapped to a span.
        var roles: Set<String> = []
        func collect(_ node: TagNode) {
            roles.insert(node.role)
            for case .node(let child) in node.kids { collect(child) }
        }
        pages.forEach { $0.tags.forEach(collect) }
        let custom = roles.subtracting(Self.standardRoles).sorted()
        if !custom.isEmpty {
            out.raw(" /RoleMap <<")
            for role in custom { out.space(); out.name(role); out.raw(" /Span") }
            out.raw(" >>")
        }
        out.raw(" >>")
        end()
        return root
    }

    /// Writes page `p`'s content stream, link annotations and page object.
    mutating func writePage(_ p: Int, id pageID: Int, pageTree: Int, annotationIDs: [Int], parentTree: ParentTree,
                            resources: PageResourceIDs) {
        let page = pages[p]
        let content = allocate()
        stream(content, dictionary: " /Filter /FlateDecode", data: page.content)
        let annotations = writeLinks(p, id: pageID, annotationIDs: annotationIDs, parentTree: parentTree)
        begin(pageID)
        let b = page.boxes
        let media = [0, 0, b.media.width, b.media.height]
        out.raw("<< /Type /Page /Parent "); out.ref(pageTree)
        out.raw(" /MediaBox ["); out.nums(media); out.raw("]")
        out.raw(" /CropBox ["); out.nums(b.cropToTrim ? b.trimBox : media); out.raw("]")
        out.raw(" /BleedBox ["); out.nums(b.bleedBox); out.raw("]")
        out.raw(" /TrimBox ["); out.nums(b.trimBox); out.raw("]")
        writeResources(page, resources)
        out.raw("\n/Contents "); out.ref(content)
        if !annotations.isEmpty {
            out.raw(" /Annots [")
            for a in annotations { out.ref(a); out.space() }
            out.raw("]")
        }
        if tagged && page.mcidCount > 0 { out.raw(" /StructParents "); out.int(p) }
        if tagged && !annotations.isEmpty { out.raw(" /Tabs /S") }
        if (print != nil || archive) && page.alphas.contains(where: { $0 != .opaque }) {
            out.raw(print != nil ? " /Group << /Type /Group /S /Transparency /CS /DeviceCMYK >>"
                    : " /Group << /Type /Group /S /Transparency /CS /DeviceRGB >>")
        }
        out.raw(" >>")
        end()
    }

    /// Page `p`'s link annotations (a tagged file's only), as objects `annotationIDs`.
    private mutating func writeLinks(_ p: Int, id pageID: Int, annotationIDs: [Int], parentTree: ParentTree) -> [Int] {
        var annotations: [Int] = []
        for (k, link) in pages[p].links.enumerated() where tagged {
            let a = annotationIDs[k]
            begin(a)
            out.raw("<< /Type /Annot /Subtype /Link /Rect ["); out.nums(link.rect)
            out.raw("] /Border [0 0 0] /F 4 /Contents "); out.text(link.description)
            out.raw(" /StructParent "); out.int(parentTree.key(page: p, link: k))
            out.raw(" /P "); out.ref(pageID)
            out.raw(" /Dest "); out.literal(link.destination); out.raw(" >>")
            end()
            annotations.append(a)
        }
        return annotations
    }

    /// A page's resource dictionary: its fonts, graphics states, colour spaces and images.
    private mutating func writeResources(_ page: EncodedPage, _ resources: PageResourceIDs) {
        out.raw("\n/Resources << /ProcSet [/PDF /Text /ImageB /ImageC]")
        if !page.glyphs.isEmpty {
            out.raw(" /Font <<")
            for ref in page.glyphs.keys.sorted() { out.space(); out.name(ResourceName.font(ref)); out.space(); out.ref(resources.fonts[ref]!) }
            for key in page.padded.keys.sorted() { out.space(); out.name(ResourceName.font(key)); out.space(); out.ref(resources.padded[key]!) }
            out.raw(" >>")
        }
        if !page.alphas.isEmpty || page.print.overprint {
            out.raw(" /ExtGState <<")
            for key in page.alphas.sorted() {
                out.space(); out.name(key.name); out.raw(" << /Type /ExtGState /ca "); out.num(Double(key.fill) / 1000)
                out.raw(" /CA "); out.num(Double(key.stroke) / 1000); out.raw(" >>")
            }
            if page.print.overprint { out.raw(ColorOperators.overprintStates) }
            out.raw(" >>")
        }
        if page.print.registration { out.raw(" /ColorSpace <<" + ColorOperators.registrationColorSpace + " >>") }
        if !page.images.isEmpty {
            out.raw(" /XObject <<")
            for path in page.images.sorted() { out.space(); out.name(ResourceName.image(path)); out.space(); out.ref(resources.images[path]!) }
            out.raw(" >>")
        }
        out.raw(" >>")
    }

    /// Writes the document information dictionary as object `n`.
    mutating func writeInfo(_ n: Int) {
    begin(n)
    // D:YYYY[MM[DD]]: a partial date names only what it knows; a whole one adds midnight UTC.
    let digits = String(info.creationDate.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
    let date = "D:" + digits.prefix(8) + (digits.count >= 8 ? "000000Z" : "")
    out.raw("<< /Title "); out.text(info.title)
    out.raw(" /Author "); out.text(info.author)
    if !info.subject.isEmpty { out.raw(" /Subject "); out.text(info.subject) }
    if !info.keywords.isEmpty { out.raw(" /Keywords "); out.text(info.keywords.joined(separator: ", ")) }
    out.raw(" /Creator "); out.text(info.creator)
    out.raw(" /Producer "); out.text("Folio")
    out.raw(" /CreationDate "); out.literal(date); out.raw(" /ModDate "); out.literal(date)
    if print != nil { out.raw(" /Trapped /False /GTS_PDFXVersion (PDF/X-4)") }
    out.raw(" >>")
    end()
    }

    /// Writes the cross-reference table and the trailer; the ID is a hash of everything before it.
    mutating func writeTrailer(catalog: Int, info infoObject: Int) {
    let xref = out.count
    out.raw("xref\n0 "); out.int(next); out.raw("\n0000000000 65535 f \n")
    for n in 1..<next {
        let offset = String(offsets[n] ?? 0)
        out.raw(String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n \n")
    }
    let id = hex(fnv64(out.bytes)) + hex(fnv64(out.bytes, seed: 0x8422_2325_cbf2_9ce4))
    out.raw("trailer\n<< /Size "); out.int(next); out.raw(" /Root "); out.ref(catalog)
    out.raw(" /Info "); out.ref(infoObject); out.raw(" /ID [<" + id + "> <" + id + ">] >>\nstartxref\n")
    out.int(xref); out.raw("\n%%EOF\n")
    }
}
