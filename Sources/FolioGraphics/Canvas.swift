import CPangoCairo
import FolioCore
import Foundation

/// Draws display-list primitives on a Cairo context. It never decides a position: every
/// coordinate comes from the item it is given, every face from the glyph run's font
/// handle (opened through `resources`, no font set needed).
public struct Canvas {
    let cr: OpaquePointer
    let resources: RenderResources
    init(cr: OpaquePointer, resources: RenderResources) {
        self.cr = cr
        self.resources = resources
    }

    /// Fills and/or strokes a shape.
    public func draw(_ shape: Shape) {
        cairo_new_path(cr)
        for element in shape.path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
        if let fill = shape.fill {
            setColor(fill)
            if shape.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = shape.stroke {
            setColor(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            cairo_set_line_cap(cr, stroke.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            cairo_set_line_join(cr, stroke.roundCaps ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER)
            if stroke.dash.isEmpty {
                cairo_set_dash(cr, nil, 0, 0)
            } else {
                stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Draws glyphs at their positions (the PNG side: Cairo needs no text or cluster map).
    /// Throws when the run's font file is missing or changed since it was shaped.
    public func draw(_ run: GlyphRun) throws {
        guard !run.glyphs.isEmpty else { return }
        let key = ScaledFontKey(ref: run.font, size: run.size)
        let font = try resources.scaledFonts.value(for: key) { try ScaledFont(run.font, size: run.size) }
        defer { withExtendedLifetime(font) {} }
        cairo_set_scaled_font(cr, font.font)
        var glyphs = run.placed.localGlyphs.map { cairo_glyph_t(index: UInt($0.id), x: $0.x, y: $0.y) }
        setColor(run.color)
        var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.byteCount), num_glyphs: Int32($0.glyphCount)) }
        let utf8 = Array(run.text.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count),
                                       &glyphs, Int32(glyphs.count),
                                       &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
            }
        }
    }

    /// Draws an image scaled into its frame and clipped to its clip rectangle.
    public func draw(_ image: ImageItem) throws {
        // The frame's size in device pixels: the decode need not be finer than that.
        var dx = image.frame.width, dy = image.frame.height
        cairo_user_to_device_distance(cr, &dx, &dy)
        let source = try resources.images.surface(for: image.path, covering: (abs(dx), abs(dy)))
        // The decoded pixels are shared between threads; each draw wraps them in its own
        // Cairo surface (Cairo objects are not shared across threads).
        let wrapped = cairo_image_surface_create_for_data(cairo_image_surface_get_data(source.surface),
                                                          cairo_image_surface_get_format(source.surface),
                                                          Int32(source.width), Int32(source.height),
                                                          cairo_image_surface_get_stride(source.surface))
        defer { cairo_surface_destroy(wrapped); withExtendedLifetime(source) {} }
        cairo_save(cr)
        cairo_rectangle(cr, image.clip.x, image.clip.y, image.clip.width, image.clip.height)
        cairo_clip(cr)
        cairo_translate(cr, image.frame.x, image.frame.y)
        cairo_scale(cr, image.frame.width / Double(source.width), image.frame.height / Double(source.height))
        cairo_set_source_surface(cr, wrapped, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Draws `body` clipped to `rect`.
    public func withClip(_ rect: Rect, _ body: () throws -> Void) rethrows {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        defer { cairo_restore(cr) }
        try body()
    }

    private func setColor(_ c: Color) {
        if c.alpha >= 1 {
            cairo_set_source_rgb(cr, c.red, c.green, c.blue)
        } else {
            cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
        }
    }
}
