import CPangoCairo
import FolioCore

/// A face at a size as the raster canvas draws it: a Cairo scaled font opened from a font
/// handle's file and face index alone (no font set), unhinted so PDF and PNG share one set
/// of positions, with the render options Folio's font set gives Pango (grey antialiasing,
/// no hinting), so the pixels are those of a font the set had loaded.
///
/// `@unchecked Sendable`: the owner of a C resource (one reference to a
/// `cairo_scaled_font_t`, released in `deinit`). Cairo scaled fonts are thread-safe (they
/// lock their own glyph caches), so one may be drawn with from several threads; the
/// pointer is never changed after `init`.
final class ScaledFont: @unchecked Sendable {
    let font: OpaquePointer

    /// The face `ref` names at `size` points; throws when its file is missing, changed
    /// since the handle was made, or not a font Cairo can open.
    init(_ ref: FontRef, size: Double) throws {
        try ref.checkFile()
        let pattern = FcPatternCreate()!
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FILE, ref.file)
        FcPatternAddInteger(pattern, FC_INDEX, Int32(ref.index))
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_ft_font_options_substitute(options, pattern)
        let face = cairo_ft_font_face_create_for_pattern(pattern)
        defer { cairo_font_face_destroy(face) }
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, size, size)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        guard let font = cairo_scaled_font_create(face, &matrix, &identity, options) else {
            throw GraphicsError.font(path: ref.file, reason: "Cairo cannot open face \(ref.index) of it")
        }
        guard cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else {
            let status = String(cString: cairo_status_to_string(cairo_scaled_font_status(font)))
            cairo_scaled_font_destroy(font)
            throw GraphicsError.font(path: ref.file, reason: "Cairo cannot open face \(ref.index) of it (\(status))")
        }
        self.font = font
    }

    deinit {
        cairo_scaled_font_destroy(font)
    }
}

/// A face at a size.
struct ScaledFontKey: Hashable, Sendable {
    var ref: FontRef
    var size: Double
}

extension FontRef {
    /// Throws unless the handle's file is there and is the file the handle was made from.
    func checkFile() throws {
        guard let now = FileIdentity(path: file) else {
            throw GraphicsError.font(path: file, reason: "the font file is missing or cannot be read")
        }
        if let identity, identity != now {
            throw GraphicsError.font(path: file, reason: "the font file changed after the text was shaped with it; build again")
        }
    }
}
