import CPangoCairo
import FolioCore
import Foundation

/// A subset font program ready to embed in a PDF, compressed, made with HarfBuzz's
/// subsetter from the glyphs a document draws.
///
/// - CID-keyed CFF faces (Noto CJK): the bare `CFF ` table of a compact subset, embedded
///   as `CIDFontType0C`. HarfBuzz keeps each glyph's CID, so the page content streams
///   show glyphs by their ids in the whole face (CID = glyph id in Noto CJK, checked
///   here) whatever else the document draws: a page's stream does not change when
///   another page adds a glyph.
/// - Other CFF faces: the OpenType subset with glyph ids retained (`OpenType`).
/// - TrueType faces: the subset with glyph ids retained (`FontFile2`, CIDToGIDMap Identity).
public struct PDFFontProgram: Sendable {
    public enum Format: UInt8, Sendable {
        case cidCFF = 1, openType = 2, trueType = 3
    }

    public let format: Format
    /// The program, zlib-compressed (FlateDecode).
    public let compressed: [UInt8]
    /// The uncompressed length (FontFile2's `/Length1`).
    public let length: Int
    /// Whether every glyph's advance is the `pad` asked of `make` wider than the face's.
    public var padded = false

    init(format: Format, compressed: [UInt8], length: Int, padded: Bool = false) {
        self.format = format
        self.compressed = compressed
        self.length = length
        self.padded = padded
    }

    /// Tables a PDF font program does not need; dropping the layout tables also keeps
    /// the subsetter from adding glyphs that substitutions could reach.
    private static let dropped = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG"]

    private static func recipe(_ cff: Bool, pad: Int) -> String {
        "pdf-program 1 " + (cff ? "compact" : "retain-gids") + (pad != 0 ? " desubroutinize pad \(pad)" : "")
            + " drop " + dropped.joined(separator: ",") + " flate 9"
    }

    /// Whether `make(_:glyphs:cache:pad:)` can widen this face's glyphs: a static,
    /// CID-keyed CFF face whose CIDs are its glyph ids (Noto CJK).
    public static func canPad(_ face: PDFFace) -> Bool {
        guard face.isCFF, !face.isVariable, face.ref.index <= 0xFFFF else { return false }
        let cff = face.cffCIDs
        return cff.cidKeyed && cff.identity
    }

    /// The program of `glyphs` of `face` (glyph 0 is always kept), from `cache` when it
    /// holds one made before for the same file and glyphs.
    ///
    /// With a `pad` (font units), every glyph's advance in the program is that much wider
    /// and its outline unchanged: the program of a second font resource that draws a glyph
    /// followed by a gap as one glyph (only where `canPad`; elsewhere the program is the
    /// plain subset and `padded` is false).
    public static func make(_ face: PDFFace, glyphs: Set<UInt32>, cache: FontSubsetCache?, pad: Int = 0) throws -> PDFFontProgram {
        let pad = canPad(face) ? pad : 0
        let kept = Set(glyphs.filter { $0 < face.glyphCount }).union([0]).sorted()
        let header = cache == nil ? nil
            : FontSubsetCache.header(file: face.ref.file, index: face.ref.index, glyphs: kept, recipe: recipe(face.isCFF, pad: pad))
        if let cache, let header, let stored = cache.load(header), stored.count > 9,
           let format = Format(rawValue: stored[stored.startIndex]) {
            let length = stored.dropFirst().prefix(8).reduce(0) { $0 << 8 | Int($1) }
            return PDFFontProgram(format: format, compressed: [UInt8](stored.dropFirst(9)), length: length, padded: pad != 0)
        }
        let program = try subset(face, kept, pad: pad)
        if let cache, let header {
            var bytes: [UInt8] = [program.format.rawValue]
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: program.length >> shift)) }
            bytes += program.compressed
            bytes.withUnsafeBytes { cache.store(header, font: $0) }
        }
        return program
    }

    private static func subset(_ face: PDFFace, _ kept: [UInt32], pad: Int) throws -> PDFFontProgram {
        let fail = { (why: String) in GraphicsError.fontEmbedding(path: face.ref.file, reason: "face \(face.ref.index): \(why)") }
        guard let input = hb_subset_input_create_or_fail() else { throw fail("HarfBuzz is out of memory") }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        for id in kept { hb_set_add(set, id) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for t in dropped { hb_set_add(drop, t.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) }) }
        if face.isVariable {
            throw fail("it is a variable font (fvar/CFF2), which Folio's PDF writer cannot embed; use a static instance of it")
        }
        if face.ref.index > 0xFFFF {
            throw fail("it is a named instance of a variable font, which Folio's PDF writer cannot embed; use a static font")
        }
        let cff = face.cffCIDs
        if cff.cidKeyed && !cff.identity {
            throw fail("its CIDs are not its glyph ids, which Folio's PDF writer needs; use another font")
        }
        let compact = cff.cidKeyed
        hb_subset_input_set_flags(input, compact ? (pad != 0 ? HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue : 0) : HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue)
        guard let result = face.withFace({ hb_subset_or_fail($0, input) }) else { throw fail("HarfBuzz could not subset it") }
        defer { hb_face_destroy(result) }
        if compact {
            let cff = PDFFace.table(result, "CFF ")
            if pad != 0 {
                guard let wide = CFFWidthPadding(cff).padded(by: pad) else { throw fail("its CFF glyphs cannot be widened") }
                return PDFFontProgram(format: .cidCFF, compressed: Deflate.zlib(wide, level: 9), length: wide.count, padded: true)
            }
            return PDFFontProgram(format: .cidCFF, compressed: Deflate.zlib(cff, level: 9), length: cff.count)
        }
        let bytes = hb_face_reference_blob(result)
        defer { hb_blob_destroy(bytes) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(bytes, &length), length > 0 else { throw fail("the subset is empty") }
        let raw = UnsafeRawBufferPointer(start: data, count: Int(length))
        return PDFFontProgram(format: face.isCFF ? .openType : .trueType, compressed: Deflate.zlib(raw, level: 9), length: Int(length))
    }
}

