import FolioCore
import FolioGraphics

/// The fonts of a PDF: a Type 0 font per face (and per widened face, `PaddedFace`), with
/// its CID font, descriptor, embedded program and ToUnicode map.
extension PDFDocumentWriter {
    /// Writes a Type 0 font; `pad` (font units) widens every glyph's `/W`, as the program's
    /// advances are widened (a `PaddedFace`).
    mutating func writeFont(_ embedded: PDFFontEmbedder.Embedded, glyphs: Set<UInt32>, fallback: [UInt32: String],
                                    pad: Int = 0) -> Int {
        let face = embedded.face, program = embedded.program
        let type0 = allocate(), cidFont = allocate(), descriptor = allocate(), file = allocate(), toUnicode = allocate()
        let baseFont = PDFFontEmbedder.subsetTag(face, glyphs, pad: pad) + "+" + face.postScriptName
        let scale = 1000 / Double(face.unitsPerEm)
        begin(type0)
        out.raw("<< /Type /Font /Subtype /Type0 /BaseFont ")
        out.name(program.format == .trueType ? baseFont : baseFont + "-Identity-H")
        out.raw(" /Encoding /Identity-H /DescendantFonts ["); out.ref(cidFont); out.raw("] /ToUnicode "); out.ref(toUnicode); out.raw(" >>")
        end()
        begin(cidFont)
        out.raw(program.format == .trueType ? "<< /Type /Font /Subtype /CIDFontType2" : "<< /Type /Font /Subtype /CIDFontType0")
        out.raw(" /BaseFont "); out.name(baseFont)
        out.raw(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "); out.ref(descriptor)
        if program.format == .trueType { out.raw(" /CIDToGIDMap /Identity") }
        out.raw(" /DW 1000 /W [")
        var run: [Double] = []
        var runStart: UInt32 = 0
        func flush() {
            guard !run.isEmpty else { return }
            out.int(Int(runStart)); out.raw(" ["); out.nums(run); out.raw("] ")
            run = []
        }
        for g in glyphs.sorted() {
            let w = PDFPageEncoder.width(face, g) + (program.padded ? Double(pad) * scale : 0)
            if w == 1000 { flush(); continue }
            if run.isEmpty || runStart + UInt32(run.count) != g { flush(); runStart = g }
            run.append(w)
        }
        flush()
        out.raw("] >>")
        end()
        begin(descriptor)
        out.raw("<< /Type /FontDescriptor /FontName "); out.name(baseFont)
        out.raw(" /Flags 4 /FontBBox ["); out.nums(face.boundingBox.map { Double($0) * scale })
        out.raw("] /ItalicAngle "); out.num(face.italicAngle)
        out.raw(" /Ascent "); out.num(Double(face.ascent) * scale); out.raw(" /Descent "); out.num(Double(face.descent) * scale)
        out.raw(" /CapHeight "); out.num(Double(face.capHeight) * scale); out.raw(" /StemV 80 ")
        out.raw(program.format == .trueType ? "/FontFile2 " : "/FontFile3 "); out.ref(file); out.raw(" >>")
        end()
        switch program.format {
        case .cidCFF: stream(file, dictionary: " /Subtype /CIDFontType0C /Filter /FlateDecode", data: program.compressed)
        case .openType: stream(file, dictionary: " /Subtype /OpenType /Filter /FlateDecode", data: program.compressed)
        case .trueType: stream(file, dictionary: " /Length1 \(program.length) /Filter /FlateDecode", data: program.compressed)
        }
        let key = GlyphSetKey(ref: face.ref, glyphs: glyphs, fallback: fallback)
        let cmap = resources.toUnicodeMaps.value(for: key) {
            Deflate.zlib(PDFFontEmbedder.toUnicode(face, glyphs: glyphs, fallback: fallback))
        }
        stream(toUnicode, dictionary: " /Filter /FlateDecode", data: cmap)
        return type0
    }
}
