import Foundation

/// A token of a PDF content stream.
enum ContentToken {
    case number(Double)
    case name(String)
    case string
    case array([ContentToken])
    case dictionary
    case op(String)
}

/// Splits a content stream into operands and operators. Strings, dictionaries and inline
/// image data are skipped over (their content does not matter to the checks).
struct ContentTokenizer {
    private let bytes: [UInt8]
    private var i = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    private static func isDelimiter(_ b: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(b) }

    /// The next token, nil at the end.
    mutating func next() -> ContentToken? {
        while i < bytes.count {
            let b = bytes[i]
            if Self.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: "%") {
                while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                continue
            }
            break
        }
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        switch b {
        case UInt8(ascii: "("):
            var depth = 0
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
                i += 1
            }
            return .string
        case UInt8(ascii: "<"):
            if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") {
                // A dictionary (marked-content properties, inline image parameters): skipped whole.
                var depth = 0
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<") { depth += 1; i += 2; continue }
                    if bytes[i] == UInt8(ascii: ">"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") {
                        depth -= 1; i += 2
                        if depth == 0 { break }
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "(") { _ = next(); continue }
                    i += 1
                }
                return .dictionary
            }
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
            i += 1
            return .string
        case UInt8(ascii: "["):
            i += 1
            var items: [ContentToken] = []
            while true {
                while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
                if i >= bytes.count { break }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                guard let t = next() else { break }
                items.append(t)
            }
            return .array(items)
        case UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
            i += 1
            return next()
        case UInt8(ascii: "/"):
            i += 1
            let start = i
            while i < bytes.count, !Self.isSpace(bytes[i]), !Self.isDelimiter(bytes[i]) { i += 1 }
            return .name(String(decoding: bytes[start..<i], as: UTF8.self))
        default:
            let start = i
            while i < bytes.count, !Self.isSpace(bytes[i]), !Self.isDelimiter(bytes[i]) { i += 1 }
            if i == start { i += 1; return next() }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            if let n = Double(word) { return .number(n) }
            if word == "ID" { skipInlineImage() }
            return .op(word)
        }
    }

    /// Moves past an inline image's data, to just after `EI`.
    private mutating func skipInlineImage() {
        i += 1
        while i + 2 < bytes.count {
            if Self.isSpace(bytes[i]), bytes[i + 1] == UInt8(ascii: "E"), bytes[i + 2] == UInt8(ascii: "I"),
               i + 3 >= bytes.count || Self.isSpace(bytes[i + 3]) {
                i += 3
                return
            }
            i += 1
        }
        i = bytes.count
    }
}
