import FolioCore
import Foundation

/// Decides the ink of every colour of the print file.
///
/// 1. A colour the layout gives in CMYK is printed with exactly those values.
/// 2. A neutral colour — grey, or nearly so: chroma C* ≤ 6, or ≤ 12 for text and strokes
///    (the layouts' text and rule greys are slightly blue or warm) — goes on the black
///    plate alone, as the K tint whose printed lightness (through the profile) matches the
///    colour's, scaled so that sRGB white is paper and sRGB black is solid K. A neutral as
///    dark as L* 20 or darker is solid black (100 K): text in a near-black is meant black,
///    and a 90 % tint would screen small type.
/// 3. Any other colour converts from sRGB through the output profile (relative
///    colorimetric with black-point compensation); the profile keeps within the printing
///    condition's total ink limit.
///
/// LittleCMS cannot do step 2 itself: its black-preserving intents apply to CMYK → CMYK
/// only; from sRGB, black comes out as four inks (C78 M73 Y51 K98 through FOGRA39).
///
/// A `RenderResources` keeps one converter per profile file; each remembers the inks it
/// decided (a `Memo`), as a colour's ink depends on the colour, its use and the profile alone.
public final class PrintColorConverter: Sendable {
    public let profile: CMYKProfile
    private let memo = Memo<Key, CMYK>(budget: 4096)

    /// What a colour paints: text and strokes count a slightly tinted grey as neutral.
    public enum Use: Sendable { case fill, textOrStroke }

    private struct Key: Hashable, Sendable {
        var red: Double, green: Double, blue: Double
        var use: Bool
    }

    /// Chroma limits (CIELAB C*) under which a colour counts as neutral.
    public static let neutralChroma = 6.0
    public static let neutralChromaForLines = 12.0
    /// Neutrals this dark (L*) or darker are solid black.
    public static let solidBlackLightness = 20.0

    public init(profile: CMYKProfile) {
        self.profile = profile
    }

    /// The ink for `color` (its alpha is not part of it).
    public func cmyk(for color: Color, use: Use = .fill) -> CMYK {
        if let given = color.cmyk { return given }
        let key = Key(red: color.red, green: color.green, blue: color.blue, use: use == .textOrStroke)
        return memo.value(for: key) { convert(color, use: use) }
    }

    private func convert(_ color: Color, use: Use) -> CMYK {
        let lab = Self.lab(color)
        let chroma = (lab.a * lab.a + lab.b * lab.b).squareRoot()
        let limit = use == .textOrStroke ? Self.neutralChromaForLines : Self.neutralChroma
        guard chroma <= limit else { return profile.cmyk(red: color.red, green: color.green, blue: color.blue) }
        if lab.l <= Self.solidBlackLightness { return .solidBlack }
        // As light as paper (L* 97 and up: under 3 % K, which would print as scattered dots): no ink.
        if lab.l >= 97 { return CMYK(cyan: 0, magenta: 0, yellow: 0, black: 0) }
        // sRGB's lightness range [0, 100] mapped onto the press's [solid K, paper].
        let paper = profile.paperLightness, solid = profile.solidBlackLightness
        let target = solid + lab.l / 100 * (paper - solid)
        let k = (profile.blackTint(forLightness: target) * 1000).rounded() / 1000
        return CMYK(cyan: 0, magenta: 0, yellow: 0, black: k)
    }

    /// CIELAB (D65 white) of an sRGB colour.
    public static func lab(_ c: Color) -> (l: Double, a: Double, b: Double) {
        func linear(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        let r = linear(c.red), g = linear(c.green), b = linear(c.blue)
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}
