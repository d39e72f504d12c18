import CPangoCairo
import FolioCore
import Foundation

/// Subset font programs made for earlier PDFs, kept in a folder (Folio's per-user cache)
/// so that a rebuild whose text uses the same glyphs does not run HarfBuzz's subsetter
/// again (about 140 M instructions a Noto CJK face).
///
/// An entry is the subsetter's exact output for one face and one glyph set; it is found
/// by a hash and then checked against a header that spells out everything the output
/// depends on: the font file's path, device, inode, size, modification and status-change
/// times (nanoseconds: a rewritten or replaced file never matches), the face index, the
/// HarfBuzz version, the subsetting recipe and every glyph id. So a hit returns the very
/// bytes the subsetter would make, and the PDF is the same byte for byte. Files changed
/// less than two seconds before are not remembered (the "racy clean" rule of
/// `UserCache`). Anything unreadable means subsetting again; at most `limit` entries are
/// kept, the least recently used go first.
public struct FontSubsetCache: Sendable {
    public let directory: String
    public var limit = 48

    public init(directory: String) {
        self.directory = directory
    }

    /// The header that names an entry, or nil when the file cannot be identified (or
    /// changed too recently to be trusted).
    static func header(file: String, index: Int, glyphs: [UInt32], recipe: String) -> String? {
        guard let identity = FileIdentity(path: file), identity.isSettled() else { return nil }
        let version = String(cString: hb_version_string())
        return "folio-subset 1\n\(file)\n\(identity)\n\(index)\n"
            + "harfbuzz \(version) \(recipe)\n" + glyphs.map(String.init).joined(separator: " ") + "\n\n"
    }

    private func path(for header: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in header.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return (directory as NSString).appendingPathComponent(String(format: "%016llx.subset", hash))
    }

    /// The font bytes stored under `header`, or nil.
    func load(_ header: String) -> Data? {
        let path = path(for: header)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let head = Data(header.utf8)
        guard data.count > head.count, data.prefix(head.count) == head else { return nil }
        utimes(path, nil) // most recently used
        return data.dropFirst(head.count)
    }

    /// Stores `font` under `header` (temporary file + rename); failures are ignored.
    func store(_ header: String, font: UnsafeRawBufferPointer) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = path(for: header)
        var data = Data(header.utf8)
        data.append(contentsOf: font)
        let temp = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: data) else { return }
        if rename(temp, path) != 0 { unlink(temp) }
        trim()
    }

    /// Removes the least recently used entries beyond `limit`.
    private func trim() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let entries = names.filter { $0.hasSuffix(".subset") }
        guard entries.count > limit else { return }
        let dated = entries.map { name -> (String, Date) in
            let path = (directory as NSString).appendingPathComponent(name)
            let date = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            return (path, date)
        }
        for (path, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - limit) {
            unlink(path)
        }
    }
}
