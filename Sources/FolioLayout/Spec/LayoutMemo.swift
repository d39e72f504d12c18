import FolioModel
import Foundation

/// Layout files read before and what reading them gave, by path and content.
public final class LayoutMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var path: String
        var card: Bool
        var name: String
    }

    private var entries: [Key: (bytes: Data, result: (LayoutSpec?, [Diagnostic]))] = [:]
    private let lock = NSLock()

    public init() {}

    func lookup(path: String, card: Bool, name: String, bytes: Data) -> (LayoutSpec?, [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[Key(path: path, card: card, name: name)], entry.bytes == bytes else { return nil }
        return entry.result
    }

    func store(path: String, card: Bool, name: String, bytes: Data, result: (LayoutSpec?, [Diagnostic])) {
        lock.lock()
        entries[Key(path: path, card: card, name: name)] = (bytes, result)
        lock.unlock()
    }
}
