import FolioCore

/// A length as a layout writes it: `12mm`, `10.5pt`, `2em`, `50%`, `120px`, or a bare
/// number (points; pixels on cards, where one pixel is one point).
public enum Length: Hashable, Sendable, CustomStringConvertible {
    case points(Double)
    /// A fraction (0…1) of the reference length (the live area's width or height).
    case fraction(Double)
    /// Multiples of the current font size.
    case em(Double)
    /// Whatever is left to the far edge of the reference (widths and heights only).
    case rest

    /// Parses a length; nil when the text is not one.
    public init?(_ text: String) {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "full" { self = .fraction(1); return }
        if s == "rest" { self = .rest; return }
        let units: [(String, Double)] = [("mm", pointsPerMillimetre), ("cm", 10 * pointsPerMillimetre),
                                         ("pt", 1), ("px", 1), ("in", 72)]
        for (suffix, factor) in units where s.hasSuffix(suffix) {
            guard let v = Double(s.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
            self = .points(v * factor)
            return
        }
        if s.hasSuffix("em"), let v = Double(s.dropLast(2).trimmingCharacters(in: .whitespaces)), v.isFinite {
            self = .em(v)
            return
        }
        if s.hasSuffix("%"), let v = Double(s.dropLast().trimmingCharacters(in: .whitespaces)), v.isFinite {
            self = .fraction(v / 100)
            return
        }
        guard let v = Double(s), v.isFinite else { return nil }
        self = .points(v)
    }

    /// The length in points, given the reference for fractions and the font size for em.
    public func resolve(reference: Double, em: Double = 10) -> Double {
        switch self {
        case .points(let v): return v
        case .fraction(let f): return f * reference
        case .em(let e): return e * em
        case .rest: return reference
        }
    }

    public var description: String {
        switch self {
        case .points(let v): return "\(v)pt"
        case .fraction(let f): return "\(f * 100)%"
        case .em(let e): return "\(e)em"
        case .rest: return "rest"
        }
    }
}

import Foundation
