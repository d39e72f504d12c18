import Foundation

/// An sRGB colour with alpha, each channel in 0…1.
public struct Color: Hashable, Sendable, Codable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    /// The ink values the layout gives for print (`{rgb: …, cmyk: […]}`); nil: the print
    /// file converts the sRGB value through its output profile.
    public var cmyk: CMYK?

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1, cmyk: CMYK? = nil) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
        self.cmyk = cmyk
    }

    /// Parses `#RGB`, `#RRGGBB` or `#RRGGBBAA`; nil when the text is not such a colour.
    public init?(hex: String) {
        var digits = Substring(hex)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 {
            digits = Substring(digits.flatMap { [$0, $0] })
        }
        guard digits.count == 6 || digits.count == 8,
              let value = UInt64(digits, radix: 16) else { return nil }
        let hasAlpha = digits.count == 8
        let rgb = hasAlpha ? value >> 8 : value
        red = Double((rgb >> 16) & 0xff) / 255
        green = Double((rgb >> 8) & 0xff) / 255
        blue = Double(rgb & 0xff) / 255
        alpha = hasAlpha ? Double(value & 0xff) / 255 : 1
    }

    /// The colour as `#RRGGBB` (alpha dropped).
    public var hex: String {
        func byte(_ v: Double) -> String {
            let n = Int((max(0, min(1, v)) * 255).rounded())
            let s = String(n, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// The same colour with another alpha.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha, cmyk: cmyk)
    }

    /// The colour with its alpha multiplied by `opacity`.
    public func fading(_ opacity: Double) -> Color {
        withAlpha(alpha * opacity)
    }

    /// Relative luminance (WCAG), 0 for black, 1 for white.
    public var luminance: Double {
        func channel(_ c: Double) -> Double {
            c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
}

