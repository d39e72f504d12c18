import CPangoCairo
import FolioCore
import Foundation

/// Folio's private font set: a fontconfig configuration loaded from `Fonts/fonts.conf`
/// and the Pango context that shapes with it. What it shapes names its faces by handle
/// (`FontRef`: file, index, file identity); the exporters draw from the handles alone.
///
/// `@unchecked Sendable`: the owner of C resources (the fontconfig configuration, the
/// Pango font map and context, the fonts and descriptions it loaded, all released in
/// `deinit`). Pango and fontconfig objects are not thread-safe, so every call that
/// touches them or the tables holds `lock`.
public final class FontSet: @unchecked Sendable {
    let config: OpaquePointer
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    let lock = NSLock()
    /// Families present in the set, sorted.
    public let families: [String]
    /// The configuration file this set was loaded from.
    public let configPath: String

    /// Handles of the fonts Pango chose, by font (each key holds a reference, so its
    /// address is not reused while it is a key).
    private var refsByFont: [UnsafeMutableRawPointer: FontRef] = [:]
    private var loadedFonts: [FontSpec: UnsafeMutablePointer<PangoFont>] = [:]
    private var descriptions: [FontSpec: OpaquePointer] = [:]

    /// Loads the font set described by a fontconfig file (its `<dir>` entries name the
    /// folders to scan; `prefix="relative"` dirs are relative to the file).
    public init(configFile: String) throws {
        let configFile = URL(fileURLWithPath: configFile).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: configFile) else {
            throw GraphicsError.fontConfig(path: configFile, reason: "the file does not exist")
        }
        guard let config = FcConfigCreate() else {
            throw GraphicsError.fontConfig(path: configFile, reason: "fontconfig could not create a configuration")
        }
        guard FcConfigParseAndLoad(config, configFile, 1) != 0 else {
            FcConfigDestroy(config)
            throw GraphicsError.fontConfig(path: configFile, reason: "fontconfig could not parse it")
        }
        guard FcConfigBuildFonts(config) != 0 else {
            FcConfigDestroy(config)
            throw GraphicsError.fontConfig(path: configFile, reason: "fontconfig could not scan its font folders")
        }
        self.config = config
        self.configPath = configFile
        self.families = FontSet.listFamilies(config)

        let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)!
        pango_fc_font_map_set_config(folio_fc_font_map(map), config)
        self.fontMap = map
        let context = pango_font_map_create_context(map)!
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("zh-cn"))
        self.context = context
    }

    deinit {
        for font in refsByFont.keys { folio_object_unref(font) }
        for font in loadedFonts.values { folio_object_unref(font) }
        for desc in descriptions.values { pango_font_description_free(desc) }
        folio_object_unref(UnsafeMutableRawPointer(context))
        folio_object_unref(fontMap)
        FcConfigDestroy(config)
    }

    /// Checks that `family` is in the set; throws an error naming it and the families
    /// that are available otherwise. Never falls back silently.
    public func requireFamily(_ family: String) throws {
        if !families.contains(family) {
            throw GraphicsError.missingFontFamily(family: family, available: families)
        }
    }

    /// The font file (and face index) that serves `spec`.
    public func fontRef(for spec: FontSpec) -> FontRef {
        lock.lock()
        defer { lock.unlock() }
        return ref(for: loadFont(spec))
    }

    /// Vertical metrics of `spec`: the ideographic em box and the cap height.
    public func metrics(for spec: FontSpec) -> FontMetrics {
        lock.lock()
        defer { lock.unlock() }
        let font = loadFont(spec)
        let hb = pango_font_get_hb_font(font)
        var xScale: Int32 = 0, yScale: Int32 = 0
        hb_font_get_scale(hb, &xScale, &yScale)
        let scale = yScale == 0 ? 1 : Double(yScale)
        var top: hb_position_t = 0, bottom: hb_position_t = 0, cap: hb_position_t = 0
        let hani: hb_tag_t = 0x68616E69 // 'hani'
        hb_ot_layout_get_baseline_with_fallback(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                                HB_DIRECTION_LTR, hani, 0, &top)
        hb_ot_layout_get_baseline_with_fallback(hb, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT,
                                                HB_DIRECTION_LTR, hani, 0, &bottom)
        if hb_ot_metrics_get_position(hb, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) == 0 {
            cap = hb_position_t(0.7 * scale)
        }
        return FontMetrics(ascent: Double(top) / scale * spec.size,
                           descent: -Double(bottom) / scale * spec.size,
                           capHeight: Double(cap) / scale * spec.size)
    }

    // MARK: - Internal (callers hold `lock`)

    func description(for spec: FontSpec) -> OpaquePointer {
        if let desc = descriptions[spec] { return desc }
        let desc = pango_font_description_new()!
        pango_font_description_set_family(desc, spec.family)
        pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(spec.weight)))
        pango_font_description_set_absolute_size(desc, spec.size * Double(PANGO_SCALE))
        descriptions[spec] = desc
        return desc
    }

    func loadFont(_ spec: FontSpec) -> UnsafeMutablePointer<PangoFont> {
        if let font = loadedFonts[spec] { return font }
        let font = pango_font_map_load_font(fontMap, context, description(for: spec))!
        loadedFonts[spec] = font
        return font
    }

    func ref(for font: UnsafeMutablePointer<PangoFont>) -> FontRef {
        let key = UnsafeMutableRawPointer(font)
        if let ref = refsByFont[key] { return ref }
        var file = ""
        var index: Int32 = 0
        if let pattern = folio_fc_font_pattern(font) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, FC_FILE, 0, &value) == FcResultMatch, let value {
                file = String(cString: value)
            }
            _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        }
        let ref = FontRef(file: file, index: Int(index))
        g_object_ref(font)
        refsByFont[key] = ref
        return ref
    }

    private static func listFamilies(_ config: OpaquePointer) -> [String] {
        let pattern = FcPatternCreate()
        let objects = FcObjectSetCreate()
        FcObjectSetAdd(objects, FC_FAMILY)
        defer {
            FcPatternDestroy(pattern)
            FcObjectSetDestroy(objects)
        }
        guard let set = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(set) }
        var names = Set<String>()
        for i in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[i] else { continue }
            var n: Int32 = 0
            var value: UnsafeMutablePointer<FcChar8>?
            while FcPatternGetString(font, FC_FAMILY, n, &value) == FcResultMatch, let v = value {
                names.insert(String(cString: v))
                n += 1
            }
        }
        return names.sorted()
    }
}
