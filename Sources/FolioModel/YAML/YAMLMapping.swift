import Foundation
import Yams

/// Reads the keys of one YAML mapping, reporting wrong types, missing required keys and
/// unknown keys (with the closest known key) into its context. It never stops at the
/// first problem: every accessor returns nil for a bad value and goes on.
public struct YAMLMapping {
    public let node: Node
    public let context: YAMLContext
    /// How messages name this mapping: "the report", "event 3 (yongjiang-zone)".
    public var what: String
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    /// The entry of each key (keys are unique: the parser refuses duplicates).
    private var index: [String: Int] = [:]
    /// The keys valid in this mapping, when the reader says so before reading: a missing
    /// required key whose misspelling is present is then reported at the misspelt key.
    public var known: [String] = []

    /// Wraps `node` if it is a mapping; otherwise reports that `what` must be one.
    public init?(_ node: Node, context: YAMLContext, what: String, hint: String? = nil) {
        guard context.spend(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            context.error("wrong-type", node, "\(what) must be a mapping of keys to values, found \(node.kindName)",
                          hint: hint ?? YAMLMapping.hint(expectedMapping: node))
            return nil
        }
        self.node = node
        self.context = context
        self.what = what
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                context.error("wrong-type", key, "keys in \(what) must be plain words, found \(key.kindName)")
                continue
            }
            if index[scalar.string] == nil { index[scalar.string] = entries.count }
            entries.append((scalar.string, key, value))
        }
    }

    /// The keys present, in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The value node of `key` (nil when absent or null).
    public mutating func value(_ key: String) -> Node? {
        guard let i = index[key], !entries[i].value.isNull else { return nil }
        return entries[i].value
    }

    /// The node of the key itself, for pointing at it.
    public func keyNode(_ key: String) -> Node? {
        index[key].map { entries[$0].keyNode }
    }

    /// Whether the key is written, even with no value.
    public func has(_ key: String) -> Bool {
        index[key] != nil
    }

    /// Reports a missing required key; a key written without a value is "empty" instead.
    public func missing(_ key: String, hint: String? = nil) {
        if let keyNode = keyNode(key) {
            context.error("empty-value", keyNode, "\(Quoting.code(key)) in \(what) has no value",
                          hint: hint ?? "write the value after \(Quoting.code(key + ":")) on the same line")
            return
        }
        if let typo = misspelling(of: key) {
            context.error("missing-key", typo.keyNode,
                          "\(Quoting.code(typo.key)) looks like \(Quoting.code(key)), which \(what) needs",
                          hint: "rename it to \(Quoting.code(key + ":"))")
            return
        }
        context.error("missing-key", node, "\(what) has no \(Quoting.code(key))",
                      hint: hint ?? "add \(Quoting.code(key + ":")) to \(what)")
    }

    /// A key written here that is not valid here but is close to `key` (see `isMisspelling`).
    private func misspelling(of key: String) -> (key: String, keyNode: Node)? {
        guard !known.isEmpty else { return nil }
        let candidates = entries.filter { !known.contains($0.key) && Self.isMisspelling($0.key, of: key) }
        return candidates.min { Suggestions.distance($0.key.lowercased(), key.lowercased()) < Suggestions.distance($1.key.lowercased(), key.lowercased()) }
            .map { ($0.key, $0.keyNode) }
    }

    /// Whether `word` is close enough to `key` to be taken for it: within 2 edits, and
    /// within 1 for keys of up to four letters (`id`, `date`), where 2 edits make any word.
    public static func isMisspelling(_ word: String, of key: String) -> Bool {
        let d = Suggestions.distance(word.lowercased(), key.lowercased())
        return d > 0 && d <= (max(word.count, key.count) <= 4 ? 1 : 2) || (d == 0 && word != key)
    }

    /// A string value. Numbers and dates are taken as written. A value longer than
    /// `maxLineCharacters` is an error (titles, names and labels are short; running text
    /// is read as paragraphs).
    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = scalarString(node, key: key) else { return nil }
        let limit = context.limits.maxLineCharacters
        if s.utf8.count > limit, s.count > limit {
            context.error("text-too-long", node, "\(Quoting.code(key)) in \(what) has \(s.count) characters; the limit is \(limit)",
                          hint: "shorten it; running text belongs in paragraphs")
            return nil
        }
        return s
    }

    /// A non-empty string value.
    public mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let s = string(key, required: required) else { return nil }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            context.error("empty-value", value(key), "\(Quoting.code(key)) in \(what) is empty",
                          hint: "write the \(key) or remove the key")
            return nil
        }
        return s
    }

    /// An integer value.
    public mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = scalarString(node, key: key) else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard let n = Int(trimmed) else {
            let digits = trimmed.drop { $0 == "-" || $0 == "+" }
            if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                context.error("bad-value", node, "\(Quoting.code(key)) in \(what) is \(Quoting.code(s)), which is far too large")
            } else {
                context.error("wrong-type", node, "\(Quoting.code(key)) in \(what) must be a whole number, found \(Quoting.code(s))",
                              hint: "write digits only, e.g. \(key): 2022")
            }
            return nil
        }
        return n
    }

    /// A number value (finite).
    public mutating func number(_ key: String, required: Bool = false) -> Double? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        return YAMLMapping.number(node, context: context, what: "\(Quoting.code(key)) in \(what)")
    }

    /// A yes/no value.
    public mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key), let s = scalarString(node, key: key) else { return nil }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            context.error("wrong-type", node, "\(Quoting.code(key)) in \(what) must be true or false, found \(Quoting.code(s))",
                          hint: "write \(key): true or \(key): false")
            return nil
        }
    }

    /// A list value (a single scalar is not accepted).
    public mutating func list(_ key: String, required: Bool = false) -> [Node]? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .sequence(let sequence) = node else {
            context.error("wrong-type", node, "\(Quoting.code(key)) in \(what) must be a list, found \(node.kindName)",
                          hint: "write each item on its own line starting with '- ', or as [a, b]")
            return nil
        }
        let kept = Array(sequence.filter { context.spend($0) })
        // Past the budget nothing more is read: no "empty list" errors about what was skipped.
        return context.exhausted ? nil : kept
    }

    /// A list of strings; each bad item is reported and skipped.
    public mutating func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let nodes = list(key, required: required) else { return nil }
        return nodes.enumerated().compactMap { index, node in
            YAMLMapping.scalarString(node, context: context, what: "item \(index + 1) of \(Quoting.code(key)) in \(what)")
        }
    }

    /// Reports keys that are not in `known`. A key that is a likely misspelling of a
    /// known one (`isMisspelling`: `figure` for `figures`) is an error, since its value
    /// would be lost; any other unknown key is a warning, with the closest known key if
    /// there is one. A key already reported (a misspelt required key) is not reported again.
    public func reportUnknownKeys(known: [String]) {
        let reported = Set(context.diagnostics.compactMap(\.location))
        for entry in entries where !known.contains(entry.key) {
            guard !reported.contains(context.location(of: entry.keyNode)) else { continue }
            let close = known.filter { Self.isMisspelling(entry.key, of: $0) }
                .min { Suggestions.distance(entry.key.lowercased(), $0.lowercased()) < Suggestions.distance(entry.key.lowercased(), $1.lowercased()) }
            if let close {
                context.error("misspelt-key", entry.keyNode,
                              "\(Quoting.code(entry.key)) in \(what) is not a key; it looks like \(Quoting.code(close)), and its value would be lost",
                              hint: "rename it to \(Quoting.code(close + ":"))")
                continue
            }
            let hint = Suggestions.didYouMean(entry.key, in: known)
                ?? "the keys of \(what) are \(known.map { Quoting.code($0) }.joined(separator: ", "))"
            context.warning("unknown-key", entry.keyNode, "unknown key \(Quoting.code(entry.key)) in \(what) is ignored", hint: hint)
        }
    }

    private func scalarString(_ node: Node, key: String) -> String? {
        YAMLMapping.scalarString(node, context: context, what: "\(Quoting.code(key)) in \(what)")
    }

    /// The text of a scalar node, or an error naming `what`.
    public static func scalarString(_ node: Node, context: YAMLContext, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            context.error("wrong-type", node, "\(what) must be a single value, found \(node.kindName)",
                          hint: hint(expectedScalar: node, flow: context.isFlow(node)))
            return nil
        }
        return scalar.string
    }

    /// A finite number from a scalar node, or an error naming `what`.
    public static func number(_ node: Node, context: YAMLContext, what: String) -> Double? {
        guard let s = scalarString(node, context: context, what: what) else { return nil }
        let trimmed = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        guard let v = Double(trimmed), v.isFinite, !trimmed.lowercased().contains("nan"),
              !trimmed.lowercased().contains("inf") else {
            context.error("wrong-type", node, "\(what) must be a number, found \(Quoting.code(s))",
                          hint: "write digits only, e.g. 5300 or 36.4; the unit goes in `unit`")
            return nil
        }
        // Sums of values this size stay exact enough and finite (1e308 + 1e308 is infinite).
        guard abs(v) <= maxNumber else {
            context.error("bad-value", node, "\(what) is \(Quoting.code(s)), beyond ±10^15",
                          hint: "count in a larger unit (万, 亿) and say so in `unit`")
            return nil
        }
        return v
    }

    /// The largest number a report or layout may hold (10^15).
    public static let maxNumber = 1e15

    /// What to do when a single value was expected.
    static func hint(expectedScalar node: Node, flow: Bool) -> String {
        switch node {
        case .mapping where flow:
            return "text that starts with { must be quoted, e.g. title: \"{A} B\""
        case .mapping:
            return "a value containing ': ' must be quoted, e.g. title: \"A: B\""
        case .sequence where flow:
            return "text that starts with [ must be quoted, e.g. title: \"[A] B\""
        default:
            return "write one value after the key, not a list"
        }
    }

    /// What to do when a mapping was expected.
    static func hint(expectedMapping node: Node) -> String {
        switch node {
        case .sequence:
            return "write `key: value` lines here, not '- ' items"
        default:
            return "write `key: value` lines here, indented under the line above"
        }
    }
}

extension Node {
    /// "a mapping", "a list", "a value", for messages.
    public var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s) where isNull: return s.string.isEmpty ? "nothing" : "null"
        case .scalar: return "a single value"
        case .alias: return "an alias"
        }
    }

    /// The value of `key` when the node is a mapping with that plain key.
    public func mappingValue(_ key: String) -> Node? {
        guard case .mapping(let m) = self else { return nil }
        return m.first { $0.key.scalar?.string == key }?.value
    }

    /// Whether the node is YAML null (`~`, `null`, or nothing).
    public var isNull: Bool {
        guard case .scalar(let s) = self, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }
}
