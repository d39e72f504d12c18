/// A deterministic text form of a value (dictionaries sorted by key), so that the
/// parsed layout — not its file's comments and spacing — decides what a build re-makes.
///
/// Every build and every no-op check describes its layouts, so this is written for speed:
/// text is appended in place, the common leaves (strings, numbers, booleans) skip
/// reflection, and type names are looked up once per type. The text is the same as a
/// plain `Mirror` walk would give.
enum CanonicalText {
    static func describe(_ value: Any) -> String {
        var writer = Writer()
        writer.write(value)
        return writer.out
    }

    private struct Writer {
        var out = ""
        var typeNames: [ObjectIdentifier: String] = [:]

        mutating func describe(_ value: Any) -> String {
            let saved = out
            out = ""
            write(value)
            let text = out
            out = saved
            return text
        }

        mutating func write(_ value: Any) {
            // Leaves without reflection (their text is what String(describing:) gives).
            switch value {
            case let s as String: out += s; return
            case let d as Double: out += d.description; return
            case let i as Int: out += String(i); return
            case let b as Bool: out += b ? "true" : "false"; return
            default: break
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .dictionary: writeDictionary(mirror)
            case .set: writeSet(mirror)
            case .collection, .tuple: writeElements(mirror)
            case .struct, .class, .enum: writeFields(mirror, of: value)
            case .optional:
                if let some = mirror.children.first { write(some.value) } else { out += "nil" }
            default:
                out += String(describing: value)
            }
        }

        /// `[key:value,…]`, sorted by the keys' text.
        private mutating func writeDictionary(_ mirror: Mirror) {
            var entries: [(key: String, value: String)] = []
            for child in mirror.children {
                let pair = Array(Mirror(reflecting: child.value).children.map(\.value))
                entries.append((describe(pair.first ?? ""), describe(pair.last ?? "")))
            }
            entries.sort { $0.key < $1.key }
            out += "["
            for (i, e) in entries.enumerated() {
                if i > 0 { out += "," }
                out += e.key
                out += ":"
                out += e.value
            }
            out += "]"
        }

        /// `{a,b,…}`, sorted.
        private mutating func writeSet(_ mirror: Mirror) {
            var items = mirror.children.map { describe($0.value) }
            items.sort()
            out += "{" + items.joined(separator: ",") + "}"
        }

        /// `(a,b,…)` in order (arrays, tuples).
        private mutating func writeElements(_ mirror: Mirror) {
            out += "("
            var first = true
            for child in mirror.children {
                if !first { out += "," }
                first = false
                write(child.value)
            }
            out += ")"
        }

        /// `Type(label:value,…)`; a value without fields (an enum case) as its own text.
        private mutating func writeFields(_ mirror: Mirror, of value: Any) {
            out += typeName(mirror.subjectType)
            out += "("
            var first = true
            for child in mirror.children {
                if !first { out += "," }
                first = false
                out += child.label ?? ""
                out += ":"
                write(child.value)
            }
            if first { out += String(describing: value) }
            out += ")"
        }

        mutating func typeName(_ type: Any.Type) -> String {
            let id = ObjectIdentifier(type)
            if let name = typeNames[id] { return name }
            let name = "\(type)"
            typeNames[id] = name
            return name
        }
    }
}
