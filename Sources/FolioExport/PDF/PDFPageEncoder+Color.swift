import FolioCore
import FolioGraphics

/// The colour operators of a page: sRGB (`rg`/`RG`) in the screen file; in the print file
/// DeviceCMYK (`k`/`K`) through `PrintColorConverter`, and the registration colour
/// (`/Separation /All`, every plate) for printer's marks.
struct ColorOperators {
    /// The print file's converter; nil for the screen file.
    var print: PrintColorConverter?

    /// Which state a colour is set for.
    enum Target { case fill, stroke }

    /// The operator text that sets `color`, and the state value it leaves (equal values
    /// need no operator). Registration colour is `[-1]`.
    func set(_ color: Color, _ target: Target, text: Bool = false, registration: Bool = false) -> (state: [Double], operators: String) {
        if registration, print != nil {
            return ([-1], target == .fill ? "/All cs 1 scn\n" : "/All CS 1 SCN\n")
        }
        guard let print else {
            let rgb = [color.red, color.green, color.blue]
            return (rgb, Self.numbers(rgb) + (target == .fill ? " rg\n" : " RG\n"))
        }
        let cmyk = print.cmyk(for: color, use: text || target == .stroke ? .textOrStroke : .fill).components
        return (cmyk, Self.numbers(cmyk) + (target == .fill ? " k\n" : " K\n"))
    }

    /// Whether text in `color` overprints: solid black alone, in the print file.
    func overprints(_ color: Color) -> Bool {
        guard let print else { return false }
        return print.cmyk(for: color, use: .textOrStroke) == .solidBlack
    }

    private static func numbers(_ values: [Double]) -> String {
        var bytes = PDFBytes(capacity: 32)
        bytes.nums(values)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// Resource names of the print file's graphics states and colour space.
    static let overprintOn = "OPon"
    static let overprintOff = "OPoff"
    static let registrationSpace = "All"

    /// The ExtGState entries for overprinting (`/OPM 1`: a zero in a CMYK colour leaves
    /// that plate as it is).
    static let overprintStates = " /OPon << /Type /ExtGState /OP true /op true /OPM 1 >> /OPoff << /Type /ExtGState /OP false /op false /OPM 0 >>"
    /// The registration colour: every plate at the tint.
    static let registrationColorSpace = " /All [/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"
}
