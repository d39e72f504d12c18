import FolioCore
import FolioModel
import Foundation
import Yams

/// `gaps:` and `filler:` on a flow: what fills the white an event leaves at a column's
/// foot when the next event's head moves on (Engine/GapFiller.swift).
extension LayoutReader {
    static let gapKeys = ["fill", "grow", "spread"]

    func readGaps(_ node: Node, what: String) -> GapSpec? {
        guard var m = YAMLMapping(node, context: context, what: "the gaps of \(what)") else { return nil }
        var spec = GapSpec()
        if let node = m.value("fill"), let l = length(&m, "fill") {
            switch l {
            case .points(let v) where v >= 0: spec.fill = l
            case .fraction(let f) where f >= 0 && f <= 1: spec.fill = l
            default:
                context.error("bad-value", node, "`fill` in \(m.what) must be a length of 0 or more or a share from 0% to 100% of the column",
                              hint: "e.g. fill: 20% (gaps of a fifth of the column or more are filled)")
            }
        }
        if let node = m.value("grow") {
            let text = m.string("grow") ?? ""
            if case .fraction(let f)? = Length(text), f >= 0, f <= 1 {
                spec.grow = f
            } else {
                context.error("bad-value", node, "`grow` in \(m.what) is '\(text)'; it must be a share from 0% to 100% of the chart's height",
                              hint: "e.g. grow: 50% (a chart row may be set half as tall again)")
            }
        }
        if let node = m.value("spread"), let l = length(&m, "spread") {
            if case .points(let v) = l, v >= 0 {
                spec.spread = v
            } else {
                context.error("bad-value", node, "`spread` in \(m.what) must be a length of 0 or more in pt or mm",
                              hint: "e.g. spread: 18pt (at most a grid line more between two blocks)")
            }
        }
        m.reportUnknownKeys(known: Self.gapKeys)
        return spec
    }
}
