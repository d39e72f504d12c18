import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Dictionary word boundaries for Chinese text, from the ICU word break iterator (with
/// its CJK dictionary) that Foundation already loads on Linux. Titles use them so a
/// balanced break does not split a word (科|技). Looked up at run time (Foundation's ICU
/// module cannot be imported beside system ICU headers): where ICU is not there, no
/// boundaries are known and titles fall back to the other sense rules. Lives here, in
/// the one module that talks to C.
public enum WordSegmenter {
    private typealias Open = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafePointer<UInt16>?, Int32,
                                             UnsafeMutablePointer<Int32>?) -> OpaquePointer?
    private typealias Step = @convention(c) (OpaquePointer?) -> Int32
    private typealias Close = @convention(c) (OpaquePointer?) -> Void

    private struct API: @unchecked Sendable {
        let open: Open
        let first: Step
        let next: Step
        let close: Close
    }

    private static let api: API? = {
        #if canImport(Glibc)
        let handles = [dlopen(nil, RTLD_NOW), dlopen("lib_FoundationICU.so", RTLD_NOW | RTLD_NOLOAD)]
        for handle in handles.compactMap({ $0 }) {
            for prefix in ["swift_", ""] {
                guard let open = dlsym(handle, prefix + "ubrk_open"), let first = dlsym(handle, prefix + "ubrk_first"),
                      let next = dlsym(handle, prefix + "ubrk_next"), let close = dlsym(handle, prefix + "ubrk_close") else { continue }
                return API(open: unsafeBitCast(open, to: Open.self), first: unsafeBitCast(first, to: Step.self),
                           next: unsafeBitCast(next, to: Step.self), close: unsafeBitCast(close, to: Close.self))
            }
        }
        #endif
        return nil
    }()

    /// Whether dictionary segmentation is available here.
    public static var isAvailable: Bool { api != nil }

    /// UTF-8 offsets of the word boundaries inside `text` (not 0 or the end); empty when
    /// segmentation is unavailable.
    public static func boundaries(_ text: String) -> [Int] {
        guard let api, !text.isEmpty else { return [] }
        let utf16 = Array(text.utf16)
        var status: Int32 = 0
        let wordBreak: Int32 = 1 // UBRK_WORD
        guard let iterator = utf16.withUnsafeBufferPointer({ api.open(wordBreak, "zh", $0.baseAddress, Int32($0.count), &status) }),
              status <= 0 else { return [] }
        defer { api.close(iterator) }
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
        var position = api.first(iterator)
        while position >= 0 {
            if position > 0 && Int(position) < utf16.count { result.append(utf8At[Int(position)]) }
            position = api.next(iterator)
        }
        return result
    }
}
