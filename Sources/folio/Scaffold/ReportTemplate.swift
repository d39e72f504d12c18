import Foundation

/// The files `folio init` writes: a commented `report.yaml` with two example events and
/// one chart, which builds at once without warnings, and a note in `images/`.
enum ReportTemplate {
    /// The report.yaml of a new report covering `edition`, published on `published`.
    static func reportYAML(edition: Int, published: String) -> String {
        aligned(template(edition: edition, published: published))
    }

    /// Lines up the trailing comments at one column, counting a Chinese character as two.
    static func aligned(_ text: String, column: Int = 40) -> String {
        text.components(separatedBy: "\n").map { line -> String in
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"),
                  let range = line.range(of: #"\s{2,}# "#, options: .regularExpression) else { return line }
            let content = String(line[..<range.lowerBound])
            let width = content.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && $1.properties.isIdeographic || (0x3000...0xFFEF).contains($1.value) ? 2 : 1) }
            return content + String(repeating: " ", count: max(2, column - width)) + line[range].drop { $0 == " " } + line[range.upperBound...]
        }.joined(separator: "\n")
    }

    private static func template(edition: Int, published: String) -> String {
        """
        # \(edition)年度科技创新大事 — made by `folio init`.
        #
        # Replace the examples below with the year's events, then run
        #   folio check <this folder>    to see every problem at once (path:line:col)
        #   folio build <this folder>    to make the brochure PDF and the social cards
        # Every key, its type and default: docs/data-format.md.
        # Write each paragraph on one line; quote text that contains ": " or starts with
        # a special character.

        title: \(edition)年度科技创新大事          # required: cover, running heads, PDF title
        subtitle: 创新驱动 高质量发展              # optional: a line under the title on the cover
        publisher: 市科学技术局                   # required: cover, back cover, cards
        edition: \(edition)                            # required: the year the report covers
        published: \(published)                  # required: YYYY-MM-DD, the PDF's date
        # layout: brochure                      # optional: `folio layouts` lists the layouts
        # cards: [square, wechat-cover]         # optional: which card sizes (default: all five)
        source: 市科学技术局                      # optional: where the data comes from (back cover)

        intro:                                  # optional: the foreword, one paragraph a line
          - "过去一年，全市科技工作者勇毅前行，创新平台加速集聚，科技攻关交出“硬核实力”，创新生态持续优化。"
          - "本册收录年度科技创新大事，按推选结果排序，每件大事附关键数字与统计图表。"

        events:                                 # required, in rank order: the first is No. 1
          - id: innovation-park                 # required: a-z, 0-9 and '-', unique; names the card files
            title: 科创园区启动建设              # required; a space marks a preferred line break
            date: \(edition)-12-28                    # optional: YYYY, YYYY-MM or YYYY-MM-DD
            category: 创新平台                   # optional: a grouping (PDF keywords)
            summary: 科创园区启动建设，12个重点项目集中开工。   # optional: the lead and the cards' text
            body:                               # required: paragraphs
              - "\(edition)年12月28日，科创园区启动建设，首批12个重点项目集中开工，总投资86亿元。园区聚焦新材料、智能制造和生命健康三个方向，计划五年内建成。"
              - "园区已引进研究团队8支，与高校共建公共研发平台3个。"
            figures:                            # optional: key numbers; the first leads on the cards
              - value: "12"                     # the number as printed: quote it ("5300+", "36.4%")
                unit: 个
                label: 重点项目集中开工
              - value: "86"
                unit: 亿元
                label: 总投资
            charts: [hitech-total]              # optional: ids of charts (below) shown with this event
            # image: images/park.jpg            # optional: a JPEG or PNG in images/

          - id: key-technology
            title: 关键核心技术取得突破
            category: 科技攻关
            summary: 全年攻克关键核心技术30项，填补国内空白。
            body:
              - "全年组织实施重大科技攻关项目，攻克关键核心技术30项，其中多项填补国内空白，相关成果已在企业实现产业化应用。"
            figures:
              - value: "30"
                unit: 项
                label: 关键核心技术攻克

        charts:                                 # optional: the statistics section
          - id: hitech-total                    # required: events name charts by id
            title: 高新技术企业总数              # required
            kind: bar                           # required: bar | line | donut | kpi
            unit: 家
            note: 示例数据，请替换为统计部门公布的数值。   # optional: the source; say when a value is derived
            categories: ["\(edition - 1)", "\(edition)"]    # the labels along the axis
            series:
              - name: 高新技术企业
                values: [4200, 5000]            # one number per category

        """
    }

    /// The note that keeps `images/` in place.
    static let imagesReadme = """
        Put the report's pictures here (JPEG or PNG) and name them in report.yaml, e.g.

          events:
            - id: innovation-park
              image: images/park.jpg

        or with a crop focus and a caption:

              image: {path: images/park.jpg, fit: cover, focus: [0.5, 0.3], caption: 园区全景}

        Paths are relative to the report folder; files outside it are refused.

        """
}

extension ReportTemplate {
    /// Whether `text` is a real calendar date written YYYY-MM-DD.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }
}
