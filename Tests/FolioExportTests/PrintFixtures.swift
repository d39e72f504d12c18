import FolioCore
@testable import FolioExport
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

/// The default brochure laid out once, and its screen and print files written once, for
/// the suites that read them back with poppler, qpdf and Ghostscript.
enum PrintFixtures {
    static func typesetter(padTo: Int? = nil, layout: String = "brochure") throws -> Typesetter {
        let (loaded, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: layout, card: false)
        guard var spec = loaded else { throw LayoutError(diagnostics) }
        if let padTo { spec.page.padTo = padTo }
        return try Typesetter(spec: spec, composer: Composer(fonts: TestSupport.fonts))
    }

    static let document: Result<Document, Error> = Result {
        try BrochureLayout(typesetter: typesetter()).document(for: TestSupport.defaultReport)
    }

    /// The default report in the 16K layout (its cover has translucent type).
    static let document16k: Result<Document, Error> = Result {
        try BrochureLayout(typesetter: typesetter(layout: "brochure-16k")).document(for: TestSupport.defaultReport)
    }

    /// `brochure-print.pdf` of the 16K layout.
    static let print16k: Result<String, Error> = Result {
        let data = try PDFExporter().export(document16k.get(), options: printOptions())
        return try write(data, "brochure-16k-print.pdf")
    }

    static let directory = TestSupport.temporaryDirectory("print-fixtures")

    /// `brochure.pdf`: the screen file.
    static let screen: Result<String, Error> = Result {
        let data = try PDFExporter().export(document.get())
        return try write(data, "brochure.pdf")
    }

    /// Folio's ICC profiles of the printing conditions.
    static let profiles = TestSupport.path("Profiles")

    /// The print options for `condition`.
    static func printOptions(marks: Bool = false, condition: OutputCondition = .fogra39) -> PDFExporter.Options {
        .print(marks: marks, condition: condition, profilesDirectory: profiles)
    }

    /// `brochure-print.pdf`: the PDF/X-4 file (FOGRA39).
    static let print: Result<String, Error> = Result {
        let data = try PDFExporter().export(document.get(), options: printOptions())
        return try write(data, "brochure-print.pdf")
    }

    static func write(_ data: Data, _ name: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return path
    }

    /// qpdf's JSON (version 2) of a file, restricted to `keys`.
    static func qpdfJSON(_ path: String, keys: [String]) throws -> [String: Any] {
        let result = try TestSupport.run("qpdf", ["--json=2"] + keys.map { "--json-key=\($0)" } + [path])
        guard result.status == 0, let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: result.stderr])
        }
        return json
    }

    /// Every object of a file as qpdf reports it: "obj:12 0 R" → its value.
    static func objects(_ path: String) throws -> [String: Any] {
        let json = try qpdfJSON(path, keys: ["qpdf"])
        let qpdf = json["qpdf"] as? [Any] ?? []
        let objects = qpdf.count > 1 ? qpdf[1] as? [String: Any] ?? [:] : [:]
        var values: [String: Any] = [:]
        for (key, object) in objects {
            guard let o = object as? [String: Any] else { continue }
            values[key] = o["value"] ?? (o["stream"] as? [String: Any])?["dict"]
        }
        return values
    }

    /// A text string from qpdf's JSON ("u:…" for Unicode strings).
    static func text(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        return s.hasPrefix("u:") ? String(s.dropFirst(2)) : s
    }

    /// `pdfinfo -box` of every page: page number → box name → [x0, y0, x1, y1].
    static func boxes(_ path: String, pages: Int) throws -> [Int: [String: [Double]]] {
        let out = try TestSupport.run("pdfinfo", ["-box", "-f", "1", "-l", String(pages), path]).stdout
        var result: [Int: [String: [Double]]] = [:]
        for line in out.split(separator: "\n") where line.hasPrefix("Page ") && line.contains("Box:") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 7, let page = Int(parts[1]) else { continue }
            let name = String(parts[2].dropLast())
            result[page, default: [:]][name] = parts[3...].compactMap { Double($0) }
        }
        return result
    }

    /// The first page (1-based) holding a named destination, from the display list.
    static func page(of destination: String, in document: Document) -> Int? {
        for (i, page) in document.pages.enumerated() {
            for item in page.items.flatMap(\.flattened) {
                if case .destination(let name, _) = item, name == destination { return i + 1 }
            }
        }
        return nil
    }

    /// Every page of a file rendered by Ghostscript to RGB pixels at `dpi` (one process);
    /// `trimmed`: only the TrimBox (Ghostscript otherwise draws the MediaBox, blank
    /// outside the CropBox).
    static func render(_ path: String, dpi: Int, pages: ClosedRange<Int>? = nil, trimmed: Bool = false) throws -> [PPM] {
        let stem = (directory as NSString).appendingPathComponent("render-\(UUID().uuidString.prefix(8))")
        var arguments = ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=ppmraw", "-r\(dpi)"]
        if trimmed { arguments.append("-dUseTrimBox") }
        if let pages { arguments += ["-dFirstPage=\(pages.lowerBound)", "-dLastPage=\(pages.upperBound)"] }
        let result = try TestSupport.run("gs", arguments + ["-sOutputFile=\(stem)-%03d.ppm", path])
        var images: [PPM] = []
        for k in 1... {
            let file = String(format: "%@-%03d.ppm", stem, k)
            guard let data = FileManager.default.contents(atPath: file) else { break }
            try? FileManager.default.removeItem(atPath: file)
            guard let image = PPM(data) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: file]) }
            images.append(image)
        }
        guard result.status == 0, !images.isEmpty else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: result.stderr])
        }
        return images
    }

    /// One page rendered by Ghostscript.
    static func render(_ path: String, page: Int, dpi: Int) throws -> PPM {
        try render(path, dpi: dpi, pages: page...page)[0]
    }
}

/// A binary PPM (P6) image.
struct PPM {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var fields: [Int] = []
        var i = 2
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "6") else { return nil }
        while fields.count < 3 && i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            if bytes[i] == UInt8(ascii: "#") { while i < bytes.count, bytes[i] != 0x0A { i += 1 }; continue }
            var n = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { n = n * 10 + Int(bytes[i] - 0x30); i += 1 }
            fields.append(n)
        }
        i += 1
        guard fields.count == 3, fields[2] == 255, bytes.count - i >= fields[0] * fields[1] * 3 else { return nil }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[i..<(i + width * height * 3)])
    }

    /// The red, green and blue of a pixel.
    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let k = (y * width + x) * 3
        return (Int(pixels[k]), Int(pixels[k + 1]), Int(pixels[k + 2]))
    }

    /// The darkest channel value of a pixel (255 = white).
    func darkness(_ x: Int, _ y: Int) -> Int {
        let (r, g, b) = rgb(x, y)
        return min(r, g, b)
    }
}
