import FolioGraphics
import Foundation

/// Texts a font set draws completely, by font (thread-safe, bounded).
final class CoverageMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var font: FontSpec
    }

    private var clean: Set<Key> = []
    private let lock = NSLock()

    func isClean(_ text: String, _ font: FontSpec) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return clean.contains(Key(text: text, font: font))
    }

    func markClean(_ text: String, _ font: FontSpec) {
        lock.lock()
        if clean.count > 100_000 { clean = [] }
        clean.insert(Key(text: text, font: font))
        lock.unlock()
    }
}
