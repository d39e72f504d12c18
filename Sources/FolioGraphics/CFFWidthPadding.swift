/// Widens every glyph of a CID-keyed, desubroutinised CFF table by the same amount: each
/// charstring's advance width (the optional first operand) is rewritten, the outline is
/// left as it is. The new CharStrings INDEX is appended to the table and the Top DICT's
/// CharStrings offset (a five-byte integer, as HarfBuzz writes offsets) is patched in
/// place, so no other offset moves.
///
/// This is how a PDF can carry "a glyph followed by a gap" as one glyph whose advance
/// includes the gap, in the font program and in `/W` alike (PDF/UA-1 7.21.5): a reader
/// that measures gaps against the font program's advances (MuPDF) then sees no gap.
struct CFFWidthPadding {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func u(_ at: Int, _ size: Int) -> Int? { CFFIndex.uint(bytes, at, size) }

    /// An INDEX at `at`: its items' byte ranges and where it ends.
    private func index(at: Int) -> (items: [Range<Int>], end: Int)? { CFFIndex.read(bytes, at: at) }

    /// A DICT's operators with their operands and, for each, where its first operand
    /// starts and how many bytes it takes.
    private func dict(_ range: Range<Int>) -> [Int: (values: [Int], at: Int, size: Int)]? {
        var result: [Int: (values: [Int], at: Int, size: Int)] = [:]
        var operands: [Int] = []
        var first: (at: Int, size: Int)?
        var i = range.lowerBound
        while i < range.upperBound {
            let b = Int(bytes[i])
            var size = 1
            switch b {
            case 0...11, 13...21:
                result[b] = (operands, first?.at ?? i, first?.size ?? 0); operands = []; first = nil; i += 1; continue
            case 12:
                guard i + 1 < range.upperBound else { return nil }
                result[1200 + Int(bytes[i + 1])] = (operands, first?.at ?? i, first?.size ?? 0); operands = []; first = nil
                i += 2; continue
            case 28: operands.append(Int(Int16(truncatingIfNeeded: u(i + 1, 2) ?? 0))); size = 3
            case 29: operands.append(Int(Int32(truncatingIfNeeded: u(i + 1, 4) ?? 0))); size = 5
            case 30:
                var j = i + 1
                while j < range.upperBound, bytes[j] & 0x0f != 0x0f, bytes[j] >> 4 != 0x0f { j += 1 }
                operands.append(0); size = j + 1 - i
            case 32...246: operands.append(b - 139)
            case 247...250: operands.append((b - 247) * 256 + Int(bytes[min(i + 1, bytes.count - 1)]) + 108); size = 2
            case 251...254: operands.append(-(b - 251) * 256 - Int(bytes[min(i + 1, bytes.count - 1)]) - 108); size = 2
            default: return nil
            }
            if first == nil { first = (i, size) }
            i += size
        }
        return result
    }

