import FolioCore
import Foundation

/// Turns a PDF written for print (no links, flattened transparency, page boxes) into a
/// PDF/X-3 file with Ghostscript, run as a separate process: every colour converted to
/// CMYK through `profile`, which is also embedded as the file's output intent.
///
/// Deterministic: Ghostscript stamps the clock into the dates and the file ID and hashes
/// the output file name into the ID. Debian's Ghostscript takes the time from
/// `SOURCE_DATE_EPOCH` (set here to the document's date) and the output name is fixed;
/// afterwards the dates and the ID are rewritten in place, byte for byte the same length,
/// to values from the data, so the bytes do not depend on that patch either.
public struct PDFXConverter: Sendable {
    /// What went wrong, with what to do about it.
    public enum Failure: Error, CustomStringConvertible {
        case missingGhostscript(searched: String)
        case missingProfile(OutputProfile)
        case ghostscript(status: Int32, messages: String)
        case notPDFX(messages: String)

        public var description: String {
            switch self {
            case .missingGhostscript(let path):
                return "the print file (--print, or print: true in the layout) needs Ghostscript, and no `gs` is on the PATH (\(path)): "
                    + "install the Debian package `ghostscript` (apt-get install ghostscript, or run `make deps`)"
            case .missingProfile(let profile):
                return "the print file needs the CMYK profile \(profile.path), which is missing: "
                    + "install the Debian package `\(profile.debianPackage)` (apt-get install \(profile.debianPackage))"
            case .ghostscript(let status, let messages):
                return "Ghostscript could not make the PDF/X print file (exit status \(status)):\n\(messages)"
            case .notPDFX(let messages):
                return "Ghostscript wrote a print file that is not PDF/X (no GTS_PDFXVersion or OutputIntents)"
                    + (messages.isEmpty ? "" : ":\n\(messages)")
            }
        }
    }

    /// The Ghostscript executable.
    public var ghostscript: String
    public var profile: OutputProfile
    /// Give Ghostscript the document's date as `SOURCE_DATE_EPOCH` (tests turn it off to
    /// check that the in-place stamp alone makes the bytes repeatable).
    var setsSourceDateEpoch = true

    /// A converter using the `gs` found on `searchPath` (default: `PATH`).
    public init(profile: OutputProfile = .ghostscriptCMYK, searchPath: String? = nil) throws {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let gs = Self.executable(named: "gs", in: path) else { throw Failure.missingGhostscript(searched: path) }
        guard FileManager.default.isReadableFile(atPath: profile.path) else { throw Failure.missingProfile(profile) }
        self.ghostscript = gs
        self.profile = profile
    }

