import CPangoCairo
import FolioCore
import Foundation

/// One face as a PDF writer sees it: glyph advances, the character each glyph stands for,
/// the metrics of its font descriptor, and subset font programs to embed. Read with
/// HarfBuzz from the font file (memory-mapped) that a font handle names; a
/// `RenderResources` keeps the faces it opened, so a watching process reads each file once.
///
/// `@unchecked Sendable`: the owner of C resources (a HarfBuzz blob, face and font, set in
/// `init` and released in `deinit`). HarfBuzz faces and fonts are immutable once made and
/// safe to read from several threads; the two lazily made tables (`reverse`, `cffKind`)
/// are read and written under `lock`.
public final class PDFFace: @unchecked Sendable {
    public let ref: FontRef
    /// Font units per em.
    public let unitsPerEm: Int
    /// The face's PostScript name (name ID 6), e.g. `NotoSansCJKsc-Regular`.
    public let postScriptName: String
    /// Typographic ascender and descender, cap height, in font units.
    public let ascent: Int, descent: Int, capHeight: Int
    /// The `head` table's glyph bounding box: xMin, yMin, xMax, yMax.
    public let boundingBox: [Int]
    public let italicAngle: Double
    /// Outlines in a `CFF ` table (otherwise TrueType `glyf`).
    public let isCFF: Bool
    /// A variable font (`fvar`, or outlines in `CFF2`).
    public let isVariable: Bool
    /// The number of glyphs.
    public let glyphCount: UInt32

    private let blob: OpaquePointer
    private let hbFace: OpaquePointer
    private let hbFont: OpaquePointer
    private let lock = NSLock()
    private var reverse: [UInt32: UInt32]?
    private var cffKind: (cidKeyed: Bool, identity: Bool)?