    /// The table with every glyph `pad` font units wider, or nil when the table is not one
    /// this can rewrite (not CID-keyed, subroutine calls before the width, an offset not
    /// written as a five-byte integer).
    func padded(by pad: Int) -> [UInt8]? {
        guard let hdrSize = u(2, 1), let names = index(at: hdrSize), let tops = index(at: names.end),
              let topRange = tops.items.first, let top = dict(topRange), top[1230] != nil,
              let charStringsOp = top[17], charStringsOp.size == 5, let charStringsAt = charStringsOp.values.first,
              let charStrings = index(at: charStringsAt),
              let fdArrayAt = top[1236]?.values.first, let fdArray = index(at: fdArrayAt),
              let fdSelectAt = top[1237]?.values.first else { return nil }
        // Each font DICT's default and nominal widths, from its Private DICT.
        var widths: [(defaultWidth: Int, nominal: Int)] = []
        for range in fdArray.items {
            guard let fd = dict(range), let priv = fd[18]?.values, priv.count == 2 else { return nil }
            let privRange = priv[1]..<(priv[1] + priv[0])
            guard privRange.upperBound <= bytes.count, let p = dict(privRange) else { return nil }
            widths.append((p[20]?.values.first ?? 0, p[21]?.values.first ?? 0))
        }
        let count = charStrings.items.count
        guard let select = fdSelect(at: fdSelectAt, glyphs: count), select.allSatisfy({ $0 < widths.count }) else { return nil }
        var strings: [[UInt8]] = []
        strings.reserveCapacity(count)
        for (g, range) in charStrings.items.enumerated() {
            let w = widths[select[g]]
            guard let width = advance(range, w.defaultWidth, w.nominal) else { return nil }
            var s = Self.encode(width.value + pad - w.nominal)
            s += bytes[(range.lowerBound + width.operandSize)..<range.upperBound]
            strings.append(s)
        }
        var out = bytes
        let newAt = out.count
        out += [UInt8(count >> 8), UInt8(count & 0xff), 4]
        var offset = 1
        func put4(_ v: Int) { out += [UInt8(v >> 24 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }
        put4(offset)
        for s in strings { offset += s.count; put4(offset) }
        for s in strings { out += s }
        let at = charStringsOp.at
        out[at + 1] = UInt8(newAt >> 24 & 0xff); out[at + 2] = UInt8(newAt >> 16 & 0xff)
        out[at + 3] = UInt8(newAt >> 8 & 0xff); out[at + 4] = UInt8(newAt & 0xff)
        return out
    }

    /// Each glyph's font DICT index (FDSelect format 0 or 3).
    private func fdSelect(at: Int, glyphs: Int) -> [Int]? {
        guard let format = u(at, 1) else { return nil }
        switch format {
        case 0:
            return (0..<glyphs).map { u(at + 1 + $0, 1) ?? Int.max }
        case 3:
            guard let ranges = u(at + 1, 2) else { return nil }
            var result = [Int](repeating: Int.max, count: glyphs)
            for r in 0..<ranges {
                guard let first = u(at + 3 + r * 3, 2), let fd = u(at + 5 + r * 3, 1),
                      let next = u(at + 6 + r * 3, 2) else { return nil }
                for g in first..<min(max(first, next), glyphs) { result[g] = fd }
            }
            return result
        default:
            return nil
        }
    }

    /// A charstring's advance width and the bytes of its width operand (0 when it has none).
    private func advance(_ range: Range<Int>, _ defaultWidth: Int, _ nominal: Int) -> (value: Int, operandSize: Int)? {
        var count = 0
        var first: (value: Int, size: Int)?
        var i = range.lowerBound
        while i < range.upperBound {
            let b = Int(bytes[i])
            var value = 0, size = 1
            switch b {
            case 28: value = Int(Int16(truncatingIfNeeded: u(i + 1, 2) ?? 0)); size = 3
            case 32...246: value = b - 139
            case 247...250: value = (b - 247) * 256 + Int(bytes[min(i + 1, bytes.count - 1)]) + 108; size = 2
            case 251...254: value = -(b - 251) * 256 - Int(bytes[min(i + 1, bytes.count - 1)]) - 108; size = 2
            case 255: value = Int.min; size = 5 // 16.16 fixed: hints may have one, a width written so is not rewritten
            default:
                // The first operator: it tells whether an extra operand (the width) leads.
                let hasWidth: Bool
                switch b {
                case 1, 3, 18, 23, 19, 20: hasWidth = count % 2 == 1
                case 21: hasWidth = count > 2
                case 4, 22: hasWidth = count > 1
                case 14: hasWidth = count == 1 || count == 5
                default: return nil
                }
                guard hasWidth, let first else { return (defaultWidth, 0) }
                guard first.value != Int.min else { return nil }
                return (nominal + first.value, first.size)
            }
            if first == nil { first = (value, size) }
            count += 1
            i += size
        }
        return nil
    }

    /// A charstring integer operand.
    static func encode(_ v: Int) -> [UInt8] {
        switch v {
        case -107...107: return [UInt8(v + 139)]
        case 108...1131: let w = v - 108; return [UInt8(247 + w / 256), UInt8(w % 256)]
        case -1131 ... -108: let w = -v - 108; return [UInt8(251 + w / 256), UInt8(w % 256)]
        default: let w = UInt16(truncatingIfNeeded: v); return [28, UInt8(w >> 8), UInt8(w & 0xff)]
        }
    }
}
