import FolioCore
import FolioModel
import FolioText
import Foundation
import Yams

/// Reads layout files (`Layouts/NAME.yaml`, `Layouts/cards/NAME.yaml`) with the same
/// diagnostics as report data: every problem, with its place, in one pass.
public struct LayoutLoader {
    public let directory: String
    public var limits: InputLimits
    /// Layouts read before, by file content (a watching process reads a layout again
    /// only when its file changed).
    public var memo: LayoutMemo?

    public init(directory: String, limits: InputLimits = .default, memo: LayoutMemo? = nil) {
        self.directory = directory
        self.limits = limits
        self.memo = memo
    }

    /// Brochure layouts available (file names without `.yaml`).
    public func brochureNames() -> [String] {
        names(in: directory)
    }

    /// Card presets available.
    public func cardNames() -> [String] {
        names(in: (directory as NSString).appendingPathComponent("cards"))
    }

    /// The path of a brochure layout or card preset.
    public func path(name: String, card: Bool) -> String {
        let dir = card ? (directory as NSString).appendingPathComponent("cards") : directory
        return (dir as NSString).appendingPathComponent(name + ".yaml")
    }

    /// Loads a layout by name. A name that does not exist is an error listing those that do.
    public func load(name: String, card: Bool, requestedAt: SourceLocation? = nil) -> (LayoutSpec?, [Diagnostic]) {
        let path = self.path(name: name, card: card)
        guard FileManager.default.fileExists(atPath: path) else {
            let available = card ? cardNames() : brochureNames()
            let what = card ? "card preset" : "layout"
            let folder = card ? "Layouts/cards/" : "Layouts/"
            let list = available.isEmpty ? "\(folder) holds none" : "available in \(folder): \(Quoting.list(available))"
            let hint = Suggestions.didYouMean(name, in: available).map { "\($0) (\(list))" } ?? list
            return (nil, [.error("unknown-layout", at: requestedAt, "there is no \(what) named \(Quoting.code(name))", hint: hint)])
        }
        var diagnostics: [Diagnostic] = []
        let display = DisplayPath.relative(path)
        guard let bytes = SourceFile.readBytes(path: path, displayPath: display, limits: limits, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        // The memo is keyed by the very bytes parsed below (read once: a save in between cannot mix two versions).
        if let memo, let hit = memo.lookup(path: path, card: card, name: name, bytes: bytes) { return hit }
        guard let source = SourceFile.decode(data: bytes, displayPath: display, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let result = parse(source, diagnostics: diagnostics, name: name, card: card)
        memo?.store(path: path, card: card, name: name, bytes: bytes, result: result)
        return result
    }

    private func parse(_ source: SourceFile, diagnostics: [Diagnostic], name: String, card: Bool) -> (LayoutSpec?, [Diagnostic]) {
        let context = YAMLContext(source: source, limits: limits)
        for d in diagnostics { context.add(d) }
        guard let root = context.parse(), var map = YAMLMapping(root, context: context, what: "the layout") else {
            return (nil, context.diagnostics)
        }
        let spec = LayoutReader(context: context, card: card).read(&map, name: name)
        let all = context.diagnostics
        return (all.hasErrors ? nil : spec, all)
    }

    private func names(in dir: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
