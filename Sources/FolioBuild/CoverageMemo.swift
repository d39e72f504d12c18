import FolioGraphics

/// Texts the current font set draws completely, by font: a watching process checks only
/// the text that changed. A value, kept in the builder's `BuildMemo` generation, so it
/// is dropped with the font set that made it (bounded: cleared past 100,000 texts).
struct CoverageMemo: Sendable {
    private struct Key: Hashable {
        var text: String
        var font: FontSpec
    }

    private var clean: Set<Key> = []

    func isClean(_ text: String, _ font: FontSpec) -> Bool {
        clean.contains(Key(text: text, font: font))
    }

    mutating func markClean(_ text: String, _ font: FontSpec) {
        if clean.count > 100_000 { clean = [] }
        clean.insert(Key(text: text, font: font))
    }
}
