import FolioCore
import FolioModel
import Foundation

/// Layout files read before and what reading them gave: a `Memo` keyed by the file's path,
/// how it was read (a card preset or a brochure layout, by name) and its very bytes, so an
/// edited file is another key and nothing is invalidated by hand; the layouts no longer
/// asked for age out, least recently used first, beyond `budget` readings.
public final class LayoutMemo: Sendable {
    private struct Key: Hashable, Sendable {
        var path: String
        var card: Bool
        var name: String
        var bytes: Data
    }

    private struct Reading: Sendable {
        var spec: LayoutSpec?
        var diagnostics: [Diagnostic]
    }

    private let memo: Memo<Key, Reading>

    /// A memo of up to `budget` readings (a build reads one brochure layout and a few card
    /// presets; a watching process keeps the edits' last versions).
    public init(budget: Int = 64) {
        memo = Memo(budget: budget)
    }

    func lookup(path: String, card: Bool, name: String, bytes: Data) -> (LayoutSpec?, [Diagnostic])? {
        memo.value(for: Key(path: path, card: card, name: name, bytes: bytes)).map { ($0.spec, $0.diagnostics) }
    }

    func store(path: String, card: Bool, name: String, bytes: Data, result: (LayoutSpec?, [Diagnostic])) {
        memo.store(Reading(spec: result.0, diagnostics: result.1), for: Key(path: path, card: card, name: name, bytes: bytes))
    }
}
