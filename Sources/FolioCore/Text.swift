/// A resolved font face, all an exporter needs to draw with it: the file, the face index
/// within it, and the file's identity when the face was resolved (device, inode, size,
/// times). A rewritten font file is a different handle, so nothing made from the old file
/// (a face, a subset, an encoded page) is taken for the new one; an exporter opens the
/// face from the handle itself and refuses a file that changed since.
public struct FontRef: Hashable, Sendable, Codable, Comparable {
    public var file: String
    public var index: Int
    /// The file's identity when the handle was made; nil when it could not be read.
    public var identity: FileIdentity?

    /// The face `index` of `file`, as the file is now.
    public init(file: String, index: Int) {
        self.init(file: file, index: index, identity: FileIdentity(path: file))
    }

    public init(file: String, index: Int, identity: FileIdentity?) {
        self.file = file
        self.index = index
        self.identity = identity
    }

    public static func < (a: FontRef, b: FontRef) -> Bool {
        (a.file, a.index, a.identity?.description ?? "") < (b.file, b.index, b.identity?.description ?? "")
    }
}

/// One glyph at a position (its origin on the baseline), relative to its run's origin.
public struct Glyph: Hashable, Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double

    public init(id: UInt32, x: Double, y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }
}

/// Maps `byteCount` UTF-8 bytes of a run's text to `glyphCount` of its glyphs, in order.
/// A cluster of several characters makes the PDF carry that text as one span
/// (ActualText), which keeps extracted text free of spaces the data does not have.
public struct TextCluster: Hashable, Sendable {
    public var byteCount: Int
    public var glyphCount: Int

    public init(byteCount: Int, glyphCount: Int) {
        self.byteCount = byteCount
        self.glyphCount = glyphCount
    }
}

/// Glyphs of one face and size, with the text they stand for. The glyphs are positioned
/// relative to the run's `origin`, so moving a run moves one point.
public struct GlyphRun: Hashable, Sendable {
    /// The face, by handle: an exporter opens it from this alone.
    public var font: FontRef
    public var size: Double
    public var color: Color
    /// Where the glyphs' (0, 0) sits in the parent's coordinates.
    public var origin: Point
    /// The glyphs relative to `origin`.
    public var localGlyphs: [Glyph]
    public var text: String
    public var clusters: [TextCluster]
    /// The run's line box in the parent's coordinates: from the first glyph's origin to the
    /// last glyph's advance, ascent to descent.
    public var bounds: Rect

    /// A run of `glyphs` at the positions given (its origin at (0, 0)).
    public init(font: FontRef, size: Double, color: Color, glyphs: [Glyph], text: String,
                clusters: [TextCluster], bounds: Rect) {
        self.init(font: font, size: size, color: color, origin: .zero, localGlyphs: glyphs, text: text,
                  clusters: clusters, bounds: bounds)
    }

    /// A run whose glyphs are at `localGlyphs` relative to `origin`.
    public init(font: FontRef, size: Double, color: Color, origin: Point, localGlyphs: [Glyph], text: String,
                clusters: [TextCluster], bounds: Rect) {
        self.font = font
        self.size = size
        self.color = color
        self.origin = origin
        self.localGlyphs = localGlyphs
        self.text = text
        self.clusters = clusters
        self.bounds = bounds
    }

    /// The glyphs in the parent's coordinates (made on each call when the origin is not (0, 0)).
    public var glyphs: [Glyph] {
        origin == .zero ? localGlyphs : localGlyphs.map { Glyph(id: $0.id, x: $0.x + origin.x, y: $0.y + origin.y) }
    }

    /// The same run with its origin at (0, 0): glyph positions in the parent's coordinates.
    public var placed: GlyphRun {
        origin == .zero ? self : GlyphRun(font: font, size: size, color: color, glyphs: glyphs, text: text,
                                          clusters: clusters, bounds: bounds)
    }

    /// The run moved by `dx`, `dy`: its origin and line box move, no glyph is copied.
    public func offsetBy(dx: Double, dy: Double) -> GlyphRun {
        var copy = self
        copy.origin = Point(x: origin.x + dx, y: origin.y + dy)
        copy.bounds = bounds.offsetBy(dx: dx, dy: dy)
        return copy
    }
}
