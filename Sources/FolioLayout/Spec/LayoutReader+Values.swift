import FolioCore
import FolioModel
import FolioText
import Foundation
import Yams

/// Values shared by every part of a layout: lengths, boxes, counts, weights, colours.
extension LayoutReader {
    func contentList(_ m: inout YAMLMapping) -> [String] {
        guard let node = m.value("content") else { return [] }
        if case .sequence = node { return m.stringList("content") ?? [] }
        return m.string("content").map { [$0] } ?? []
    }

    func box(_ node: Node, origin: BoxSpec.Origin) -> BoxSpec? {
        guard let values = lengths(node, what: "'box'"), values.count == 4 else {
            context.error("bad-value", node, "a box is four lengths: [x, y, width, height]",
                          hint: "e.g. box: [0, 40mm, 100%, 30mm]; with anchor: bottom-right, x and y count from the right and bottom")
            return nil
        }
        return BoxSpec(x: values[0], y: values[1], width: values[2], height: values[3], origin: origin)
    }

    func lengths(_ node: Node, what: String) -> [Length]? {
        guard case .sequence(let items) = node else { return nil }
        var result: [Length] = []
        for item in items {
            guard let s = YAMLMapping.scalarString(item, context: context, what: "an item of \(what)") else { return nil }
            guard let l = Length(s) else {
                context.error("bad-value", item, "'\(s)' is not a length", hint: "lengths are like 12mm, 10.5pt, 2em, 50% or full")
                return nil
            }
            guard Self.inRange(l) else {
                context.error("bad-value", item, "the length \(Quoting.code(s)) in \(what) is out of range", hint: Self.rangeHint)
                return nil
            }
            result.append(l)
        }
        return result
    }

    func length(_ m: inout YAMLMapping, _ key: String) -> Length? {
        guard let node = m.value(key), let s = YAMLMapping.scalarString(node, context: context, what: "'\(key)' in \(m.what)") else { return nil }
        guard let l = Length(s) else {
            context.error("bad-value", node, "'\(key)' in \(m.what) is '\(s)', not a length",
                          hint: "lengths are like 12mm, 10.5pt, 2em or 50%")
            return nil
        }
        guard Self.inRange(l) else {
            context.error("bad-value", node, "`\(key)` in \(m.what) is \(Quoting.code(s)), which is out of range", hint: Self.rangeHint)
            return nil
        }
        return l
    }

    /// A whole number of 0 or more (an index, a limit).
    func count(_ m: inout YAMLMapping, _ key: String) -> Int? {
        guard let n = m.int(key) else { return nil }
        guard n >= 0 else {
            context.error("bad-value", m.value(key), "`\(key)` in \(m.what) is \(n); it must be 0 or more")
            return nil
        }
        return n
    }

    /// Lengths a page can use: up to 5 m (14,400pt), 100em or 1000% either way. Larger
    /// ones (1e308pt) only overflow the arithmetic of layout.
    static func inRange(_ l: Length) -> Bool {
        switch l {
        case .points(let v): return v.isFinite && abs(v) <= 14_400
        case .em(let e): return e.isFinite && abs(e) <= 100
        case .fraction(let f): return f.isFinite && abs(f) <= 10
        case .rest: return true
        }
    }

    static let rangeHint = "lengths run up to 5 m (14400pt), 100em or 1000%, e.g. 12pt or 5mm"

    func readWeight(_ m: inout YAMLMapping) -> Int {
        guard let w = m.string("weight") else { return 400 }
        switch w.lowercased() {
        case "regular", "normal", "400": return 400
        case "bold", "700": return 700
        case "medium", "500": return 500
        case "light", "300": return 300
        case "black", "heavy", "900": return 900
        default:
            if let n = Int(w), (100...900).contains(n) { return n }
            context.error("bad-value", m.value("weight"), "weight '\(w)' is not regular, bold or 100–900")
            return 400
        }
    }

    func checkColor(_ name: String, _ node: Node?, _ colors: [String: Color]) {
        if colors[name] == nil && Color(hex: name) == nil {
            context.error("unknown-color", node, "colour '\(name)' is not defined in 'colors'",
                          hint: Suggestions.closest(to: name, in: Array(colors.keys)).map { "did you mean '\($0)'?" }
                            ?? "colours defined: \(colors.keys.sorted().joined(separator: ", "))")
        }
    }
}