    /// The PDF/X-3 file made from `pdf`. `info` gives the title and the date stamped into
    /// the file.
    public func convert(_ pdf: Data, info: DocumentInfo) throws -> Data {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-pdfx-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = (dir as NSString).appendingPathComponent("input.pdf")
        let pdfmarks = (dir as NSString).appendingPathComponent("pdfx.ps")
        guard FileManager.default.createFile(atPath: input, contents: pdf),
              FileManager.default.createFile(atPath: pdfmarks, contents: Data(pdfmarkProgram(title: info.title).utf8)) else {
            throw Failure.ghostscript(status: -1, messages: "cannot write Ghostscript's input files in \(dir)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ghostscript)
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        process.arguments = [
            "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "--permit-file-read=\(profile.path)",
            "-sDEVICE=pdfwrite", "-dPDFX=true", "-dPDFSETTINGS=/prepress", "-dAutoRotatePages=/None",
            "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
            "-sOutputICCProfile=\(profile.path)", "-dPreserveAnnots=false",
            "-dEmbedAllFonts=true", "-dSubsetFonts=true",
            // A fixed relative name: Ghostscript hashes it into the file ID.
            "-sOutputFile=print.pdf", "pdfx.ps", "input.pdf",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = setsSourceDateEpoch ? String(Self.epoch(info.creationDate)) : nil
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let output = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent("print.pdf")) else {
            throw Failure.ghostscript(status: process.terminationStatus, messages: messages)
        }
        var bytes = [UInt8](output)
        guard Self.contains(Array("/GTS_PDFXVersion".utf8), in: bytes), Self.contains(Array("/OutputIntents".utf8), in: bytes) else {
            throw Failure.notPDFX(messages: messages)
        }
        Self.stamp(&bytes, date: info.creationDate, id: Self.fileID(pdf))
        return Data(bytes)
    }

    /// The PostScript that makes the file PDF/X: its version, title, trapping state, and
    /// the output intent with the embedded ICC profile.
    func pdfmarkProgram(title: String) -> String {
        """
        %!
        [ /GTS_PDFXVersion (PDF/X-3:2002) /Title \(Self.postScriptText(title)) /Trapped /False /DOCINFO pdfmark
        [ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark
        [ {icc_PDFX} << /N 4 >> /PUT pdfmark
        [ {icc_PDFX} (\(Self.postScriptEscaped(profile.path))) (r) file /PUT pdfmark
        [ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
        [ {OutputIntent_PDFX} <<
          /Type /OutputIntent
          /S /GTS_PDFX
          /OutputConditionIdentifier \(Self.postScriptText(profile.conditionIdentifier))
          /OutputCondition \(Self.postScriptText(profile.condition))
          /Info \(Self.postScriptText(profile.info))
          /RegistryName (http://www.color.org)
          /DestOutputProfile {icc_PDFX}
        >> /PUT pdfmark
        [ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark

        """
    }

    // MARK: - Determinism

    /// Rewrites the Info dates and the trailer ID in place with values of the same length.
    static func stamp(_ bytes: inout [UInt8], date: String, id: String) {
        let digits = date.filter(\.isNumber)
        for key in ["/CreationDate", "/ModDate"] {
            guard let keyRange = ByteSearch.range(of: Array(key.utf8), in: bytes, from: 0),
                  let open = bytes[keyRange.upperBound...].prefix(8).firstIndex(of: UInt8(ascii: "(")),
                  let close = bytes[open...].prefix(64).firstIndex(of: UInt8(ascii: ")")) else { continue }
            let old = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            // Ghostscript writes D:YYYYMMDDHHmmSS followed by a zone of fixed width.
            guard digits.count == 8, old.hasPrefix("D:"), old.count >= 16 else { continue }
            let new = "D:" + digits + "000000" + String(old.dropFirst(16))
            if new.utf8.count == close - open - 1 { bytes.replaceSubrange((open + 1)..<close, with: Array(new.utf8)) }
        }
        guard let idRange = ByteSearch.lastRange(of: Array("/ID".utf8), in: bytes) else { return }
        var i = idRange.upperBound
        var replaced = 0
        while i < bytes.count, replaced < 2, i < idRange.upperBound + 120 {
            if bytes[i] == UInt8(ascii: "<"), let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")), end - i - 1 == id.utf8.count {
                bytes.replaceSubrange((i + 1)..<end, with: Array(id.utf8))
                replaced += 1
                i = end
            }
            i += 1
        }
    }

    /// 32 hex digits from the input's bytes (two 64-bit FNV-1a hashes).
    static func fileID(_ data: Data) -> String {
        var a: UInt64 = 0xcbf29ce484222325, b: UInt64 = 0x84222325cbf29ce4
        for byte in data {
            a = (a ^ UInt64(byte)) &* 0x100000001b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x100000001b3
        }
        return String(format: "%016llX%016llX", a, b)
    }

    /// Seconds since 1970 at midnight UTC of an ISO `YYYY-MM-DD` date (0 if unreadable).
    static func epoch(_ date: String) -> Int {
        let parts = date.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }

    // MARK: - Helpers

    /// A PostScript string for a PDF text string: ASCII as is, anything else as UTF-16BE
    /// with a byte order mark in hex.
    static func postScriptText(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII }) { return "(\(postScriptEscaped(text)))" }
        return "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    static func postScriptEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    static func executable(named name: String, in searchPath: String) -> String? {
        for dir in searchPath.split(separator: ":") {
            let candidate = (String(dir) as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        ByteSearch.range(of: needle, in: bytes, from: 0) != nil
    }
}