    /// The face `ref` names; throws when its file is missing, changed since the handle was
    /// made, or not a face HarfBuzz can read.
    public init(_ ref: FontRef) throws {
        try ref.checkFile()
        guard let blob = hb_blob_create_from_file_or_fail(ref.file) else {
            throw GraphicsError.fontEmbedding(path: ref.file, reason: "the font file cannot be read")
        }
        let face = hb_face_create(blob, UInt32(ref.index & 0xFFFF))!
        guard hb_face_get_glyph_count(face) > 0 else {
            hb_face_destroy(face)
            hb_blob_destroy(blob)
            throw GraphicsError.fontEmbedding(path: ref.file, reason: "HarfBuzz cannot read face \(ref.index) of it")
        }
        self.ref = ref
        self.blob = blob
        self.hbFace = face
        let font = hb_font_create(face)!
        self.hbFont = font
        glyphCount = hb_face_get_glyph_count(face)
        unitsPerEm = Int(hb_face_get_upem(face))
        func metric(_ tag: hb_ot_metrics_tag_t) -> Int? {
            var value: hb_position_t = 0
            return hb_ot_metrics_get_position(font, tag, &value) != 0 ? Int(value) : nil
        }
        let upem = Int(hb_face_get_upem(face))
        let ascender = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER) ?? upem * 88 / 100
        ascent = ascender
        descent = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER) ?? -upem * 12 / 100
        capHeight = metric(HB_OT_METRICS_TAG_CAP_HEIGHT) ?? ascender
        let head = Self.table(face, "head")
        boundingBox = head.count >= 44
            ? stride(from: 36, to: 44, by: 2).map { Int(Int16(bitPattern: UInt16(head[$0]) << 8 | UInt16(head[$0 + 1]))) }
            : [0, -upem / 8, upem, ascender]
        let post = Self.table(face, "post")
        italicAngle = post.count >= 8
            ? Double(Int32(bitPattern: post[4..<8].reduce(0) { $0 << 8 | UInt32($1) })) / 65536 : 0
        isCFF = Self.tableLength(face, "CFF ") > 0
        isVariable = Self.tableLength(face, "fvar") > 0 || Self.tableLength(face, "CFF2") > 0
        var length: UInt32 = 128
        var name = [CChar](repeating: 0, count: 128)
        _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(HB_OT_NAME_ID_POSTSCRIPT_NAME), hb_language_from_string("en", -1), &length, &name)
        let raw = String(cString: name)
        let cleaned = raw.unicodeScalars.filter { $0.value > 32 && $0.value < 127 && !"()<>[]{}/%#".unicodeScalars.contains($0) }
        postScriptName = cleaned.isEmpty ? "Font" : String(String.UnicodeScalarView(cleaned))
    }

    deinit {
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
        hb_blob_destroy(blob)
    }

    /// The horizontal advance of a glyph, in font units.
    public func advance(_ glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(hbFont, glyph))
    }

    /// The character the face's character map maps to `glyph` (the smallest, when several
    /// do, radicals and compatibility ideographs after all others), or nil for glyphs
    /// reached only through substitutions.
    public func character(for glyph: UInt32) -> Unicode.Scalar? {
        lock.lock()
        defer { lock.unlock() }
        if reverse == nil { reverse = buildReverseMap() }
        return reverse![glyph].flatMap(Unicode.Scalar.init)
    }

    /// Whether the `CFF ` table is CID-keyed, and if so whether every glyph's CID is its
    /// glyph id (as in Noto CJK).
    var cffCIDs: (cidKeyed: Bool, identity: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let cffKind { return cffKind }
        let blob = hb_face_reference_table(hbFace, "CFF ".utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) })
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        var kind = (cidKeyed: false, identity: false)
        if let data = hb_blob_get_data(blob, &length), length > 0 {
            let table = CFFTable(UnsafeRawBufferPointer(start: data, count: Int(length)))
            if table.isCIDKeyed {
                let cids = table.cids()
                kind = (true, cids.map { $0.enumerated().allSatisfy { UInt32($0.offset) == $0.element } } ?? false)
            }
        }
        cffKind = kind
        return kind
    }

    private func buildReverseMap() -> [UInt32: UInt32] {
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(hbFace, set)
        var map: [UInt32: UInt32] = [:]
        map.reserveCapacity(Int(hb_set_get_population(set)))
        var u = hb_codepoint_t.max
        var glyph: hb_codepoint_t = 0
        while hb_set_next(set, &u) != 0 {
            guard hb_font_get_nominal_glyph(hbFont, u, &glyph) != 0 else { continue }
            // Radicals and compatibility ideographs share the unified ideographs' glyphs:
            // the unified character is the one text uses.
            if let old = map[glyph], !Self.isCompatibility(old) { continue }
            map[glyph] = u
        }
        localizedPunctuation(&map)
        return map
    }

    /// Text is shaped as Simplified Chinese (`FontSet`: zh-cn), and the face's `locl` then
    /// draws some punctuation with another character's glyph: Noto CJK sets 「——」 (U+2014)
    /// with the full-width glyph whose own character is U+2015 HORIZONTAL BAR, so a reader
    /// that takes text from ToUnicode alone (MuPDF) gave U+2015. Such a glyph maps back to
    /// the punctuation text uses.
    private func localizedPunctuation(_ map: inout [UInt32: UInt32]) {
        func tag(_ s: String) -> hb_tag_t { s.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) } }
        let lookups = hb_set_create()
        defer { hb_set_destroy(lookups) }
        var scripts = [tag("hani"), 0], languages = [tag("ZHS "), 0], features = [tag("locl"), 0]
        hb_ot_layout_collect_lookups(hbFace, tag("GSUB"), &scripts, &languages, &features, lookups)
        guard hb_set_get_population(lookups) > 0 else { return }
        // General punctuation (U+2010–U+205F) that has a glyph of its own.
        let nominal = map.filter { (0x2010...0x205F).contains($0.value) }.map { (glyph: $0.key, character: $0.value) }
        var lookup = hb_codepoint_t.max
        while hb_set_next(lookups, &lookup) != 0 {
            for (glyph, character) in nominal {
                var count: UInt32 = 1
                var alternate: hb_codepoint_t = 0
                guard hb_ot_layout_lookup_get_glyph_alternates(hbFace, lookup, glyph, 0, &count, &alternate) > 0, count > 0,
                      alternate != glyph, let other = map[alternate], other != character else { continue }
                map[alternate] = character
            }
        }
    }

    static func tableLength(_ face: OpaquePointer, _ tag: String) -> Int {
        let blob = hb_face_reference_table(face, tag.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) })
        defer { hb_blob_destroy(blob) }
        return Int(hb_blob_get_length(blob))
    }

    private static func isCompatibility(_ u: UInt32) -> Bool {
        (0x2E80...0x2FDF).contains(u) || (0xF900...0xFAFF).contains(u) || (0x2F800...0x2FA1F).contains(u)
    }

    /// A table's bytes (at most `limit` of them).
    static func table(_ face: OpaquePointer, _ tag: String, limit: Int = .max) -> [UInt8] {
        let blob = hb_face_reference_table(face, tag.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) })
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: min(Int(length), limit)))
    }

    func withFace<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T { try body(hbFace) }
}
