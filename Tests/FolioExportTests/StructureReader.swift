import Foundation

/// Reads a tagged PDF's structure through qpdf's JSON and lists what breaks the rules
/// PDF/UA-1 sets for Folio's files, each as a sentence naming the object:
/// the catalog (StructTreeRoot, MarkInfo, Lang, DisplayDocTitle, Metadata), XMP
/// (`pdfuaid:part`, `dc:title`, `dc:language`), the parent tree (every page's MCIDs and
/// every annotation lead back to the element that holds them), links (a `Link` element
/// with an OBJR, `/Contents`), `TOCI` under `TOC`, `/Alt` on every `Figure`, headings
/// (one H1 first, no level skipped).
struct StructureReader {
    let objects: [String: Any]
    let bytes: Data
    private(set) var roles: [String: Int] = [:]
    /// Headings in reading order (depth first from the root): level and object.
    private(set) var headings: [(level: Int, ref: String)] = []

    init(path: String) throws {
        objects = try PrintFixtures.objects(path)
        bytes = FileManager.default.contents(atPath: path) ?? Data()
        for value in objects.values {
            if let d = value as? [String: Any], d["/Type"] as? String == "/StructElem", let s = d["/S"] as? String {
                roles[s, default: 0] += 1
            }
        }
    }

    func object(_ ref: Any?) -> [String: Any]? {
        guard let r = ref as? String, r.hasSuffix(" R") else { return ref as? [String: Any] }
        return objects["obj:" + r] as? [String: Any]
    }

    private func kids(_ element: [String: Any]) -> [Any] {
        if let array = element["/K"] as? [Any] { return array }
        return element["/K"].map { [$0] } ?? []
    }

    /// Every rule broken, as sentences; empty when the file keeps them all.
    mutating func problems(title: String) -> [String] {
        var found: [String] = []
        let catalog = objects.values.compactMap { $0 as? [String: Any] }.first { $0["/Type"] as? String == "/Catalog" } ?? [:]
        if (catalog["/MarkInfo"] as? [String: Any])?["/Marked"] as? Bool != true { found.append("catalog: /MarkInfo /Marked is not true") }
        if (catalog["/ViewerPreferences"] as? [String: Any])?["/DisplayDocTitle"] as? Bool != true { found.append("catalog: no /DisplayDocTitle true") }
        if (PrintFixtures.text(catalog["/Lang"]) ?? "").isEmpty { found.append("catalog: no /Lang") }
        if catalog["/Metadata"] == nil { found.append("catalog: no /Metadata") }
        let xmp = String(decoding: bytes, as: UTF8.self)
        for needle in ["<pdfuaid:part>1</pdfuaid:part>", "<rdf:li xml:lang=\"x-default\">\(title)</rdf:li>", "<rdf:li>zh-CN</rdf:li>"]
        where !xmp.contains(needle) {
            found.append("XMP: no \(needle)")
        }
        guard let root = object(catalog["/StructTreeRoot"]) else { return found + ["catalog: no /StructTreeRoot"] }
        let nums = object(root["/ParentTree"])?["/Nums"] as? [Any] ?? []
        var tree: [Int: Any] = [:]
        for k in stride(from: 0, to: nums.count - 1, by: 2) {
            if let key = nums[k] as? Int { tree[key] = nums[k + 1] }
        }
        if let next = root["/ParentTreeNextKey"] as? Int, let top = tree.keys.max(), top >= next {
            found.append("ParentTreeNextKey \(next) is not above the largest key \(top)")
        }
        // Pages: the MCIDs of each page lead back to an element that lists them.
        for (key, value) in objects {
            guard let page = value as? [String: Any], page["/Type"] as? String == "/Page" else { continue }
            if let p = page["/StructParents"] as? Int {
                guard let owners = tree[p] as? [Any] else { found.append("\(key): /StructParents \(p) not in the parent tree"); continue }
                for (mcid, owner) in owners.enumerated() {
                    guard let element = object(owner), kids(element).contains(where: { ($0 as? Int) == mcid }) else {
                        found.append("\(key): MCID \(mcid) leads to an element that does not hold it")
                        continue
                    }
                }
            }
            if page["/Annots"] != nil, page["/Tabs"] as? String != "/S" { found.append("\(key): annotations but no /Tabs /S") }
        }
        // Links: a Link element holding an OBJR to the annotation, and /Contents.
        for (key, value) in objects {
            guard let annot = value as? [String: Any], annot["/Subtype"] as? String == "/Link" else { continue }
            let ref = String(key.dropFirst(4))
            if (PrintFixtures.text(annot["/Contents"]) ?? "").isEmpty { found.append("\(key): link without /Contents") }
            guard let k = annot["/StructParent"] as? Int, let owner = object(tree[k]) else {
                found.append("\(key): link without a /StructParent in the parent tree")
                continue
            }
            let objr = kids(owner).contains { (object($0)?["/Type"] as? String) == "/OBJR" && (object($0)?["/Obj"] as? String) == ref }
            if owner["/S"] as? String != "/Link" || !objr { found.append("\(key): link annotation not held by a Link element's OBJR") }
        }
        // Elements: TOCI under TOC, Figures with alternate text, parents that exist.
        for (key, value) in objects {
            guard let e = value as? [String: Any], e["/Type"] as? String == "/StructElem" else { continue }
            let parent = object(e["/P"])
            if parent == nil { found.append("\(key): /P does not lead to an element") }
            if e["/S"] as? String == "/TOCI", parent?["/S"] as? String != "/TOC" { found.append("\(key): TOCI outside a TOC") }
            if e["/S"] as? String == "/Figure", (PrintFixtures.text(e["/Alt"]) ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                found.append("\(key): Figure without /Alt")
            }
        }
        // Headings in reading order: the title is the one H1 and comes first; no level skipped.
        headings = []
        collectHeadings(root["/K"], depth: 0)
        if headings.first?.level != 1 { found.append("the first heading is not H1") }
        if headings.filter({ $0.level == 1 }).count != 1 { found.append("\(headings.filter { $0.level == 1 }.count) H1 headings, not one") }
        for (a, b) in zip(headings, headings.dropFirst()) where b.level > a.level + 1 {
            found.append("heading \(b.ref): H\(a.level) followed by H\(b.level)")
        }
        return found
    }

    private mutating func collectHeadings(_ node: Any?, depth: Int) {
        guard depth < 64 else { return }
        if let array = node as? [Any] {
            for n in array { collectHeadings(n, depth: depth + 1) }
            return
        }
        guard let ref = node as? String, let e = object(ref), e["/Type"] as? String == "/StructElem" else { return }
        if let s = e["/S"] as? String, s.count == 3, s.hasPrefix("/H"), let level = Int(s.dropFirst(2)) {
            headings.append((level, ref))
        }
        collectHeadings(e["/K"], depth: depth + 1)
    }
}
