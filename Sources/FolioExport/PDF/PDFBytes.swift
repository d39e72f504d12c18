/// A growing PDF byte buffer with the few syntax helpers the writer needs: numbers with
/// at most three decimals (no exponent, no "-0"), names, text strings as UTF-16BE hex,
/// byte strings as literals. Everything it writes is a pure function of its input, so
/// two builds of the same document produce the same bytes.
struct PDFBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func byte(_ b: UInt8) {
        bytes.append(b)
    }

    /// An integer.
    mutating func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var n = v.magnitude
        if n == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var k = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while n > 0 {
                d[k] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                k += 1
            }
            for i in stride(from: k - 1, through: 0, by: -1) { bytes.append(d[i]) }
        }
    }

    /// A real number rounded to 1/1000, trailing zeros dropped.
    mutating func num(_ v: Double) {
        guard v.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        // Far beyond any page coordinate; keeps the conversion to Int from trapping.
        let scaled = Int((max(-1e9, min(1e9, v)) * 1000).rounded())
        if scaled == 0 { bytes.append(UInt8(ascii: "0")); return }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let m = scaled.magnitude
        int(Int(m / 1000))
        var frac = Int(m % 1000)
        guard frac != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(frac / divisor % 10))
            divisor /= 10
        }
    }

    /// Numbers separated by spaces.
    mutating func nums(_ values: [Double]) {
        for (i, v) in values.enumerated() {
            if i > 0 { space() }
            num(v)
        }
    }

    mutating func space() { bytes.append(UInt8(ascii: " ")) }
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// `n 0 R`.
    mutating func ref(_ n: Int) {
        int(n)
        raw(" 0 R")
    }

    /// A text string: UTF-16BE with a byte-order mark, in hex.
    mutating func text(_ s: String) {
        bytes.append(UInt8(ascii: "<"))
        hex16(0xFEFF)
        for unit in s.utf16 { hex16(unit) }
        bytes.append(UInt8(ascii: ">"))
    }

    /// Four hex digits.
    mutating func hex16(_ v: UInt16) {
        let digits: StaticString = "0123456789ABCDEF"
        digits.withUTF8Buffer { d in
            bytes.append(d[Int(v >> 12) & 15])
            bytes.append(d[Int(v >> 8) & 15])
            bytes.append(d[Int(v >> 4) & 15])
            bytes.append(d[Int(v) & 15])
        }
    }

    /// A byte string as a literal, `(…)`, with `\`, `(`, `)` and line ends escaped.
    mutating func literal(_ s: String) {
        bytes.append(UInt8(ascii: "("))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 10: raw("\\n")
            case 13: raw("\\r")
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: ")"))
    }

    /// A name, `/…`, with bytes outside the regular characters written as `#xx`.
    mutating func name(_ s: String) {
        bytes.append(UInt8(ascii: "/"))
        for b in s.utf8 where b != 0 { // a name may not hold a NUL byte
            let regular = b > 32 && b < 127 && !"()<>[]{}/%#".utf8.contains(b)
            if regular {
                bytes.append(b)
            } else {
                bytes.append(UInt8(ascii: "#"))
                let digits: StaticString = "0123456789ABCDEF"
                digits.withUTF8Buffer { d in
                    bytes.append(d[Int(b >> 4)])
                    bytes.append(d[Int(b & 15)])
                }
            }
        }
    }
}

/// FNV-1a, 64 bits: stable names for resources (the same font or image gets the same
/// name in every build and on every page).
func fnv64(_ s: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in s.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// An FNV-style hash of `bytes` taken eight bytes at a time (the file ID: a pure
/// function of the content, and fast on a megabyte).
func fnv64(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var hash = seed
    bytes.withUnsafeBytes { raw in
        let words = raw.count / 8
        for i in 0..<words {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
        }
        for i in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
    }
    return hash
}

func hex(_ v: UInt64, digits: Int = 16) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - s.count)) + s.suffix(digits)
}
