import CPangoCairo
import FolioCore

/// One shaped glyph, positioned relative to the pen.
public struct ShapedGlyph: Hashable, Sendable {
    /// The face that holds the glyph (Pango may take a character from another face of the set).
    public var font: FontRef
    public var id: UInt32
    /// Horizontal advance in points.
    public var advance: Double
    /// Offset of the glyph from the pen position, in points (y grows down).
    public var xOffset: Double
    public var yOffset: Double
    /// UTF-8 offset, in the shaped string, of the first byte of this glyph's cluster.
    public var cluster: Int

    public init(font: FontRef, id: UInt32, advance: Double, xOffset: Double, yOffset: Double, cluster: Int) {
        self.font = font
        self.id = id
        self.advance = advance
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.cluster = cluster
    }
}

/// A character no face of the set can draw.
public struct MissingCharacter: Hashable, Sendable {
    /// UTF-8 offset of the character in the shaped string.
    public var offset: Int
    public var scalar: Unicode.Scalar

    public init(offset: Int, scalar: Unicode.Scalar) {
        self.offset = offset
        self.scalar = scalar
    }
}

/// OpenType features switched on for a range of the text (UTF-8 offsets).
public struct FeatureRange: Hashable, Sendable {
    public var features: String
    public var range: Range<Int>

    public init(_ features: String, range: Range<Int>) {
        self.features = features
        self.range = range
    }
}

/// The result of shaping a string: glyphs in logical order.
public struct ShapedText: Hashable, Sendable {
    public var text: String
    public var glyphs: [ShapedGlyph]
    public var missing: [MissingCharacter]

    /// The total advance in points.
    public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }
}

extension FontSet {
    /// Shapes `text` as one line in the face `spec` asks for, with Pango (HarfBuzz).
    /// Characters the face lacks come from another face of the set; characters no face
    /// has are reported in `missing`.
    public func shape(_ text: String, font spec: FontSpec, features: [FeatureRange] = []) -> ShapedText {
        lock.lock()
        defer { lock.unlock() }
        guard !text.isEmpty else { return ShapedText(text: text, glyphs: [], missing: []) }
        let layout = pango_layout_new(context)!
        defer { folio_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_single_paragraph_mode(layout, 1)
        pango_layout_set_font_description(layout, description(for: spec))
        if !features.isEmpty {
            let attrs = pango_attr_list_new()!
            for feature in features {
                let attr = pango_attr_font_features_new(feature.features)!
                attr.pointee.start_index = UInt32(feature.range.lowerBound)
                attr.pointee.end_index = UInt32(feature.range.upperBound)
                pango_attr_list_insert(attrs, attr)
            }
            pango_layout_set_attributes(layout, attrs)
            pango_attr_list_unref(attrs)
        }
        let utf8 = Array(text.utf8)
        pango_layout_set_text(layout, text, Int32(utf8.count))

        var glyphs: [ShapedGlyph] = []
        var missing: [MissingCharacter] = []
        let scale = Double(PANGO_SCALE)
        let lineCount = pango_layout_get_line_count(layout)
        for lineIndex in 0..<lineCount {
            guard let line = pango_layout_get_line_readonly(layout, lineIndex) else { continue }
            var node = line.pointee.runs
            while let current = node {
                defer { node = current.pointee.next }
                guard let run = current.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
                      let item = run.pointee.item, let glyphString = run.pointee.glyphs else { continue }
                let font = item.pointee.analysis.font!
                let ref = self.ref(for: font)
                let base = Int(item.pointee.offset)
                for i in 0..<Int(glyphString.pointee.num_glyphs) {
                    let info = glyphString.pointee.glyphs[i]
                    let cluster = base + Int(glyphString.pointee.log_clusters[i])
                    if info.glyph & 0x1000_0000 != 0 {
                        if let scalar = scalarAt(utf8, cluster) {
                            missing.append(MissingCharacter(offset: cluster, scalar: scalar))
                        }
                    }
                    glyphs.append(ShapedGlyph(
                        font: ref, id: info.glyph,
                        advance: Double(info.geometry.width) / scale,
                        xOffset: Double(info.geometry.x_offset) / scale,
                        yOffset: Double(info.geometry.y_offset) / scale,
                        cluster: cluster))
                }
            }
        }
        glyphs.sort { $0.cluster < $1.cluster }
        return ShapedText(text: text, glyphs: glyphs, missing: missing)
    }

    /// Counts characters of `text` no face of the set can draw (Pango's unknown glyphs).
    public func missingCharacters(in text: String, font spec: FontSpec) -> [MissingCharacter] {
        shape(text, font: spec).missing
    }

    private func scalarAt(_ utf8: [UInt8], _ offset: Int) -> Unicode.Scalar? {
        guard offset < utf8.count else { return nil }
        var end = offset + 1
        while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: utf8[offset..<end], as: UTF8.self).unicodeScalars.first
    }
}
