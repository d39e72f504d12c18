import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Card titles break at word boundaries on every preset, also where the dictionary leaves
/// a suffix or the second half of a verb as a word of its own (成交|额, 获|批, 惠|及).
@Suite("Title word boundaries")
struct TitleWordTests {
    /// Titles of the issue and the corpus, and the words in them that must stay whole.
    static let titles: [(String, [String])] = [
        ("技术合同成交额再创新高", ["成交额", "创新"]),
        ("青澜科学城获批省级高新区", ["科学城", "获批", "高新区"]),
        ("科技创新券惠及中小企业", ["惠及", "中小企业"]),
        ("每万人口高价值发明专利拥有量达到 24.6 件", ["拥有量", "专利", "发明"]),
        ("青澜科学城获批省级高新技术产业开发区", ["科学城", "获批", "开发区"]),
    ]

    @Test("no title line breaks inside a word", arguments: Cards.presets)
    func wholeWords(preset: String) throws {
        let layout = try Cards.layout(preset)
        for (title, words) in Self.titles {
            let page = try layout.page(report: TestSupport.defaultReport, event: Cards.event(title: title))
            var lines: [Double: String] = [:]
            for case .text(let run) in Cards.titleGroups(page).flatMap(\.flattened) {
                lines[(run.glyphs.first?.y ?? run.bounds.minY).rounded(), default: ""] += run.text
            }
            let set = lines.sorted { $0.key < $1.key }.map(\.value)
            #expect(set.joined() == title.replacingOccurrences(of: " ", with: "") || set.joined().contains("24.6"), "\(set)")
            for word in words {
                #expect(set.contains { $0.contains(word) }, "\(preset): \(word) split in \(set.joined(separator: " / "))")
            }
        }
    }
}
