import Dispatch
import CPangoCairo
import FolioCore
import Foundation

/// The faces a PDF draws its text with: for each CFF (OpenType/CFF, e.g. Noto CJK) face of
/// the set, a font of only the glyphs the document uses, made with HarfBuzz's subsetter.
/// Glyph ids are kept (`HB_SUBSET_FLAGS_RETAIN_GIDS`: the glyphs not used become empty
/// charstrings), so runs draw with their own ids; Cairo renumbers when it embeds.
///
/// Why: Cairo 1.16 embeds a CFF face by loading the whole `CFF ` table (17–26 MB for a
/// Noto CJK face) into memory, and keeps every local subroutine of every font dict it
/// touches: the default brochure's three subsets came to 1.9 MB (900 KB of them unused
/// subroutines of Noto Serif), which Cairo then deflated (370 M of the 1,071 M
/// instructions of writing the default brochure) into a 1.73 MB file, at 142 MB peak.
/// HarfBuzz reads only the glyphs it keeps (about 140 M instructions a face); Cairo then
/// subsets a font of a few hundred KB: a 331 KB file, 83 MB peak, deflate 63 M.
/// Outlines, advances, names and metrics are the face's own; the text (ToUnicode,
/// ActualText) comes from the glyph runs as before: pdftotext and the pages rendered at
/// 50 dpi are identical.
///
/// Faces without a `CFF ` table (TrueType outlines), or that HarfBuzz cannot subset, are
/// drawn with the original face, and so is any run with a glyph the subset lacks.
public final class PDFFontSubsets: @unchecked Sendable {
    struct Subset {
        let face: OpaquePointer
        let glyphs: Set<UInt32>
        var scaled: [Double: OpaquePointer] = [:]
    }

    private var subsets: [FontRef: Subset] = [:]
    private let options: OpaquePointer

    /// Subsets every face of `glyphs` (glyph ids by face) that can be, one face per core,
    /// taking subsets made before from `cache` when it has them.
    public init(glyphs: [FontRef: Set<UInt32>], cache: FontSubsetCache? = nil) {
        options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        let faces = glyphs.sorted(by: { $0.key < $1.key })
        let made = Slots(count: faces.count)
        DispatchQueue.concurrentPerform(iterations: faces.count) { i in
            made.set(i, Self.subset(faces[i].key, faces[i].value, cache: cache))
        }
        for (i, (ref, _)) in faces.enumerated() {
            if let subset = made.values[i] { subsets[ref] = subset }
        }
    }

    deinit {
        for subset in subsets.values {
            for font in subset.scaled.values { cairo_scaled_font_destroy(font) }
            cairo_font_face_destroy(subset.face)
        }
        cairo_font_options_destroy(options)
    }

    /// The faces that were subset.
    public var faces: [FontRef] { subsets.keys.sorted() }

