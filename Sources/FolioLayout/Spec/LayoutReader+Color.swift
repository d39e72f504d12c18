import FolioCore
import FolioModel
import Yams

extension LayoutReader {
    /// A colour given both ways, `{rgb: "#0B3D91", cmyk: [100, 70, 0, 20]}`: the sRGB value
    /// for the screen file and the cards, the ink percentages for the print file (printed
    /// exactly as given, not converted).
    func readDualColor(_ node: Node, name: String) -> Color? {
        guard var m = YAMLMapping(node, context: context, what: "colour '\(name)'") else { return nil }
        defer { m.reportUnknownKeys(known: ["rgb", "cmyk"]) }
        guard let hex = m.string("rgb", required: true) else { return nil }
        guard var color = Color(hex: hex) else {
            context.error("bad-value", m.value("rgb"), "colour '\(name)' has rgb '\(hex)', not #RRGGBB",
                          hint: "write colours as hex, e.g. \"#0B3D91\" (quoted)")
            return nil
        }
        guard let nodes = m.list("cmyk") else { return color }
        let values = nodes.compactMap { node -> Double? in
            guard let s = YAMLMapping.scalarString(node, context: context, what: "a value of 'cmyk' in colour '\(name)'") else { return nil }
            return Double(s.hasSuffix("%") ? String(s.dropLast()) : s)
        }
        guard nodes.count == 4, values.count == 4, values.allSatisfy({ (0...100).contains($0) }) else {
            context.error("bad-value", m.value("cmyk"), "colour '\(name)' needs cmyk as four percentages 0–100 (cyan, magenta, yellow, black)",
                          hint: "e.g. cmyk: [100, 70, 0, 20]")
            return color
        }
        color.cmyk = CMYK(percent: values)
        return color
    }
}
