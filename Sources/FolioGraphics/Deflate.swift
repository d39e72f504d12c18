import CPangoCairo
import Foundation

/// zlib-wrapped deflate (PDF's FlateDecode) with libdeflate.
///
/// Compression never fails: when libdeflate cannot allocate its compressor or reports no
/// output, the bytes are written as stored (uncompressed) deflate blocks, which every
/// FlateDecode reader accepts. A page is then larger, never blank.
public enum Deflate {
    /// `bytes` compressed at `level` (1–12; libdeflate's 6 is zlib's default ratio at
    /// about a third of its time).
    public static func zlib(_ bytes: UnsafeRawBufferPointer, level: Int = 6) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(Int32(level)) else { return stored(bytes) }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
        var out = [UInt8](repeating: 0, count: bound)
        let written = out.withUnsafeMutableBytes { o in
            libdeflate_zlib_compress(compressor, bytes.baseAddress, bytes.count, o.baseAddress, bound)
        }
        guard written > 0 else { return stored(bytes) }
        out.removeSubrange(written...)
        return out
    }

    /// `bytes` compressed at `level`.
    public static func zlib(_ bytes: [UInt8], level: Int = 6) -> [UInt8] {
        bytes.withUnsafeBytes { zlib($0, level: level) }
    }

    /// `bytes` as a zlib stream of stored deflate blocks (RFC 1950/1951): no compression.
    public static func stored(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(bytes.count + bytes.count / 65_535 * 5 + 11)
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            if length > 0 { out += bytes[offset..<offset + length] }
            offset += length
        } while offset < bytes.count
        let adler = UInt32(libdeflate_adler32(1, bytes.baseAddress, bytes.count))
        out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    /// The `size` bytes a zlib stream inflates to, or nil when it is not a valid stream of
    /// exactly that size (for tests and checks of what was written).
    public static func inflate(_ stream: [UInt8], size: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var out = [UInt8](repeating: 0, count: size)
        var actual = 0
        let result = stream.withUnsafeBytes { s in
            out.withUnsafeMutableBytes { o in
                libdeflate_zlib_decompress(decompressor, s.baseAddress, s.count, o.baseAddress, size, &actual)
            }
        }
        return result == LIBDEFLATE_SUCCESS && actual == size ? out : nil
    }
}
