@testable import FolioGraphics
import Foundation
import Testing

/// The C boundary fails loudly and safely: compression never yields an empty stream, and
/// an image Cairo cannot hold is an error, not a write through a null pointer.
@Suite("C boundary")
struct CBoundaryTests {
    @Test("stored deflate blocks are a valid zlib stream of the bytes, at every block boundary")
    func storedBlocks() {
        for size in [0, 1, 65_534, 65_535, 65_536, 200_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
            let stream = bytes.withUnsafeBytes { Deflate.stored($0) }
            #expect(Deflate.inflate(stream, size: size) == bytes, "size \(size)")
            #expect(Deflate.inflate(Deflate.zlib(bytes), size: size) == bytes, "size \(size)")
        }
    }

    @Test("a JPEG too wide for a Cairo surface is an image error naming its size")
    func jpegTooWide() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/with-images/images/harbour.jpg").standardizedFileURL
        var bytes = [UInt8](try Data(contentsOf: source))
        // Patch the frame header (SOF0…SOF2) to 40000 px wide: libjpeg reads the header,
        // Cairo refuses a surface over 32767 px.
        var i = 2
        var patched = false
        while i + 9 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xC2).contains(marker) {
                bytes[i + 7] = UInt8(40_000 >> 8)
                bytes[i + 8] = UInt8(40_000 & 0xFF)
                patched = true
                break
            }
            i += 2 + length
        }
        #expect(patched)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("folio-wide-\(getpid()).jpg").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GraphicsError.self) { _ = try ImageStore().surface(for: path) }
        do {
            _ = try ImageStore().surface(for: path)
        } catch {
            #expect("\(error)".contains("40000×"))
        }
    }
}
