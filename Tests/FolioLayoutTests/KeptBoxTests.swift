import FolioCore
@testable import FolioLayout
import FolioTestSupport
import Testing

/// A box kept with the text after it (a photo with `keep-with-previous` on the body) that
/// may be set lower (`min-height`): where its natural height and the text's first lines do
/// not fit at a column's foot, it is set lower and stays there with those lines, instead of
/// taking them on to the next page (issue 21, the 16K layout's page fill).
@Suite("Boxes kept with their text")
struct KeptBoxTests {
    /// One column of 300 pt on a 700 pt page, a 14.2 pt grid.
    static let region = FlowRegion(rect: Rect(x: 50, y: 60, width: 300, height: 700), columns: 1, gutter: 0)
    static let grid = BaselineGrid(origin: 60, step: 14.2)
    static let red = Color(red: 1, green: 0, blue: 0)

    /// A box laid out at any height, drawn as a red rectangle so its place can be found.
    static func photo(height: Double, minHeight: Double?) -> FlowItem {
        var box = BoxItem(height: height, keepWithNext: true, floats: false) { h in
            Frame(size: Size(width: 300, height: h), items: [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 300, height: h)), fill: red))])
        }
        box.minHeight = minHeight
        return .box(box)
    }

    /// What fills the page down to `height` (a grey block that never floats).
    static func filler(_ height: Double) -> FlowItem {
        .box(BoxItem(frame: Frame(size: Size(width: 300, height: height), items: [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 300, height: height)), fill: Color(red: 0.5, green: 0.5, blue: 0.5)))]), floats: false))
    }

    static func layout(minHeight: Double?) throws -> FlowResult {
        let typesetter = try LayoutTestSupport.typesetter("brochure-16k")
        let text = String(repeating: "科技创新是引领发展的第一动力，全市围绕产业链部署创新链，推动科技成果就地转化。", count: 4)
        let body = TextItem(box: typesetter.compose(text, style: typesetter.style("body"), width: region.columnWidth))
        // 170 pt are left under the filler: not enough for the 240 pt photo.
        return try FlowEngine(grid: grid, paginate: true) { _ in region }.run([filler(530), photo(height: 240, minHeight: minHeight), .text(body)])
    }

    static func photoRect(_ items: [Item]) -> Rect? {
        items.flatMap(\.flattened).compactMap { item -> Rect? in
            if case .shape(let s) = item, s.fill == red { return s.path.bounds }
            return nil
        }.first
    }

    static func textLines(_ items: [Item]) -> [Rect] {
        items.flatMap(\.flattened).compactMap { item -> Rect? in
            if case .text(let run) = item { return run.bounds }
            return nil
        }
    }

    @Test("a photo that may be set lower stays at the column's foot with the first lines of its text")
    func setLower() throws {
        let result = try Self.layout(minHeight: 100)
        let photo = try #require(Self.photoRect(result.pages[0]), "the photo moved on to the next page")
        #expect(photo.height >= 100 - 0.01 && photo.height < 240)
        #expect(photo.maxY <= Self.region.rect.maxY + 0.01)
        // Its text's first two lines (at least) under it on the same page, inside the column.
        let lines = Set(Self.textLines(result.pages[0]).filter { $0.minY >= photo.maxY - 0.01 }.map { Int($0.minY.rounded()) })
        #expect(lines.count >= 2)
        #expect(Self.textLines(result.pages[0]).allSatisfy { $0.maxY <= Self.region.rect.maxY + 0.5 })
    }

    @Test("without min-height the photo and its first lines move on together")
    func movesOn() throws {
        let result = try Self.layout(minHeight: nil)
        #expect(Self.photoRect(result.pages[0]) == nil)
        let photo = try #require(result.pages.count > 1 ? Self.photoRect(result.pages[1]) : nil)
        #expect(abs(photo.height - 240) < 0.01)
        #expect(Self.textLines(result.pages[0]).isEmpty)
    }
}
