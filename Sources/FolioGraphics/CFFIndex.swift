/// The two structures every CFF reader needs (Adobe Technical Note #5176): big-endian
/// unsigned numbers and INDEXes. Shared by the subsetter's CFF reader (`CFFTable`) and the
/// width padder (`CFFWidthPadding`).
enum CFFIndex {
    /// The unsigned big-endian number of `size` bytes at `at`, or nil past the end.
    static func uint<C: RandomAccessCollection>(_ bytes: C, _ at: Int, _ size: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        guard at >= 0, size > 0, at + size <= bytes.count else { return nil }
        return bytes[bytes.startIndex + at ..< bytes.startIndex + at + size].reduce(0) { $0 << 8 | Int($1) }
    }

    /// The INDEX at `at`: its items' byte ranges and where it ends; nil when it is cut
    /// short or its offsets go backwards or past the end.
    static func read<C: RandomAccessCollection>(_ bytes: C, at: Int) -> (items: [Range<Int>], end: Int)? where C.Element == UInt8, C.Index == Int {
        guard let count = uint(bytes, at, 2) else { return nil }
        if count == 0 { return ([], at + 2) }
        guard let offSize = uint(bytes, at + 2, 1), (1...4).contains(offSize) else { return nil }
        let base = at + 3 + (count + 1) * offSize - 1
        var items: [Range<Int>] = []
        var previous = uint(bytes, at + 3, offSize) ?? 0
        for i in 1...count {
            guard let next = uint(bytes, at + 3 + i * offSize, offSize), next >= previous, base + next <= bytes.count else { return nil }
            items.append(base + previous ..< base + next)
            previous = next
        }
        return (items, base + previous)
    }
}
