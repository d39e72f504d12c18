import FolioModel
import Foundation
import Synchronization

/// Layout files read before and what reading them gave, by path and content.
public final class LayoutMemo: Sendable {
    private struct Key: Hashable {
        var path: String
        var card: Bool
        var name: String
    }

    private struct Entry {
        var bytes: Data
        var result: (LayoutSpec?, [Diagnostic])
    }

    private let entries = Mutex<[Key: Entry]>([:])

    public init() {}

    func lookup(path: String, card: Bool, name: String, bytes: Data) -> (LayoutSpec?, [Diagnostic])? {
        entries.withLock { entries in
            guard let entry = entries[Key(path: path, card: card, name: name)], entry.bytes == bytes else { return nil }
            return entry.result
        }
    }

    func store(path: String, card: Bool, name: String, bytes: Data, result: (LayoutSpec?, [Diagnostic])) {
        entries.withLock { $0[Key(path: path, card: card, name: name)] = Entry(bytes: bytes, result: result) }
    }
}
