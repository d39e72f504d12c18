import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Alternate text the layout gives its figures: sentences, not fragments or file names.
@Suite("Alternate text of figures")
struct AlternateTextTests {
    @Test("a row of key figures: counted, each label with its value, derived values say so")
    func figureTiles() {
        let figures = [Figure(value: "5300+", unit: "家", label: "高新技术企业总数"),
                       Figure(value: "2", unit: "位", label: "较2020年提升"),
                       Figure(value: "893", unit: "家", label: "2021年新认定", derived: true)]
        #expect(FigureTile.alternateText(figures)
                == "关键数字有三项：一是高新技术企业总数，5300+家；二是较2020年提升，2位；三是2021年新认定，893家（推算值）。")
        #expect(FigureTile.alternateText([figures[0]]) == "关键数字有一项：高新技术企业总数，5300+家。")
    }

    @Test("the brochure's figures all have alternate text, none of it a file name")
    func brochure() throws {
        let document = try LayoutTestSupport.document(TestSupport.defaultReport, layout: "brochure")
        var alts: [String?] = []
        func walk(_ items: [Item]) {
            for item in items {
                switch item {
                case .tagged(let tag, let children):
                    if tag.role == "Figure" { alts.append(tag.alt) }
                    walk(children)
                case .group(let group): walk(group.placedItems)
                default: break
                }
            }
        }
        document.pages.forEach { walk($0.items) }
        #expect(alts.count >= TestSupport.defaultReport.charts.count)
        for alt in alts {
            let text = alt ?? ""
            #expect(!text.isEmpty && !text.hasSuffix(".jpg") && !text.hasSuffix(".png") && text.hasSuffix("。"), "\(text)")
        }
    }
}
