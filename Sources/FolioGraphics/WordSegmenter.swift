import CPangoCairo
import Foundation

/// Dictionary word boundaries for Chinese text, from the ICU word break iterator (with
/// its CJK dictionary) of the Swift toolchain's own ICU, which Foundation uses on Linux.
/// Titles use them so a balanced break does not split a word (科|技). Called directly
/// (declared in the C shim), so a statically linked `folio` has it too. Lives here, in
/// the one module that talks to C.
public enum WordSegmenter {
    /// UTF-8 offsets of the word boundaries inside `text` (not 0 or the end); empty when
    /// ICU cannot open a word break iterator.
    public static func boundaries(_ text: String) -> [Int] {
        guard !text.isEmpty else { return [] }
        let utf16 = Array(text.utf16)
        var status: Int32 = 0
        let wordBreak: Int32 = 1 // UBRK_WORD
        guard let iterator = utf16.withUnsafeBufferPointer({ swift_ubrk_open(wordBreak, "zh", $0.baseAddress, Int32($0.count), &status) }),
              status <= 0 else { return [] }
        defer { swift_ubrk_close(iterator) }
        // Map UTF-16 offsets to UTF-8 offsets.
        var utf8At = [Int](repeating: 0, count: utf16.count + 1)
        var u16 = 0, u8 = 0
        for scalar in text.unicodeScalars {
            utf8At[u16] = u8
            u16 += scalar.utf16.count
            u8 += scalar.utf8.count
        }
        utf8At[utf16.count] = u8
        var result: [Int] = []
        var position = swift_ubrk_first(iterator)
        while position >= 0 {
            if position > 0 && Int(position) < utf16.count { result.append(utf8At[Int(position)]) }
            position = swift_ubrk_next(iterator)
        }
        return result
    }
}