/// Just enough of a CFF table to tell a CID-keyed font and read its charset.
struct CFFTable {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private func u(_ at: Int, _ size: Int) -> Int? { CFFIndex.uint(bytes, at, size) }

    /// An INDEX at `at`: its items' byte ranges and where it ends.
    private func index(at: Int) -> (items: [Range<Int>], end: Int)? { CFFIndex.read(bytes, at: at) }

    /// The top DICT's operators and their operands.
    private func topDict() -> [Int: [Double]]? {
        guard let hdrSize = u(2, 1), let names = index(at: hdrSize), let tops = index(at: names.end),
              let range = tops.items.first, range.upperBound <= bytes.count else { return nil }
        var dict: [Int: [Double]] = [:]
        var operands: [Double] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let b = Int(bytes[i])
            switch b {
            case 0...11, 13...21:
                dict[b] = operands; operands = []; i += 1
            case 12:
                guard i + 1 < range.upperBound else { return dict }
                dict[1200 + Int(bytes[i + 1])] = operands; operands = []; i += 2
            case 28: operands.append(Double(Int16(truncatingIfNeeded: u(i + 1, 2) ?? 0))); i += 3
            case 29: operands.append(Double(Int32(truncatingIfNeeded: u(i + 1, 4) ?? 0))); i += 5
            case 30:
                i += 1
                while i < range.upperBound, bytes[i] & 0x0f != 0x0f, bytes[i] >> 4 != 0x0f { i += 1 }
                i += 1
                operands.append(0)
            case 32...246: operands.append(Double(b - 139)); i += 1
            case 247...250: operands.append(Double((b - 247) * 256 + Int(bytes[min(i + 1, bytes.count - 1)]) + 108)); i += 2
            case 251...254: operands.append(Double(-(b - 251) * 256 - Int(bytes[min(i + 1, bytes.count - 1)]) - 108)); i += 2
            default: i += 1
            }
        }
        return dict
    }

    /// Whether the top DICT has ROS (a CID-keyed font).
    var isCIDKeyed: Bool { topDict()?[1230] != nil }

    /// The CID of every glyph, in glyph order (glyph 0 is CID 0), or nil when the font
    /// is not CID-keyed or cannot be read.
    func cids() -> [UInt32]? {
        guard let dict = topDict(), dict[1230] != nil, let charStrings = dict[17]?.first, let charset = dict[15]?.first,
              let glyphs = index(at: Int(charStrings))?.items.count, glyphs > 0 else { return nil }
        var result: [UInt32] = [0]
        var at = Int(charset)
        guard let format = u(at, 1) else { return nil }
        at += 1
        while result.count < glyphs {
            switch format {
            case 0:
                guard let cid = u(at, 2) else { return nil }
                result.append(UInt32(cid)); at += 2
            case 1, 2:
                let size = format == 1 ? 1 : 2
                guard let first = u(at, 2), let left = u(at + 2, size) else { return nil }
                for k in 0...left where result.count < glyphs { result.append(UInt32(first + k)) }
                at += 2 + size
            default: return nil
            }
        }
        return result
    }
}
