/// The structure tree of a tagged PDF: elements with their marked content and the OBJRs
/// of link annotations, grouped the way PDF/UA wants (`TOCI` inside `TOC`, `LI` inside
/// `L`), and the parent tree that leads from content and annotations back to elements.
extension PDFDocumentWriter {
    /// Roles whose consecutive top-level elements are gathered into a container element,
    /// across page breaks: a contents list is one `TOC` even when it runs onto two pages.
    static let containers: [String: String] = ["TOCI": "TOC", "LI": "L"]

    /// Writes the elements of every page under `parent`; returns the top-level ones in order.
    mutating func writeStructure(parent: Int, pageIDs: [Int], annotationIDs: [[Int]], parentTree: inout ParentTree) -> [Int] {
        var kids: [Int] = []
        var group: (role: String, id: Int, kids: [Int])?
        func flush(_ writer: inout PDFDocumentWriter) {
            guard let g = group else { return }
            writer.begin(g.id)
            writer.out.raw("<< /Type /StructElem /S "); writer.out.name(g.role); writer.out.raw(" /P "); writer.out.ref(parent)
            writer.out.raw(" /K [")
            for k in g.kids { writer.out.ref(k); writer.out.space() }
            writer.out.raw("] >>")
            writer.end()
            group = nil
        }
        for (p, page) in pages.enumerated() {
            for node in page.tags {
                if let container = Self.containers[node.role] {
                    if group?.role != container {
                        flush(&self)
                        let id = allocate()
                        group = (container, id, [])
                        kids.append(id)
                    }
                    let id = writeElement(node, parent: group!.id, page: p, pageIDs: pageIDs, annotationIDs: annotationIDs,
                                          parentTree: &parentTree)
                    group!.kids.append(id)
                } else {
                    flush(&self)
                    kids.append(writeElement(node, parent: parent, page: p, pageIDs: pageIDs, annotationIDs: annotationIDs,
                                             parentTree: &parentTree))
                }
            }
        }
        flush(&self)
        return kids
    }

    private enum Kid {
        case mcid(Int)
        case element(Int)
        case objr(Int)
    }

    private mutating func writeElement(_ node: TagNode, parent: Int, page p: Int, pageIDs: [Int], annotationIDs: [[Int]],
                                       parentTree: inout ParentTree) -> Int {
        let id = allocate()
        var kids: [Kid] = []
        for kid in node.kids {
            switch kid {
            case .content(let m):
                parentTree.contents[p][m] = id
                kids.append(.mcid(m))
            case .node(let child):
                kids.append(.element(writeElement(child, parent: id, page: p, pageIDs: pageIDs, annotationIDs: annotationIDs,
                                                  parentTree: &parentTree)))
            case .annotation(let k):
                guard annotationIDs[p].indices.contains(k) else { continue }
                parentTree.annotationOwners.append((parentTree.key(page: p, link: k), id))
                kids.append(.objr(annotationIDs[p][k]))
            }
        }
        begin(id)
        out.raw("<< /Type /StructElem /S "); out.name(node.role); out.raw(" /P "); out.ref(parent)
        out.raw(" /Pg "); out.ref(pageIDs[p])
        if let alt = node.alt { out.raw(" /Alt "); out.text(alt) }
        // A single kid is written as itself, not as an array of one (ISO 32000-1, 14.7.2
        // allows both; some checkers only follow the first form).
        out.raw(kids.count == 1 ? " /K " : " /K [")
        for kid in kids {
            switch kid {
            case .mcid(let m): out.int(m)
            case .element(let r): out.ref(r)
            case .objr(let a): out.raw("<< /Type /OBJR /Obj "); out.ref(a); out.raw(" /Pg "); out.ref(pageIDs[p]); out.raw(" >>")
            }
            out.space()
        }
        out.raw(kids.count == 1 ? ">>" : "] >>")
        end()
        return id
    }
}

/// The parent tree's entries: for each page (key = page index) the element owning each
/// marked-content id, and for each link annotation (keys after the pages) its element.
struct ParentTree {
    var contents: [[Int]]
    private let annotationKeys: [[Int]]
    var annotationOwners: [(key: Int, element: Int)] = []
    let nextKey: Int

    init(pages: [EncodedPage], annotationIDs: [[Int]]) {
        contents = pages.map { Array(repeating: 0, count: $0.mcidCount) }
        var key = pages.count
        var keys: [[Int]] = []
        for ids in annotationIDs {
            keys.append(ids.indices.map { key + $0 })
            key += ids.count
        }
        annotationKeys = keys
        nextKey = key
    }

    /// The `/StructParent` key of link `link` of page `page`.
    func key(page: Int, link: Int) -> Int { annotationKeys[page][link] }
}
