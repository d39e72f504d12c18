import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Balanced columns (`balance: yes` on a flow, FlowEngine+Balance): column text followed
/// by a spanning block, or ending the flow, is set in columns of equal height, and the
/// spanning block goes on below them on the same page.
@Suite("Balanced columns")
struct BalancedColumnsTests {
    static let text = "科技创新是引领发展的第一动力，全市围绕产业链部署创新链，围绕创新链布局产业链，推动科技成果就地转化。"

    /// Two columns of 200 pt with a 20 pt gutter on a 700 pt page, a 14.2 pt grid.
    static let region = FlowRegion(rect: Rect(x: 50, y: 60, width: 420, height: 700), columns: 2, gutter: 20)
    static let grid = BaselineGrid(origin: 60, step: 14.2)

    static func paragraphs(_ count: Int, repeats: Int = 3) throws -> [FlowItem] {
        let typesetter = try LayoutTestSupport.typesetter("brochure-16k")
        let body = typesetter.style("body")
        return (0..<count).map { _ in
            .text(TextItem(box: typesetter.compose(String(repeating: text, count: repeats), style: body, width: region.columnWidth)))
        }
    }

    /// A spanning box of `height`, drawn as a rectangle so its place can be found.
    static func spanning(_ height: Double, keepWithNext: Bool = false) -> FlowItem {
        let size = Size(width: region.rect.width, height: height)
        return .box(BoxItem(frame: Frame(size: size, items: [.shape(Shape(path: .rect(Rect(origin: .zero, size: size)), fill: Color(red: 1, green: 0, blue: 0)))]),
                            keepWithNext: keepWithNext, floats: false, span: true))
    }

    static func engine(balance: Bool) -> FlowEngine {
        var engine = FlowEngine(grid: grid, paginate: true) { _ in region }
        engine.balance = balance
        return engine
    }

    /// The text lines of a page (baseline-ordered tops and bottoms) in the left and in the
    /// right column.
    static func columns(_ items: [Item]) -> (left: [Rect], right: [Rect]) {
        let runs = items.flatMap(\.flattened).compactMap { item -> Rect? in
            if case .text(let run) = item { return run.bounds }
            return nil
        }
        let mid = region.rect.midX
        return (runs.filter { $0.midX < mid }, runs.filter { $0.midX >= mid })
    }

    static func boxes(_ items: [Item]) -> [Rect] {
        items.flatMap(\.flattened).compactMap { item -> Rect? in
            if case .shape(let s) = item { return s.path.bounds }
            return nil
        }
    }

    static func lines(_ rects: [Rect]) -> Int { Set(rects.map { Int(($0.minY * 10).rounded()) }).count }

    @Test("column text before a spanning block is set in columns of equal height, and the block follows on the same page")
    func beforeSpan() throws {
        let items = try Self.paragraphs(7) + [Self.spanning(40)]
        let balanced = try Self.engine(balance: true).run(items)
        #expect(balanced.pages.count == 1, "the spanning block went on to page \(balanced.pages.count)")
        let (left, right) = Self.columns(balanced.pages[0])
        let (l, r) = (Self.lines(left), Self.lines(right))
        #expect(l > 0 && r > 0, "left \(l) lines, right \(r)")
        // Equal heights: the columns differ by at most the two lines a split may move.
        #expect(abs(l - r) <= 2, "left \(l) lines, right \(r)")
        let box = try #require(Self.boxes(balanced.pages[0]).first)
        let lowest = (left + right).map(\.maxY).max() ?? 0
        #expect(box.minY >= lowest - 0.5, "the spanning block at \(box.minY) overlaps the columns (down to \(lowest))")
        #expect(box.width > Self.region.columnWidth * 2, "the block does not span")

        // Without balancing, the same flow fills the left column first and sends the
        // spanning block to the next page.
        let plain = try Self.engine(balance: false).run(items)
        #expect(plain.pages.count == 2)
        let (pl, pr) = Self.columns(plain.pages[0])
        #expect(Self.lines(pl) > Self.lines(pr) + 2)
    }

