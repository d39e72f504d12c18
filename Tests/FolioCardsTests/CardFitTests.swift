import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Titles shrink step by step to the preset's minimum, then optional parts go, then the
/// error names the event and the preset.
@Suite("Card fitting")
struct CardFitTests {
    /// The longest titles we could write: 40–64 characters of Han, Latin, digits and marks.
    static let longTitles = [
        "关于全面推进GPU与5G深度融合的AI算力平台建设取得36.4%增长的三年行动计划全面实施",
        "第40项：关于推进GPU与5G融合的AI算力平台建设取得36.4%增长的2022—2025年行动计划全面实施",
        "宁波市ICT产业联盟联合华为、中兴在2022年建成1200个5G+工业互联网场景，带动产值增长超过3000亿元并入选全国十佳",
        "“科技惠企十条”出台：R&D投入增长20.5%、新认定高新技术企业1500家以上、科技金融支持超过100亿元，覆盖“申高-上高-上规-上市”全流程",
    ]

    @Test("a short title is set at the style's size; nothing is dropped", arguments: Cards.presets)
    func shortTitle(preset: String) throws {
        let layout = try Cards.layout(preset)
        let index = try #require(Cards.titleIndex(layout))
        let style = try #require(layout.typesetter.spec.styles["title"])
        let fitted = try layout.fit(report: TestSupport.defaultReport, event: Cards.event(title: "甬江科创区启动"))
        #expect(fitted.fitting.sizes[index] == style.size)
        // Nothing is dropped but blocks shown only where there is room (`drop: 0`).
        let blocks = Cards.blocks(layout)
        #expect(fitted.fitting.dropped.allSatisfy { blocks[$0].drop == 0 }, "\(fitted.fitting.dropped)")
    }

    @Test("the longest titles fit every preset, shrunk but never below the minimum", arguments: Cards.presets)
    func longTitles(preset: String) throws {
        let layout = try Cards.layout(preset)
        let index = try #require(Cards.titleIndex(layout))
        let style = try #require(layout.typesetter.spec.styles["title"])
        for title in Self.longTitles {
            #expect(title.count >= 40)
            for base in TestSupport.defaultReport.events {
                let event = Cards.event(title: title, from: base)
                let (page, fitting) = try layout.fit(report: TestSupport.defaultReport, event: event)
                let size = try #require(fitting.sizes[index])
                #expect(size <= style.size && size >= style.minSize, "\(preset), \(base.id): title at \(size)px")
                #expect(Cards.text(Cards.titleGroups(page)) == title, "\(preset), \(base.id)")
                let outside = CardGeometry.leaves(outside: layout.geometry.safeArea, in: page.items, on: page)
                #expect(outside.isEmpty, "\(preset), \(base.id): \(outside.map(CardGeometry.describe))")
            }
        }
    }

    @Test("as a title grows it shrinks step by step, reaches the minimum, then fails naming event and preset",
          arguments: Cards.presets)
    func shrinkThenError(preset: String) throws {
        let layout = try Cards.layout(preset)
        let index = try #require(Cards.titleIndex(layout))
        let style = try #require(layout.typesetter.spec.styles["title"])
        let base = TestSupport.defaultReport.events[2]  // ai-platform: no figure, no chart
        let phrase = "宁波5G智能制造创新平台"
        var sizes: [Double] = []
        var dropped: [[Int]] = []
        var failure: LayoutError?
        for repeats in 1...40 {
            let event = Cards.event(title: String(repeating: phrase, count: repeats), from: base)
            do {
                let (_, fitting) = try layout.fit(report: TestSupport.defaultReport, event: event)
                sizes.append(try #require(fitting.sizes[index]))
                dropped.append(fitting.dropped)
            } catch let error as LayoutError {
                failure = error
                break
            }
        }
        // With the same parts shown, sizes never grow as the title gets longer (dropping
        // a part lets the title grow back), and steps between the full size and the
        // minimum were used before giving up.
        for k in 1..<max(1, sizes.count) where dropped[k] == dropped[k - 1] {
            #expect(sizes[k] <= sizes[k - 1], "\(preset): \(sizes) with \(dropped)")
        }
        #expect(Set(sizes).count >= 3, "\(preset): sizes \(sizes)")
        #expect(sizes.first == style.size)
        #expect(sizes.contains { $0 < style.size && $0 > style.minSize }, "\(preset): no intermediate step in \(sizes)")
        let error = try #require(failure, "\(preset): even 40 repeats fit")
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == "card-overflow")
        #expect(diagnostic.message.contains("event 3 (ai-platform)"))
        #expect(diagnostic.message.contains("the \(preset) card: its title"))
        #expect(diagnostic.message.contains("\(Int(style.minSize))px"), "\(diagnostic.message)")
        #expect(diagnostic.location?.line == base.fieldLocations["title"]?.line)
    }

