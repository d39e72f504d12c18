import Foundation

/// A text file read for parsing: decoded as UTF-8 (a byte-order mark is dropped, CRLF
/// and lone CR line ends become LF), with its lines kept for diagnostics.
public struct SourceFile: Sendable {
    /// The path as shown in diagnostics.
    public let path: String
    /// The text as read, line ends normalised.
    public let text: String
    public let lines: [String]
    /// The text handed to the YAML parser: `text` with control characters (which are
    /// reported on their own) turned into spaces, so that the rest of the file can still
    /// be checked and columns stay where they were.
    public let yamlText: String
    /// Control characters found (each is a diagnostic of `read`/`decode`).
    public let controlCharacters: Int

    /// Most control-character diagnostics made for one file; the rest are counted.
    public static let maxControlDiagnostics = 20

    /// Builds a source from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        var normalized = text
        if normalized.contains("\r") {
            normalized = normalized.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        self.text = normalized
        self.lines = SourceFile.splitLines(normalized)
        var count = 0
        var cleaned = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            if SourceFile.isControl(scalar) {
                count += 1
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        self.yamlText = count == 0 ? normalized : String(cleaned)
        self.controlCharacters = count
    }

    /// The lines of `text` (split at LF; a final LF leaves an empty last line).
    static func splitLines(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { buffer in
            var lines: [String] = []
            var start = 0
            for i in 0..<buffer.count where buffer[i] == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<i]), as: UTF8.self))
                start = i + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self))
            return lines
        }
    }

    /// Reads and checks a file. Diagnostics (not UTF-8, too large, control characters)
    /// are appended to `diagnostics`; nil when the file cannot be used at all.
    public static func read(path: String, displayPath: String, limits: InputLimits,
                            diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let data = readBytes(path: path, displayPath: displayPath, limits: limits, diagnostics: &diagnostics) else {
            return nil
        }
        return decode(data: data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// The bytes of the file at `path`, with the checks of `read` (a regular file within
    /// the size limit), not yet decoded.
    public static func readBytes(path: String, displayPath: String, limits: InputLimits,
                                 diagnostics: inout [Diagnostic]) -> Data? {
        // Follow links: a link to a device or a huge file is judged by what it points to.
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real) else {
            diagnostics.append(.error("file-unreadable", at: nil, "cannot read \(displayPath): it does not exist",
                                      hint: "check the path and the spelling of the file name"))
            return nil
        }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeDirectory {
            diagnostics.append(.error("file-unreadable", at: nil, "\(displayPath) is a folder, not a file",
                                      hint: "remove or rename the folder; Folio expects a YAML file there"))
            return nil
        }
        guard type == .typeRegular else {
            diagnostics.append(.error("file-unreadable", at: nil, "\(displayPath) is not a regular file",
                                      hint: "replace it with a plain text file"))
            return nil
        }
        if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
            diagnostics.append(tooLarge("has \(size) bytes", displayPath: displayPath, limits: limits))
            return nil
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: real))
            defer { try? handle.close() }
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            diagnostics.append(.error("file-unreadable", at: nil, "cannot read \(displayPath): \(error.localizedDescription)",
                                      hint: "check that you may read the file"))
            return nil
        }
        if data.count > limits.maxFileBytes {
            diagnostics.append(tooLarge("has more than \(limits.maxFileBytes) bytes", displayPath: displayPath, limits: limits))
            return nil
        }
        return data
    }

    private static func tooLarge(_ size: String, displayPath: String, limits: InputLimits) -> Diagnostic {
        .error("file-too-large", at: SourceLocation(file: displayPath, line: 1, column: 1),
               "the file \(size); the limit is \(limits.maxFileBytes) bytes",
               hint: "a report of a thousand events is about 2 MB; is this the right file?")
    }

    /// Decodes bytes as a UTF-8 source, reporting what cannot be used.
    public static func decode(data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if isUTF16(bytes) {
            diagnostics.append(.error("not-utf8", at: SourceLocation(file: displayPath, line: 1, column: 1),
                                      "the file is UTF-16; Folio reads UTF-8",
                                      hint: "save the file as UTF-8 in your editor (e.g. iconv -f UTF-16 -t UTF-8)"))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (offset, line, column, lineText) = firstInvalidUTF8(bytes)
            let byte = String(format: "0x%02X", bytes[offset])
            diagnostics.append(Diagnostic(.error, code: "not-utf8", at: SourceLocation(file: displayPath, line: line, column: column),
                                          "byte \(byte) is not valid UTF-8; the file must be saved as UTF-8",
                                          hint: "GBK and GB 18030 files must be converted, e.g. iconv -f GB18030 -t UTF-8",
                                          sourceLine: lineText))
            return nil
        }
        let source = SourceFile(path: displayPath, text: text)
        if source.controlCharacters > 0 { source.reportControlCharacters(&diagnostics) }
        return source
    }

    /// The location of a 1-based line and column.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The text of a 1-based line, or nil.
    public func line(_ number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// C0 and C1 controls other than tab and line feed, and invisible characters that
    /// YAML reads as line breaks or that editors hide (U+FEFF, U+2028, U+2029).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// What to call a control character in a message.
    static func controlName(_ v: UInt32) -> String {
        let code = String(format: "U+%04X", v)
        let names: [UInt32: String] = [0x00: "null", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
                                       0x1B: "escape", 0x7F: "delete", 0x85: "next line",
                                       0xFEFF: "zero-width no-break space",
                                       0x2028: "line separator", 0x2029: "paragraph separator"]
        return names[v].map { "\(code) (\($0))" } ?? code
    }

    /// One error per control character, at most `maxControlDiagnostics`, then a count.
    private func reportControlCharacters(_ diagnostics: inout [Diagnostic]) {
        var reported = 0
        var more = 0
        for (index, line) in lines.enumerated() {
            var column = 0
            for scalar in line.unicodeScalars {
                column += 1
                guard SourceFile.isControl(scalar) else { continue }
                guard reported < SourceFile.maxControlDiagnostics else { more += 1; continue }
                reported += 1
                diagnostics.append(Diagnostic(.error, code: "control-character", at: location(line: index + 1, column: column),
                                              "invisible control character \(SourceFile.controlName(scalar.value)) in the text",
                                              hint: "delete it; such characters come in with text pasted from web pages and word processors",
                                              sourceLine: line))
            }
        }
        if more > 0 {
            diagnostics.append(.error("control-character", at: nil,
                                      "\(path) has \(more) more invisible control characters",
                                      hint: "fix the first ones and run again, or re-type the text"))
        }
    }

    /// UTF-16 with or without a byte-order mark: a BOM, or a zero in every other byte of
    /// the first characters.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let head = bytes.prefix(64)
        guard head.count >= 8 else { return false }
        let evenZeros = stride(from: 0, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let half = head.count / 2
        return (evenZeros * 4 >= half * 3 && oddZeros == 0) || (oddZeros * 4 >= half * 3 && evenZeros == 0)
    }

    /// The offset, 1-based line and column (in characters) of the first byte that is not
    /// UTF-8, and that line decoded with replacement characters.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, Int, String) {
        var i = 0, line = 1, column = 1, lineStart = 0
        func result(_ offset: Int) -> (Int, Int, Int, String) {
            var end = offset
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var text = String(decoding: bytes[lineStart..<end], as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            return (offset, line, column, text)
        }
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return result(i)
            }
            if i + length > bytes.count { return result(i) }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil {
                return result(i)
            }
            if b == 0x0A {
                line += 1
                column = 1
                lineStart = i + 1
            } else if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] != 0x0A {
                line += 1
                column = 1
                lineStart = i + 1
            } else if b != 0x0D {
                column += 1
            }
            i += length
        }
        return result(max(0, bytes.count - 1))
    }
}
