import CPangoCairo
import FolioCore

/// A face of the font set as fontconfig serves it: the file, and the family and style
/// the file declares (which may differ from the family asked for).
public struct ServedFace: Hashable, Sendable {
    public var ref: FontRef
    public var family: String
    public var style: String

    public init(ref: FontRef, family: String, style: String) {
        self.ref = ref
        self.family = family
        self.style = style
    }
}

extension FontSet {
    /// The face that serves `spec`: its file, face index, family and style.
    public func servedFace(for spec: FontSpec) -> ServedFace {
        lock.lock()
        defer { lock.unlock() }
        let font = loadFont(spec)
        let ref = ref(for: font)
        var family = spec.family
        var style = ""
        if let pattern = folio_fc_font_pattern(font) {
            var value: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(pattern, FC_FAMILY, 0, &value) == FcResultMatch, let value {
                family = String(cString: value)
            }
            if FcPatternGetString(pattern, FC_STYLE, 0, &value) == FcResultMatch, let value {
                style = String(cString: value)
            }
        }
        return ServedFace(ref: ref, family: family, style: style)
    }
}
