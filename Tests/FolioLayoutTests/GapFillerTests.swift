import FolioCore
@testable import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Issue 21, the gap filler (`gaps:` and `filler:` on the event flow): where an event ends
/// and the next event's head moves on, the white it leaves is filled from the event that
/// ends there — growing chart rows, filler blocks, then spread — and nowhere else.
@Suite("Gap filler")
struct GapFillerTests {
    /// A box drawn as one rectangle of its height (laid out again when set taller).
    static func box(_ height: Double, keep: Bool = false) -> FlowItem {
        .box(BoxItem(height: height, keepWithNext: keep, floats: false) { h in
            Frame(size: Size(width: 400, height: h), items: [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 400, height: h)), fill: .black))])
        })
    }

    /// The rectangles drawn on a flow page, top to bottom.
    static func rects(_ items: [Item]) -> [Rect] {
        items.flatMap(\.flattened).compactMap { if case .shape(let s) = $0 { return s.path.bounds }; return nil }.sorted { $0.minY < $1.minY }
    }

    /// Unit A (`first` then `second` tall boxes), then unit B: a head kept with a body,
    /// 350 pt together, in columns 500 pt tall.
    static func run(first: Double, second: Double? = nil, gaps: GapFiller?) throws -> FlowResult {
        var items: [FlowItem] = [.anchor("a"), box(first)]
        if let second { items.append(box(second)) }
        items += [.anchor("b"), box(300, keep: true).starting(.anywhere), box(50)]
        var engine = FlowEngine(grid: BaselineGrid(origin: 0, step: 0), paginate: true) { _ in
            FlowRegion(rect: Rect(x: 0, y: 0, width: 400, height: 500), columns: 1, gutter: 0)
        }
        engine.gaps = gaps
        return try engine.run(items)
    }

    static func filler(grow: Set<Int> = [], fillerBefore anchor: Int?, spread: Double = 0) -> GapFiller {
        var g = GapFiller(spec: GapSpec(fill: .fraction(0.1), grow: 0.5, spread: spread))
        g.growable = grow
        if let anchor { g.fillers[anchor] = [box(40)] }
        return g
    }

    @Test("without gaps the head moves on and leaves the white")
    func plain() throws {
        let result = try Self.run(first: 200, gaps: nil)
        #expect(result.pages.count == 2)
        #expect(Self.rects(result.pages[0]).map(\.height) == [200])
    }

    @Test("a growing chart row takes up to half its height again, then the filler goes under it")
    func growThenFill() throws {
        let result = try Self.run(first: 200, gaps: Self.filler(grow: [1], fillerBefore: 2))
        let rects = Self.rects(result.pages[0])
        #expect(rects.map(\.height) == [300, 40])
        #expect(rects.last?.minY == 300)
        // The next unit still begins the next page.
        #expect(result.anchors.first { $0.name == "b" }?.page == 1)
    }

    @Test("no gap, no filler: it is drawn only where the next head moves on")
    func noGapNoFiller() throws {
        let result = try Self.run(first: 100, gaps: Self.filler(grow: [1], fillerBefore: 2))
        #expect(result.pages.count == 1)
        #expect(Self.rects(result.pages[0]).map(\.height) == [100, 300, 50])
    }

    @Test("what is left is spread where boxes meet, at most `spread` at each")
    func spread() throws {
        let result = try Self.run(first: 100, second: 120, gaps: Self.filler(fillerBefore: nil, spread: 24))
        let rects = Self.rects(result.pages[0])
        #expect(rects.map(\.minY) == [0, 124])
    }

    @Test("a gap below `fill` is only spread: no growth, no filler")
    func smallGap() throws {
        var g = Self.filler(grow: [1], fillerBefore: 2)
        g.spec.fill = .points(400)
        let result = try Self.run(first: 200, gaps: g)
        #expect(Self.rects(result.pages[0]).map(\.height) == [200])
    }

    @Test("{event.quote}: a short sentence with a digit from the second paragraph on; none from a short body")
    func quote() {
        let filler = String(repeating: "这一举措标志着本地在这一领域实现了从跟跑到并跑的跨越。", count: 8)
        let body = [filler + "首段的短句有数字12项。",
                    "这是一个没有数字但是很长很长的句子，用来说明引语只选短句而且最好有数字的规则，它超过了六十个字，所以不会被选中作为引语的。平台已服务企业1270家次。"]
        #expect(GapFiller.quote(from: body) == "平台已服务企业1270家次")
        #expect(GapFiller.quote(from: [filler, "没有数字的短句。另一句。"]) == "没有数字的短句")
        #expect(GapFiller.quote(from: ["北岭县人工智能项目总投资392亿元，建成后预计年产值超过92亿元。"]) == nil, "a short body")
        #expect(GapFiller.quote(from: []) == nil)
        let long = "国内首套3000吨/年高等规聚丁烯-1工业示范装置顺利开车，实现连续稳定运行，中石化镇海炼化成为全球第四家、国内第一家溶液法连续稳定生产聚丁烯-1产品的企业，有力提升我国石化聚烯烃技术水平。"
        #expect(GapFiller.quote(from: [filler, long]) == "国内首套3000吨/年高等规聚丁烯-1工业示范装置顺利开车")
    }

    @Test("the A4 brochure: fewer event pages below 70 % with its gaps than without")
    func shippedLayout() throws {
        let report = try TestSupport.corpusReport("haicheng-2024")
        var spec = try LayoutTestSupport.spec("brochure")
        #expect(spec.templates["event"]?.flow?.gaps != nil)
        func low(_ spec: LayoutSpec) throws -> Int {
            let document = try BrochureLayout(typesetter: Typesetter(spec: spec, composer: LayoutTestSupport.composer)).document(for: report)
            return document.pages.enumerated().filter { index, page in
                page.role == "event" && PageOccupancy(page: page, textBlock: spec.page.liveArea(pageNumber: index + 1)).share < 0.7
            }.count
        }
        let with = try low(spec)
        spec.templates["event"]?.flow?.gaps = nil
        let without = try low(spec)
        #expect(with < without, "event pages below 70 %: \(with) with gaps, \(without) without")
    }

    @Test("bad gaps values: file:line:col errors with a hint", arguments: [
        ("gaps: {fil: 12%, grow: 50%, spread: 18pt}", "fill"),
        ("gaps: {fill: 12%, grow: 150%, spread: 18pt}", "share from 0% to 100%"),
        ("gaps: {fill: 12%, grow: 50%, spread: 50%}", "in pt or mm"),
        ("gaps: {fill: -3mm, grow: 50%, spread: 18pt}", "0 or more"),
    ])
    func badGaps(replacement: String, expected: String) throws {
        let problems = try CopyfitReaderTests.diagnostics(replacing: "gaps: {fill: 12%, grow: 50%, spread: 18pt}", with: replacement)
        #expect(problems.contains { CopyfitReaderTests.text($0).contains(expected) && $0.location?.line != nil }, "\(problems)")
    }

    @Test("the shipped gaps and filler read without problems; a filler block is checked like any block")
    func fillerBlocks() throws {
        let gaps = "gaps: {fill: 12%, grow: 50%, spread: 18pt}"
        #expect(try CopyfitReaderTests.diagnostics(replacing: gaps, with: gaps).isEmpty)
        let problems = try CopyfitReaderTests.diagnostics(replacing: "style: pull-quote}", with: "style: pull-qoute}")
        #expect(problems.contains { CopyfitReaderTests.text($0).contains("did you mean 'pull-quote'") }, "\(problems)")
    }
}
