import FolioModel

/// A chart's alternate text in words: what kind of chart it is, its title and unit, and
/// every value it shows, so a reader who cannot see it hears the numbers
/// (「柱状图，标题为「高新技术企业总数」，数值的单位是家。2021年的数值为3886家，这是推算值；
/// 2022年的数值为5300家。图中的目标线表示2025年目标 10000家。」). Values the data marks
/// as derived say so; a target line is read after the values, and the chart's note when it
/// is prose (a note that is mostly arithmetic is left to the page: each derived value
/// already says it is one).
public enum ChartAltText {
    /// The alternate text of `chart`.
    public static func describe(_ chart: Chart) -> String {
        // Many values in digits read as a table, not as language (a screen reader says them
        // as words anyway): when digits would outnumber the words, the values are words.
        let digits = describe(chart, spoken: false)
        return isProse(digits) ? digits : describe(chart, spoken: true)
    }

    static func describe(_ chart: Chart, spoken: Bool) -> String {
        let unit = chart.unit ?? ""
        var text = kindName(chart) + "，标题为「\(chart.title)」"
        if !unit.isEmpty { text += "，数值的单位是\(unit)" }
        text += "。"
        let values = chart.kind == .kpi ? kpi(chart, unit: unit, spoken: spoken) : series(chart, unit: unit, spoken: spoken)
        text += values.isEmpty ? "图中没有数据。" : values + "。"
        if let target = chart.target {
            text += "图中的目标线表示\(target.label)。"
        }
        if let note = chart.note, isProse(note) {
            text += "说明：" + note + (note.hasSuffix("。") ? "" : "。")
        }
        return text
    }

    /// Whether at least half of `text`'s characters are letters (not digits, signs, marks).
    static func isProse(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter {
            switch $0.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }.count
        return !text.isEmpty && Double(letters) >= Double(text.unicodeScalars.count) / 2
    }

    static func kindName(_ chart: Chart) -> String {
        switch chart.kind {
        case .bar: return chart.orientation == .horizontal ? "条形图" : "柱状图"
        case .line: return "折线图"
        case .donut: return "环形图"
        case .kpi: return "关键指标"
        }
    }

    /// "2021年为3886家（推算值），2022年为5300家"; one clause per series when there are several.
    static func series(_ chart: Chart, unit: String, spoken: Bool = false) -> String {
        let show = { (v: Double) in spoken ? say(v, unit: unit, prefix: chart.prefix) : "\(chart.prefix ?? "")\(number(v))\(unit)" }
        var clauses: [String] = []
        let total = chart.kind == .donut ? chart.series.first?.values.compactMap { $0 }.reduce(0, +) : nil
        for s in chart.series {
            var points: [String] = []
            for (i, name) in chart.categories.enumerated() {
                guard i < s.values.count, let v = s.values[i] else { continue }
                var point = "\(category(name, spoken: spoken))的数值为\(show(v))"
                // A share is said when it is not the value itself (a donut of percentages adding to 100).
                if let total, total > 0, !(unit == "%" && abs(total - 100) < 0.05) {
                    point += "，占全部的" + (spoken ? "百分之" + SpokenNumber.reading(v / total * 100, maxFractionDigits: 1)
                                                  : ChineseNumber.percent(v / total * 100))
                }
                if chart.isDerived(i) { point += "，这是推算值" }
                points.append(point)
            }
            guard !points.isEmpty else { continue }
            let list = points.joined(separator: "；")
            clauses.append(chart.series.count > 1 ? "\(s.name)：\(list)" : list)
        }
        if let total, total > 0 { clauses.append("合计为\(show(total))") }
        return clauses.joined(separator: "；")
    }

    static func kpi(_ chart: Chart, unit: String, spoken: Bool = false) -> String {
        chart.series.compactMap { s in
            s.values.compactMap { $0 }.first.map {
                "\(s.name)的数值为" + (spoken ? say($0, unit: unit, prefix: chart.prefix) : "\(chart.prefix ?? "")\(number($0))\(unit)")
            }
        }.joined(separator: "；")
    }

    /// A category as read: a bare year gets 年 ("2021" → "2021年").
    static func category(_ c: String, spoken: Bool = false) -> String {
        guard c.count == 4, c.allSatisfy(\.isASCII), c.allSatisfy(\.isNumber) else { return c }
        return (spoken ? SpokenNumber.year(c) : c) + "年"
    }

    /// A value said in words: 百分之二点四五 for a percentage, 一百四十八点二亿元 otherwise.
    static func say(_ v: Double, unit: String, prefix: String?) -> String {
        let p = ChineseNumber.parts(v, maxFractionDigits: 2)
        let magnitude = Double(p.number).map { SpokenNumber.reading($0, maxFractionDigits: 3) + p.magnitude }
            ?? SpokenNumber.reading(v)
        return (prefix ?? "") + (unit == "%" ? "百分之" + magnitude : magnitude + unit)
    }

    /// Values as the chart prints them: 3886, 26万, 12.5.
    static func number(_ v: Double) -> String {
        ChineseNumber.format(v, maxFractionDigits: 2)
    }
}
