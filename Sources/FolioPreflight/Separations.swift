import Foundation

/// The ink on each page, from Ghostscript's `tiffsep` device: one 8-bit plate per
/// colourant (process and spot), the BleedBox only (marks outside it are not the page).
struct Separations {
    /// Per page (1-based): the largest total ink of any pixel, in percent, and the plates
    /// that carry any ink.
    struct Page {
        var maxInk: Double
        var inkedPlates: Set<String>
    }

    /// Renders `path` at `dpi` and reads every plate back.
    static func measure(_ path: String, pages: Int, dpi: Int, tools: Tools) throws -> [Int: Page] {
        let dir = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-preflight-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = (dir as NSString).appendingPathComponent("p%04d.tif")
        _ = try tools.run("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r\(dpi)", "-dUseBleedBox",
                                 "-sCompression=none", "-o", output, path])
        var result: [Int: Page] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for page in 1...max(1, pages) {
            let stem = String(format: "p%04d(", page)
            var sum: [Int] = []
            var inked: Set<String> = []
            for file in files where file.hasPrefix(stem) && file.hasSuffix(").tif") {
                let plate = String(file.dropFirst(stem.count).dropLast(5))
                guard let data = FileManager.default.contents(atPath: (dir as NSString).appendingPathComponent(file)),
                      let samples = TIFFGrey(data)?.samples else { continue }
                if sum.isEmpty { sum = Array(repeating: 0, count: samples.count) }
                var any = false
                for (i, v) in samples.enumerated() where i < sum.count && v < 255 {
                    sum[i] += 255 - Int(v)
                    any = true
                }
                if any { inked.insert(plate) }
            }
            guard !sum.isEmpty else { continue }
            result[page] = Page(maxInk: Double(sum.max() ?? 0) * 100 / 255, inkedPlates: inked)
        }
        return result
    }
}

/// An uncompressed 8-bit greyscale TIFF (what `tiffsep -sCompression=none` writes per plate).
struct TIFFGrey {
    var width: Int
    var height: Int
    var samples: [UInt8]

    init?(_ data: Data) {
        let b = [UInt8](data)
        guard b.count > 8 else { return nil }
        let little = b[0] == 0x49
        func u16(_ o: Int) -> Int { o + 1 < b.count ? (little ? Int(b[o]) | Int(b[o + 1]) << 8 : Int(b[o]) << 8 | Int(b[o + 1])) : 0 }
        func u32(_ o: Int) -> Int {
            guard o + 3 < b.count else { return 0 }
            return little ? Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24
                : Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
        }
        let ifd = u32(4)
        var width = 0, height = 0, compression = 1, bits = 8
        var offsets: [Int] = [], counts: [Int] = []
        func values(_ entry: Int) -> [Int] {
            let type = u16(entry + 2), count = u32(entry + 4)
            let size = type == 3 ? 2 : 4
            let base = count * size <= 4 ? entry + 8 : u32(entry + 8)
            return (0..<count).map { type == 3 ? u16(base + $0 * 2) : u32(base + $0 * 4) }
        }
        for k in 0..<u16(ifd) {
            let e = ifd + 2 + k * 12
            switch u16(e) {
            case 256: width = values(e).first ?? 0
            case 257: height = values(e).first ?? 0
            case 258: bits = values(e).first ?? 8
            case 259: compression = values(e).first ?? 1
            case 273: offsets = values(e)
            case 279: counts = values(e)
            default: break
            }
        }
        guard width > 0, height > 0, compression == 1, bits == 8, offsets.count == counts.count else { return nil }
        var samples: [UInt8] = []
        samples.reserveCapacity(width * height)
        for (o, c) in zip(offsets, counts) where o + c <= b.count { samples.append(contentsOf: b[o..<(o + c)]) }
        guard samples.count >= width * height else { return nil }
        self.width = width
        self.height = height
        self.samples = Array(samples.prefix(width * height))
    }
}
