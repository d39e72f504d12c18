import Foundation
import FolioCore

/// Checks that a palette stays readable for colour-blind readers and in greyscale print:
/// every pair of colours is simulated for protanopia, deuteranopia and tritanopia
/// (Machado, Oliveira & Fernandes 2009, severity 1) and compared in CIELAB, and the
/// first colours (the ones short series use) must differ in lightness L* alone.
public enum ColorVision {
    public enum Deficiency: String, CaseIterable, Sendable {
        case protanopia, deuteranopia, tritanopia
    }

    /// A pair of palette colours that a reader could confuse.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        public var first: Int
        public var second: Int
        /// "deuteranopia", "greyscale".
        public var condition: String
        /// The CIELAB ΔE (or ΔL* for greyscale) measured.
        public var difference: Double

        public var description: String {
            "colours \(first + 1) and \(second + 1) differ by only \(String(format: "%.1f", difference)) under \(condition)"
        }
    }

    /// Pairs that fall below `minDifference` ΔE76 under any deficiency, or (among the first
    /// `greyscaleCount` colours) below `minLightness` ΔL*.
    public static func check(_ palette: [Color], minDifference: Double = 12, minLightness: Double = 12,
                             greyscaleCount: Int = 4) -> [Problem] {
        var problems: [Problem] = []
        for i in palette.indices {
            for j in palette.indices where j > i {
                for d in Deficiency.allCases {
                    let e = distance(lab(simulate(palette[i], d)), lab(simulate(palette[j], d)))
                    if e < minDifference { problems.append(Problem(first: i, second: j, condition: d.rawValue, difference: e)) }
                }
                if i < greyscaleCount && j < greyscaleCount {
                    let dl = abs(lightness(palette[i]) - lightness(palette[j]))
                    if dl < minLightness { problems.append(Problem(first: i, second: j, condition: "greyscale", difference: dl)) }
                }
            }
        }
        return problems
    }

    /// CIELAB lightness L* (0 black … 100 white): what a colour becomes in greyscale.
    public static func lightness(_ c: Color) -> Double {
        lab(linear(c)).l
    }

    /// The colour as a reader with `deficiency` sees it, in linear RGB.
    static func simulate(_ c: Color, _ deficiency: Deficiency) -> [Double] {
        let m: [[Double]]
        switch deficiency {
        case .protanopia:
            m = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia:
            m = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia:
            m = [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
        let rgb = linear(c)
        return m.map { row in min(1, max(0, zip(row, rgb).map(*).reduce(0, +))) }
    }

    static func linear(_ c: Color) -> [Double] {
        [c.red, c.green, c.blue].map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
    }

    /// CIELAB (D65) of a linear-RGB colour.
    static func lab(_ rgb: [Double]) -> (l: Double, a: Double, b: Double) {
        let (r, g, b) = (rgb[0], rgb[1], rgb[2])
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func distance(_ p: (l: Double, a: Double, b: Double), _ q: (l: Double, a: Double, b: Double)) -> Double {
        ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
    }
}