    /// A small preset whose region holds the title and one optional part, not both.
    static let dropYAML = """
    name: tight
    page: {size: [600px, 400px], margins: 20px, safe: 20px}
    fonts: {sans: Noto Sans CJK SC}
    styles:
      title: {font: sans, size: 40px, leading: 50px, color: "#000000", balanced: true, min-size: 36px}
      note: {font: sans, size: 20px, leading: 100px, color: "#000000"}
    templates:
      card:
        flow:
          region: [0, 0, 100%, 260px]
          blocks:
            - {type: text, content: "{event.title}", style: title, shrink: true, role: H1, field: title}
            - {type: text, content: "A {event.id}", style: note, optional: true, field: a}
            - {type: text, content: "B {event.id}", style: note, optional: true, drop: 1, field: b}
            - {type: text, content: "C {event.id}", style: note, optional: true, when: has-image, field: c}
    """

    @Test("optional parts go only after shrinking fails, by drop number first, then from the last")
    func dropOrder() throws {
        let layout = try Cards.layout(yaml: Self.dropYAML, name: "tight")
        // One line of title (50) + A (100) + B (100) = 250: everything fits at 40px.
        let short = try layout.fit(report: TestSupport.defaultReport, event: Cards.event(title: "甬江科创区启动"))
        #expect(short.fitting.dropped.isEmpty && short.fitting.sizes[0] == 40)
        // Two lines at 40px do not fit with both parts; at 36px (the minimum) the title still
        // takes two lines: so B (drop: 1) goes, not A, although A comes first ...
        let twoLines = Cards.event(title: "宁波国家高新区在全国综合排名跃居第13位")
        let fitted = try layout.fit(report: TestSupport.defaultReport, event: twoLines)
        #expect(fitted.fitting.dropped == [2])
        // ... and the title is back at its full size without it.
        #expect(fitted.fitting.sizes[0] == 40)
        let text = Cards.text(fitted.page.items)
        #expect(text.contains("A\(twoLines.id)") || text.contains("A \(twoLines.id)"))
        #expect(!text.contains("B"))
        // A block whose condition fails is not shown (C needs an image).
        #expect(!text.contains("C"))
    }

    @Test("a title too long even without the optional parts names the event, the preset and what was dropped")
    func errorMessage() throws {
        let layout = try Cards.layout(yaml: Self.dropYAML, name: "tight")
        let event = Cards.event(title: String(repeating: "宁波国家高新区在全国综合排名跃居第13位", count: 8))
        do {
            _ = try layout.fit(report: TestSupport.defaultReport, event: event)
            Issue.record("the title should not fit")
        } catch let error as LayoutError {
            let message = try #require(error.diagnostics.first?.message)
            #expect(message.contains("event 1 (yongjiang-zone) does not fit the tight card"))
            #expect(message.contains("title at 36px"))
            #expect(message.contains("without b, a"))  // in the order they were dropped; c is not shown
            #expect(error.diagnostics.first?.hint?.contains("\(event.title.count) characters") == true)
        }
    }

    @Test("a frame outside the safe area is an error naming the event and the preset; bleed art is not")
    func unsafeFrame() throws {
        func yaml(bleed: Bool) -> String {
            """
            name: edgy
            page: {size: [600px, 400px], margins: 40px, safe: 32px}
            fonts: {sans: Noto Sans CJK SC}
            colors: {ink: "#000000"}
            styles: {title: {font: sans, size: 30px, leading: 40px, color: ink}}
            templates:
              card:
                frames:
                  - {type: rect, origin: trim, box: [0, 0, 12px, 100%], fill: ink\(bleed ? ", bleed: true" : "")}
                flow:
                  blocks:
                    - {type: text, content: "{event.title}", style: title, role: H1, field: title}
            """
        }
        let event = TestSupport.defaultReport.events[0]
        #expect(throws: Never.self) { try Cards.layout(yaml: yaml(bleed: true), name: "edgy").page(report: TestSupport.defaultReport, event: event) }
        do {
            _ = try Cards.layout(yaml: yaml(bleed: false), name: "edgy").page(report: TestSupport.defaultReport, event: event)
            Issue.record("a shape on the edge should be refused")
        } catch let error as LayoutError {
            let d = try #require(error.diagnostics.first)
            #expect(d.code == "card-unsafe")
            #expect(d.message.contains("event 1 (yongjiang-zone) on the edgy card"))
            #expect(d.message.contains("[0, 0, 12, 400] leaves the safe area [32, 32, 536, 336]"))
        }
    }
}
