import Dispatch
import FolioCore
import FolioGraphics
import Foundation

/// The font side of a PDF: subset programs for every face a document draws (one face per
/// core), their subset tags, and the ToUnicode maps that make the text copyable.
enum PDFFontEmbedder {
    struct Embedded: Sendable {
        var face: PDFFace
        var program: PDFFontProgram
    }

    /// The programs of `faces` (with the glyphs each draws, and how many font units wider
    /// than the face every glyph is: 0 but for a `PaddedFace`), in the same order; faces
    /// and programs made for earlier documents are taken from `resources`.
    static func programs(for faces: [(FontRef, Set<UInt32>)], pads: [Int] = [], cache: FontSubsetCache?,
                         resources: RenderResources) throws -> [Embedded] {
        let slots = Slots<Result<Embedded, Error>>(count: faces.count)
        DispatchQueue.concurrentPerform(iterations: faces.count) { i in
            slots.set(i, Result {
                let face = try resources.pdfFace(faces[i].0)
                let pad = i < pads.count ? pads[i] : 0
                let key = GlyphSetKey(ref: faces[i].0, glyphs: faces[i].1, pad: pad)
                let program = try resources.fontPrograms.value(for: key) {
                    try PDFFontProgram.make(face, glyphs: faces[i].1, cache: cache, pad: pad)
                }
                return Embedded(face: face, program: program)
            })
        }
        return try slots.all.map { try $0!.get() }
    }

    /// Six capital letters naming a subset, from a hash of the face and its glyphs.
    static func subsetTag(_ face: PDFFace, _ glyphs: Set<UInt32>, pad: Int = 0) -> String {
        var hash = fnv64(face.postScriptName + (pad != 0 ? " pad \(pad)" : ""))
        for g in glyphs.sorted() {
            for shift in [0, 8, 16, 24] as [UInt32] { hash = (hash ^ UInt64((g >> shift) & 0xff)) &* 0x100_0000_01b3 }
        }
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(Unicode.Scalar(UInt8(65 + hash % 26))))
            hash /= 26
        }
        return tag
    }

    /// A ToUnicode CMap: each glyph's character by the face's character map, else the
    /// text it was first drawn for.
    static func toUnicode(_ face: PDFFace, glyphs: Set<UInt32>, fallback: [UInt32: String]) -> [UInt8] {
        var entries: [(UInt32, String)] = []
        for g in glyphs.sorted() {
            if let c = face.character(for: g) {
                entries.append((g, String(Character(c))))
            } else if let text = fallback[g], !text.isEmpty {
                entries.append((g, text))
            }
        }
        var out = PDFBytes(capacity: 64 + entries.count * 16)
        out.raw("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """)
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(entries.count, start + 100)]
            out.int(chunk.count); out.raw(" beginbfchar\n")
            for (g, text) in chunk {
                out.raw("<"); out.hex16(UInt16(truncatingIfNeeded: g)); out.raw("> <")
                for unit in text.utf16 { out.hex16(unit) }
                out.raw(">\n")
            }
            out.raw("endbfchar\n")
            start += 100
        }
        out.raw("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return out.bytes
    }
}
