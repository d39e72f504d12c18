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
    ///
    /// Itemizes and shapes directly rather than through a `PangoLayout`: a layout also
    /// measures the ink and logical extents of every glyph (FreeType loads each outline),
    /// which Folio never asks for; that was four fifths of the cost of shaping. Items,
    /// fonts, glyphs and advances are the layout's own (same itemizer, same shaper, no
    /// rounding, no wrapping).
    public func shape(_ text: String, font spec: FontSpec, features: [FeatureRange] = []) -> ShapedText {
        lock.lock()
        defer { lock.unlock() }
        guard !text.isEmpty else { return ShapedText(text: text, glyphs: [], missing: []) }
        // pango_itemize aborts the process on a NUL byte (PangoLayout stopped at it): shape
        // it as a space of the same byte length, so clusters and offsets are unchanged.
        var utf8 = Array(text.utf8)
        for i in utf8.indices where utf8[i] == 0 { utf8[i] = 0x20 }
        let attrs = attributes(length: utf8.count, spec: spec, features: features)
        defer { pango_attr_list_unref(attrs) }
        var shaped = ShapedText(text: text, glyphs: [], missing: [])
        shaped.glyphs.reserveCapacity(utf8.count / 3 + 1)
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                let base = chars.baseAddress!
                let length = Int32(utf8.count)
                let items = pango_itemize(context, base, 0, length, attrs, nil)
                defer { folio_items_free(items) }
                let glyphString = pango_glyph_string_new()!
                defer { pango_glyph_string_free(glyphString) }
                var node = items
                while let current = node {
                    defer { node = current.pointee.next }
                    guard let item = current.pointee.data?.assumingMemoryBound(to: PangoItem.self),
                          let font = item.pointee.analysis.font else { continue }
                    pango_shape_with_flags(base + Int(item.pointee.offset), item.pointee.length, base, length,
                                           &item.pointee.analysis, glyphString, PANGO_SHAPE_NONE)
                    append(glyphString, font: ref(for: font), offset: Int(item.pointee.offset), utf8: utf8, to: &shaped)
                }
            }
        }
        shaped.glyphs.sort { $0.cluster < $1.cluster }
        return shaped
    }

    /// The attributes of a shaping pass over `length` bytes: the face `spec` asks for on
    /// all of them, and each feature range's OpenType features. The caller unrefs the list.
    private func attributes(length: Int, spec: FontSpec, features: [FeatureRange]) -> OpaquePointer {
        let attrs = pango_attr_list_new()!
        let fontAttr = pango_attr_font_desc_new(description(for: spec))!
        fontAttr.pointee.start_index = 0
        fontAttr.pointee.end_index = UInt32(length)
        pango_attr_list_insert(attrs, fontAttr)
        for feature in features {
            let attr = pango_attr_font_features_new(feature.features)!
            attr.pointee.start_index = UInt32(feature.range.lowerBound)
            attr.pointee.end_index = UInt32(feature.range.upperBound)
            pango_attr_list_insert(attrs, attr)
        }
        return attrs
    }

    /// The glyphs of one shaped item (its text at byte `offset`), in points, appended to
    /// `shaped`; glyphs no face has are reported as missing characters.
    private func append(_ glyphString: UnsafeMutablePointer<PangoGlyphString>, font ref: FontRef, offset: Int,
                        utf8: [UInt8], to shaped: inout ShapedText) {
        let scale = Double(PANGO_SCALE)
        for i in 0..<Int(glyphString.pointee.num_glyphs) {
            let info = glyphString.pointee.glyphs[i]
            let cluster = offset + Int(glyphString.pointee.log_clusters[i])
            if info.glyph & 0x1000_0000 != 0, let scalar = scalarAt(utf8, cluster) {
                shaped.missing.append(MissingCharacter(offset: cluster, scalar: scalar))
            }
            shaped.glyphs.append(ShapedGlyph(
                font: ref, id: info.glyph,
                advance: Double(info.geometry.width) / scale,
                xOffset: Double(info.geometry.x_offset) / scale,
                yOffset: Double(info.geometry.y_offset) / scale,
                cluster: cluster))
        }
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
