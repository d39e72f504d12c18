/// A deterministic text form of a value (dictionaries sorted by key), so that the
/// parsed layout — not its file's comments and spacing — decides what a build re-makes.
enum CanonicalText {
    static func describe(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary:
            let entries = mirror.children.map { child -> (String, String) in
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                return (describe(pair.first ?? ""), describe(pair.last ?? ""))
            }.sorted { $0.0 < $1.0 }
            out += "[" + entries.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "]"
        case .set:
            out += "{" + mirror.children.map { describe($0.value) }.sorted().joined(separator: ",") + "}"
        case .collection, .tuple:
            out += "(" + mirror.children.map { describe($0.value) }.joined(separator: ",") + ")"
        case .struct, .class, .enum:
            out += "\(mirror.subjectType)("
            if mirror.children.isEmpty { out += String(describing: value) }
            out += mirror.children.map { "\($0.label ?? ""):\(describe($0.value))" }.joined(separator: ",")
            out += ")"
        case .optional:
            if let some = mirror.children.first { write(some.value, into: &out) } else { out += "nil" }
        default:
            out += String(describing: value)
        }
    }
}