    /// The subset's scaled font at `size`, or nil when the face was not subset or lacks
    /// one of `ids` (the caller draws with the original face). Glyph ids are unchanged.
    func font(_ ref: FontRef, size: Double, ids: some Sequence<UInt32>) -> OpaquePointer? {
        guard var subset = subsets[ref], ids.allSatisfy(subset.glyphs.contains) else { return nil }
        if let font = subset.scaled[size] { return font }
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, size, size)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        let font = cairo_scaled_font_create(subset.face, &matrix, &identity, options)!
        subset.scaled[size] = font
        subsets[ref] = subset
        return font
    }

    // MARK: - Making a subset

    /// Tables a PDF font program does not need; dropping the layout tables also keeps
    /// the subsetter from adding glyphs that substitutions could reach.
    private static let dropped = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG"]

    private static func tag(_ s: String) -> hb_tag_t {
        s.utf8.reduce(0) { ($0 << 8) | hb_tag_t($1) }
    }

    /// What the subsetter is asked for, for the cache: flags and dropped tables.
    private static let recipe = "desubroutinize retain-gids drop " + dropped.joined(separator: ",")

    private static func subset(_ ref: FontRef, _ ids: Set<UInt32>, cache: FontSubsetCache?) -> Subset? {
        guard let blob = hb_blob_create_from_file_or_fail(ref.file) else { return nil }
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, UInt32(ref.index))
        defer { hb_face_destroy(face) }
        let cff = hb_face_reference_table(face, tag("CFF "))
        let hasCFF = hb_blob_get_length(cff) > 0
        hb_blob_destroy(cff)
        guard hasCFF else { return nil }
        let count = hb_face_get_glyph_count(face)
        let kept = Set(ids.filter { $0 < count }).union([0])
        let header = cache == nil ? nil
            : FontSubsetCache.header(file: ref.file, index: ref.index, glyphs: kept.sorted(), recipe: recipe)
        if let cache, let header, let stored = cache.load(header) {
            let face = stored.withUnsafeBytes { bytes in
                bytes.baseAddress.flatMap { MemoryFace.make(copying: $0, count: bytes.count) }
            }
            if let face { return Subset(face: face, glyphs: kept) }
        }
        guard let input = hb_subset_input_create_or_fail() else { return nil }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        for id in kept.sorted() { hb_set_add(set, id) }
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for t in dropped { hb_set_add(drop, tag(t)) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue | HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue)
        guard let result = hb_subset_or_fail(face, input) else { return nil }
        defer { hb_face_destroy(result) }
        let bytes = hb_face_reference_blob(result)
        defer { hb_blob_destroy(bytes) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(bytes, &length), length > 0 else { return nil }
        guard let face = MemoryFace.make(copying: UnsafeRawPointer(data), count: Int(length)) else { return nil }
        if let cache, let header {
            cache.store(header, font: UnsafeRawBufferPointer(start: data, count: Int(length)))
        }
        return Subset(face: face, glyphs: kept)
    }
}

/// Results filled in from several threads.
private final class Slots: @unchecked Sendable {
    private(set) var values: [PDFFontSubsets.Subset?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ i: Int, _ value: PDFFontSubsets.Subset?) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}

/// Cairo font faces over FreeType faces made from bytes in memory. One FreeType library
/// serves them all; its faces are made and released under one lock, since FreeType wants
/// that from threads that share a library, and Cairo may release a face on any thread.
enum MemoryFace {
    private final class Shared: @unchecked Sendable {
        let library: FT_Library?
        let lock = NSLock()
        let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

        init() {
            var library: FT_Library?
            FT_Init_FreeType(&library)
            self.library = library
        }
    }

    private static let state = Shared()

    /// What a face keeps alive: the FreeType face and the bytes it reads.
    private struct Owned {
        var face: FT_Face
        var bytes: UnsafeMutableRawPointer
    }

    /// A Cairo face over a copy of `count` bytes of a font file; nil when FreeType cannot read it.
    static func make(copying data: UnsafeRawPointer, count: Int) -> OpaquePointer? {
        guard let library = state.library else { return nil }
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        bytes.copyMemory(from: data, byteCount: count)
        var face: FT_Face?
        state.lock.lock()
        let error = FT_New_Memory_Face(library, bytes.assumingMemoryBound(to: FT_Byte.self), FT_Long(count), 0, &face)
        state.lock.unlock()
        guard error == 0, let face else {
            bytes.deallocate()
            return nil
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            release(face, bytes)
            return nil
        }
        let owned = UnsafeMutablePointer<Owned>.allocate(capacity: 1)
        owned.initialize(to: Owned(face: face, bytes: bytes))
        let status = cairo_font_face_set_user_data(cairoFace, state.key, owned) { pointer in
            guard let owned = pointer?.assumingMemoryBound(to: Owned.self) else { return }
            MemoryFace.release(owned.pointee.face, owned.pointee.bytes)
            owned.deinitialize(count: 1)
            owned.deallocate()
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(cairoFace)
            release(face, bytes)
            owned.deinitialize(count: 1)
            owned.deallocate()
            return nil
        }
        return cairoFace
    }

    private static func release(_ face: FT_Face, _ bytes: UnsafeMutableRawPointer) {
        state.lock.lock()
        FT_Done_Face(face)
        state.lock.unlock()
        bytes.deallocate()
    }
}
