import CPangoCairo
import Foundation

/// zlib-wrapped deflate (PDF's FlateDecode) with libdeflate.
public enum Deflate {
    /// `bytes` compressed at `level` (1–12; libdeflate's 6 is zlib's default ratio at
    /// about a third of its time).
    public static func zlib(_ bytes: UnsafeRawBufferPointer, level: Int = 6) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(Int32(level)) else { return [] }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = out.withUnsafeMutableBytes { o in
            libdeflate_zlib_compress(compressor, bytes.baseAddress, bytes.count, o.baseAddress, bound)
        }
        out.removeSubrange(written...)
        return out
    }

    /// `bytes` compressed at `level`.
    public static func zlib(_ bytes: [UInt8], level: Int = 6) -> [UInt8] {
        bytes.withUnsafeBytes { zlib($0, level: level) }
    }
}