    @Test("the flow's end is balanced, and a section that continues it begins below the columns")
    func atTheEnd() throws {
        let result = try Self.engine(balance: true).run(try Self.paragraphs(2))
        let (left, right) = Self.columns(result.pages[0])
        #expect(abs(Self.lines(left) - Self.lines(right)) <= 2, "left \(Self.lines(left)), right \(Self.lines(right))")
        let lowest = (left + right).map(\.maxY).max() ?? 0
        let top = try #require(result.end.top, "no point below the columns")
        #expect(result.end.column == 0)
        #expect(top >= lowest - 0.5 && top < lowest + Self.grid.step, "end at \(top), the columns end at \(lowest)")
        // Balancing leaves the page count alone: it only lowers what is on the last page.
        #expect(result.pages.count == (try Self.engine(balance: false).run(try Self.paragraphs(2))).pages.count)
    }

    @Test("a split paragraph keeps two lines on each side of the columns' break")
    func splitRules() throws {
        // One paragraph of seven lines: balanced, four and three, never six and one.
        let typesetter = try LayoutTestSupport.typesetter("brochure-16k")
        let box = typesetter.compose(String(repeating: Self.text, count: 3), style: typesetter.style("body"), width: Self.region.columnWidth)
        let result = try Self.engine(balance: true).run([.text(TextItem(box: box)), Self.spanning(20)])
        let (left, right) = Self.columns(result.pages[0])
        #expect(Self.lines(left) + Self.lines(right) == box.lineCount)
        #expect(Self.lines(right) >= 2 && Self.lines(left) >= 2, "left \(Self.lines(left)), right \(Self.lines(right))")
        #expect(Self.lines(left) >= Self.lines(right))
    }

    @Test("a spanning chain that does not fit under the balanced columns begins the next page whole")
    func chainMovesOn() throws {
        // Enough text to fill most of the page, then a head (kept with) and its text.
        let items = try Self.paragraphs(9) + [Self.spanning(140, keepWithNext: true), Self.spanning(80)] + Self.paragraphs(1)
        let result = try Self.engine(balance: true).run(items)
        #expect(result.pages.count == 2)
        let first = Self.boxes(result.pages[0]), second = Self.boxes(result.pages[1])
        #expect(first.isEmpty, "part of the chain stayed on the first page: \(first)")
        #expect(second.count == 2)
        #expect(second.map(\.minY).min() ?? 0 <= Self.region.rect.minY + 0.5, "the chain does not begin the page")
        let (left, right) = Self.columns(result.pages[0])
        #expect(abs(Self.lines(left) - Self.lines(right)) <= 2, "left \(Self.lines(left)), right \(Self.lines(right))")
    }

    @Test("under a spanning block low on the page, what does not fit moves on instead of running off the column",
          arguments: [false, true])
    func lowSpan(balance: Bool) throws {
        // A spanning block leaves 10 pt: less than a line, less than the box after it.
        let size = Size(width: Self.region.columnWidth, height: 100)
        let chart = FlowItem.box(BoxItem(frame: Frame(size: size, items: [.shape(Shape(path: .rect(Rect(origin: .zero, size: size)), fill: Color(red: 0, green: 0, blue: 1)))]),
                                         floats: false))
        let items = [Self.spanning(Self.region.rect.height - 10)] + (try Self.paragraphs(1)) + [chart]
        let result = try Self.engine(balance: balance).run(items)
        #expect(result.pages.count == 2)
        for (k, page) in result.pages.enumerated() {
            let (left, right) = Self.columns(page)
            for line in left + right {
                #expect(line.maxY <= Self.region.rect.maxY + 0.5, "page \(k + 1): a line at \(line.minY) runs off the column")
            }
            for box in Self.boxes(page) {
                #expect(box.maxY <= Self.region.rect.maxY + 0.5, "page \(k + 1): a box at \(box) runs off the column")
            }
        }
    }

    @Test("balance is read from a flow; a bad value is an error")
    func reader() throws {
        let old = "      copyfit: {spill: 35%, leading: 1.5pt, size: 0.5pt, tracking: 0.02, space: 50%}"
        #expect(try CopyfitReaderTests.diagnostics(replacing: old, with: old + "\n      balance: true").isEmpty)
        let bad = try CopyfitReaderTests.diagnostics(replacing: old, with: old + "\n      balance: sometimes")
        #expect(bad.contains { CopyfitReaderTests.text($0).contains("balance") }, "\(bad)")
    }
}
