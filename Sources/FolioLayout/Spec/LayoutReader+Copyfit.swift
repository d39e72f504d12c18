import FolioCore
import FolioModel
import Foundation
import Yams

/// `copyfit:` on a flow: the limits within which a spill page is fitted away.
extension LayoutReader {
    static let copyfitKeys = ["spill", "leading", "size", "tracking", "space", "otherwise"]

    func readCopyfit(_ node: Node, what: String) -> CopyfitSpec? {
        guard var m = YAMLMapping(node, context: context, what: "the copyfit of \(what)") else { return nil }
        var spec = CopyfitSpec()
        if let spill = share(&m, "spill") { spec.spill = spill }
        if let space = share(&m, "space") { spec.space = space }
        if let l = nonNegative(&m, "leading") { spec.leading = l }
        if let s = nonNegative(&m, "size") { spec.size = s }
        if let node = m.value("tracking") {
            if let t = m.number("tracking"), t >= 0, t <= 0.25 {
                spec.tracking = t
            } else {
                context.error("bad-value", node, "`tracking` in \(m.what) must be a number of em from 0 to 0.25",
                              hint: "e.g. tracking: 0.02 (the tracking may tighten by 2 % of the size)")
            }
        }
        if let text = m.string("otherwise") {
            if let o = CopyfitSpec.Otherwise(rawValue: text) {
                spec.otherwise = o
            } else {
                let names = CopyfitSpec.Otherwise.allCases.map(\.rawValue)
                context.error("bad-value", m.value("otherwise"), "`otherwise` in \(m.what) is '\(text)', not one of \(names.joined(separator: ", "))",
                              hint: Suggestions.closest(to: text, in: names).map { "did you mean '\($0)'?" })
            }
        }
        m.reportUnknownKeys(known: Self.copyfitKeys)
        return spec
    }

    /// A share written `30%` or `0.3`, from 0 to 1.
    private func share(_ m: inout YAMLMapping, _ key: String) -> Double? {
        guard let node = m.value(key) else { return nil }
        let text = m.string(key) ?? ""
        var value: Double?
        if case .fraction(let f)? = Length(text) { value = f } else { value = Double(text.trimmingCharacters(in: .whitespaces)) }
        guard let value, value >= 0, value <= 1 else {
            context.error("bad-value", node, "`\(key)` in \(m.what) must be a share from 0% to 100%", hint: "e.g. \(key): 30%")
            return nil
        }
        return value
    }

    private func nonNegative(_ m: inout YAMLMapping, _ key: String) -> Double? {
        guard let node = m.value(key), let l = length(&m, key) else { return nil }
        guard case .points(let v) = l, v >= 0 else {
            context.error("bad-value", node, "`\(key)` in \(m.what) must be a length of 0 or more in pt or mm", hint: "e.g. \(key): 1pt")
            return nil
        }
        return v
    }
}
