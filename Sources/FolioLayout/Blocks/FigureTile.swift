import FolioCore
import FolioModel
import FolioText

/// A key-figure tile: the value large with its unit, the label below.
struct FigureTile {
    let typesetter: Typesetter
    let valueStyle: StyleSpec
    let unitStyle: StyleSpec
    let labelStyle: StyleSpec
    let padding: Double

    func label(_ figure: Figure) -> String {
        figure.derived ? figure.label + "（推算）" : figure.label
    }

    /// The alternate text of a row of tiles, as a sentence: 「关键数字有两项：一是高新技术企业
    /// 总数，5300+家；二是较2021年增长，36.4%。」 Each label and its value are joined by a
    /// comma, not a verb, so a label that is itself a change (「较2020年提升」) keeps its
    /// meaning. Derived values say so.
    static func alternateText(_ figures: [Figure]) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func ordinal(_ n: Int) -> String { (1...10).contains(n) ? numerals[n - 1] : String(n) }
        func count(_ n: Int) -> String { n == 2 ? "两" : ordinal(n) }
        let clauses = figures.enumerated().map { k, f in
            (figures.count > 1 ? ordinal(k + 1) + "是" : "") + f.label + "，" + f.value + (f.unit ?? "")
                + (f.derived ? "（推算值）" : "")
        }
        return "关键数字有\(count(figures.count))项：" + clauses.joined(separator: "；") + "。"
    }

    /// The tile laid out `width` wide: at `height`, or (nil) at the height it needs — its
    /// padding, the value's line and the label set at the width — from the same pieces it
    /// draws. The fill (optional) covers the whole frame.
    func frame(_ figure: Figure, width: Double, height: Double? = nil, fill: Color?, valueSize: Double? = nil) -> Frame {
        let vSize = valueSize ?? valueStyle.size
        let label = typesetter.compose(self.label(figure), style: labelStyle, width: width - 2 * padding)
        let rect = Rect(x: 0, y: 0, width: width, height: height ?? (padding + vSize * 1.05 + 6 + label.height + padding))
        var items: [Item] = []
        if let fill { items.append(.shape(Shape(path: .rect(rect), fill: fill))) }
        let inner = rect.insetBy(padding)
        let value = typesetter.compose(figure.value, style: valueStyle, width: 10_000, size: vSize, alignment: .left)
        let baseline = inner.minY + value.ascent * 0.98
        var x = inner.minX
        if let line = value.paragraph.lines.first {
            items += line.runs(atX: x - line.left, baseline: baseline).map(Item.text)
            x += line.right - line.left
        }
        if let unit = figure.unit, !unit.isEmpty {
            let u = typesetter.compose(unit, style: unitStyle, width: 10_000, alignment: .left)
            if let line = u.paragraph.lines.first {
                items += line.runs(atX: x - line.left, baseline: baseline).map(Item.text)
            }
        }
        let top = baseline + value.descent + 6
        items += label.runs(lines: 0..<label.lineCount, x: inner.minX, top: top).map(Item.text)
        return Frame(size: rect.size, items: items)
    }
}
