import FolioBuild
import FolioCore
import Foundation

/// What the page shows, sent to the browser as JSON after every build: the brochure's
/// pages (with a hash of each one's display list, so only changed pages are fetched
/// again), the contents, the cards by preset, the downloads, and the diagnostics of a
/// broken save (over the last good view).
public struct PreviewSnapshot: Codable, Sendable, Equatable {
    public struct PageInfo: Codable, Sendable, Equatable {
        /// Changes whenever anything drawn on the page changes.
        public var hash: String
        public var label: String?
        public var role: String
        /// Trim size in points.
        public var width: Double
        public var height: Double
    }

    public struct ContentsEntry: Codable, Sendable, Equatable {
        public var title: String
        public var page: Int
        public var level: Int
    }

    public struct CardInfo: Codable, Sendable, Equatable {
        public var preset: String
        public var event: String
        /// Path below the output folder.
        public var path: String
        /// The first characters of the file's SHA-256: changes when the card does.
        public var version: String
        /// Pixel size (its aspect ratio is the preset's).
        public var width: Int
        public var height: Int
    }

    public struct Download: Codable, Sendable, Equatable {
        public var name: String
        public var path: String
        public var version: String
    }

    /// Counts up with every update.
    public var serial: Int = 0
    public var title: String = ""
    public var report: String = ""
    public var pages: [PageInfo] = []
    public var contents: [ContentsEntry] = []
    public var cards: [CardInfo] = []
    public var downloads: [Download] = []
    /// The CLI's text of the errors that keep the last good view (empty when none).
    public var errors: String = ""
    /// The warnings of the last good build.
    public var warnings: String = ""
    /// One line about the last build ("re-made brochure.pdf, 5 cards in 0.12s").
    public var status: String = ""

    public init() {}

    /// The pages and contents of a laid-out brochure; `hashes` are its pages' (`hash(_:)`).
    public mutating func setDocument(_ document: Document, hashes: [String]? = nil) {
        title = document.info.title
        let hashes = hashes ?? document.pages.map(Self.hash)
        pages = zip(document.pages, hashes).map { page, hash in
            PageInfo(hash: hash, label: page.label, role: page.role, width: page.size.width, height: page.size.height)
        }
        var entries: [ContentsEntry] = []
        func add(_ list: [OutlineEntry], level: Int) {
            for e in list {
                entries.append(ContentsEntry(title: e.title, page: e.pageIndex, level: level))
                if level < 1 { add(e.children, level: level + 1) }
            }
        }
        add(document.outline, level: 0)
        contents = entries
    }

    /// The cards and downloads listed in the output folder's manifest. `sizes` keeps each
    /// card's pixel size by its hash, so an unchanged card's file is not opened again.
    public mutating func setOutputs(_ manifest: Manifest?, outputDirectory: String, sizes: PNGSizeMemo = PNGSizeMemo()) {
        let outputs = manifest?.outputs ?? []
        cards = outputs.filter { $0.kind == .card }.compactMap { o in
            let size = sizes.size(of: (outputDirectory as NSString).appendingPathComponent(o.path), sha256: o.sha256)
            return CardInfo(preset: o.preset ?? "", event: o.event ?? "", path: o.path, version: String(o.sha256.prefix(16)),
                            width: size.width, height: size.height)
        }
        downloads = outputs.filter { $0.kind.isBrochure }
            .map { Download(name: ($0.path as NSString).lastPathComponent, path: $0.path, version: String($0.sha256.prefix(16))) }
        if let manifest {
            downloads.append(Download(name: Manifest.fileName, path: Manifest.fileName, version: Self.hex(manifest.hashValue)))
        }
    }

    /// A page's identity within this process: the hash of its display list.
    static func hash(_ page: Page) -> String {
        hex(page.hashValue)
    }

    static func hex(_ value: Int) -> String {
        String(UInt64(bitPattern: Int64(value)), radix: 16)
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Pixel sizes of PNG files by content hash (a `Memo`: the hash names the bytes, so an
/// entry is never wrong).
public final class PNGSizeMemo: Sendable {
    private let sizes = Memo<String, PNGPixelSize>(budget: 4096)

    public init() {}

    func size(of path: String, sha256: String) -> (width: Int, height: Int) {
        if let known = sizes.value(for: sha256) { return (known.width, known.height) }
        guard let read = PNGSize.read(path) else { return (0, 0) }
        sizes.store(PNGPixelSize(width: read.width, height: read.height), for: sha256)
        return read
    }
}

/// A PNG's width and height in pixels.
struct PNGPixelSize: Sendable {
    var width: Int
    var height: Int
}

/// The pixel size of a PNG file, from its header.
enum PNGSize {
    static func read(_ path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 24), head.count == 24 else { return nil }
        let bytes = [UInt8](head)
        guard bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15].elementsEqual(Array("IHDR".utf8)) else { return nil }
        func be(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}
