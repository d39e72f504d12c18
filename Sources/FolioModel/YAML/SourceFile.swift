import Foundation

/// Limits that keep a hostile or broken input from eating memory or time. The defaults
/// are far above what a real report needs.
public struct InputLimits: Hashable, Sendable {
    /// Largest accepted YAML file, in bytes.
    public var maxFileBytes: Int
    /// Most YAML values visited while reading one file (counts alias expansions).
    public var maxNodes: Int
    /// Most events in one report.
    public var maxEvents: Int
    /// Longest paragraph, in characters.
    public var maxParagraphCharacters: Int

    public init(maxFileBytes: Int = 8 << 20, maxNodes: Int = 1_000_000, maxEvents: Int = 5_000,
                maxParagraphCharacters: Int = 20_000) {
        self.maxFileBytes = maxFileBytes
        self.maxNodes = maxNodes
        self.maxEvents = maxEvents
        self.maxParagraphCharacters = maxParagraphCharacters
    }

    public static let `default` = InputLimits()
}

/// A text file read for parsing: decoded as UTF-8 (a byte-order mark is dropped, CRLF
/// line ends become LF), with its lines kept for diagnostics.
public struct SourceFile: Sendable {
    /// The path as shown in diagnostics.
    public let path: String
    public let text: String
    public let lines: [String]

    /// Builds a source from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        self.text = normalized
        self.lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reads and checks a file. Diagnostics (not UTF-8, too large, control characters)
    /// are appended to `diagnostics`; nil when the file cannot be used at all.
    public static func read(path: String, displayPath: String, limits: InputLimits,
                            diagnostics: inout [Diagnostic]) -> SourceFile? {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes?[.type] as? FileAttributeType, type == .typeDirectory {
            diagnostics.append(.error("file-unreadable", at: nil, "\(displayPath) is a folder, not a file"))
            return nil
        }
        if let size = attributes?[.size] as? Int, size > limits.maxFileBytes {
            diagnostics.append(.error("file-too-large", at: SourceLocation(file: displayPath, line: 1, column: 1),
                                      "the file is \(size) bytes; the limit is \(limits.maxFileBytes) bytes",
                                      hint: "a report of a few hundred events is well under 1 MB; is this the right file?"))
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            diagnostics.append(.error("file-unreadable", at: nil, "cannot read \(displayPath)",
                                      hint: "check that the file exists and that you may read it"))
            return nil
        }
        return decode(data: data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Decodes bytes as a UTF-8 source, reporting what cannot be used.
    public static func decode(data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.append(.error("not-utf8", at: SourceLocation(file: displayPath, line: 1, column: 1),
                                      "the file is UTF-16; Folio reads UTF-8",
                                      hint: "save the file as UTF-8 in your editor"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (offset, line, column) = firstInvalidUTF8(bytes)
            let byte = String(format: "0x%02X", bytes[offset])
            diagnostics.append(.error("not-utf8", at: SourceLocation(file: displayPath, line: line, column: column),
                                      "byte \(byte) is not valid UTF-8",
                                      hint: "save the file as UTF-8 (GBK/GB 18030 files must be converted, e.g. iconv -f GB18030 -t UTF-8)"))
            return nil
        }
        let source = SourceFile(path: displayPath, text: text)
        source.checkControlCharacters(&diagnostics)
        return source
    }

    /// The location of a 1-based line and column, with the line's text for the excerpt.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The text of a 1-based line, or nil.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    private func checkControlCharacters(_ diagnostics: inout [Diagnostic]) {
        for (index, line) in lines.enumerated() {
            var column = 0
            for scalar in line.unicodeScalars {
                column += 1
                let v = scalar.value
                let isControl = (v < 0x20 && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
                let isOddSpace = v == 0xFEFF || v == 0x2028 || v == 0x2029
                guard isControl || isOddSpace else { continue }
                let name = String(format: "U+%04X", v)
                diagnostics.append(Diagnostic(.error, code: "control-character",
                                              at: location(line: index + 1, column: column),
                                              "invisible control character \(name) in the text",
                                              hint: "delete it; it is often pasted in from a web page or a word processor",
                                              sourceLine: line))
            }
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, Int) {
        var i = 0, line = 1, column = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line, column)
            }
            if i + length > bytes.count { return (i, line, column) }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil {
                return (i, line, column)
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (max(0, bytes.count - 1), line, column)
    }
}
