import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// The keys that let a card preset fill its room by what the event holds: `grow` on a
/// chart or photo, `source: event.figures.N`, `source: event.lead`, `limit` on paragraphs,
/// `drop: 0`; and the fitting that takes back what a later drop made room for.
@Suite("Card fill")
struct CardFillTests {
    static let haicheng: Report = CardBandTests.reports.first { $0.name == "haicheng-2024" }!.report

    static func runs(_ page: Page) -> [GlyphRun] {
        page.items.flatMap(\.flattened).compactMap { if case .text(let r) = $0 { return r }; return nil }
    }

    static func panels(_ page: Page) -> [Rect] {
        page.items.flatMap(\.flattened).compactMap {
            if case .tagged(let tag, let items) = $0, tag.role == "Figure", let b = CardGeometry.bounds(of: items) { return b }
            return nil
        }
    }

    @Test("a chart marked grow takes the room left in its region; without grow it keeps its height")
    func growingChart() throws {
        let report = TestSupport.defaultReport
        var event = Cards.event(title: "高新区排名跃升", from: try #require(report.events.first { $0.id == "hitech-zone-rank" }))
        event.summary = nil // a line chart, a figure, a short title: room to spare
        let layout = try Cards.layout("story")
        let page = try layout.page(report: report, event: event)
        let chart = try #require(Self.panels(page).first { $0.height > 300 && $0.width > 800 })
        #expect(chart.height > 380 + 20, "the panel grew: \(chart)")
        // It ends at the bottom of the region: no band below it.
        let region = layout.regions[0]
        #expect(abs(chart.maxY - region.maxY) < 1, "\(chart.maxY) vs \(region.maxY)")
        let fixed = try Cards.layout(yaml: Self.storyYAML.replacingOccurrences(of: "radius: 20px}, space-before: 40px, grow: true,",
                                                                              with: "radius: 20px}, space-before: 40px,"))
        let kept = try #require(Self.panels(try fixed.page(report: report, event: event)).first { $0.width > 800 && $0.height > 300 })
        #expect(abs(kept.height - 380) < 0.5, "\(kept)")
    }

    static let storyYAML = (try? String(contentsOfFile: TestSupport.path("Layouts/cards/story.yaml"), encoding: .utf8)) ?? ""
    static let squareYAML = (try? String(contentsOfFile: TestSupport.path("Layouts/cards/square.yaml"), encoding: .utf8)) ?? ""

    @Test("only a spacer, charts, an image or paragraphs may grow on a card: anything else is an error at its line")
    func growOnText() throws {
        let yaml = Self.squareYAML.replacingOccurrences(of: "style: title, shrink: true,", with: "style: title, grow: true, shrink: true,")
        do {
            _ = try Cards.layout(yaml: yaml)
            Issue.record("a growing title was accepted")
        } catch let error as LayoutError {
            let d = try #require(error.diagnostics.first { $0.message.contains("may grow") })
            #expect(d.message.contains("only a spacer, charts, an image or paragraphs may grow (block 3 is text)"), "\(d)")
            #expect(d.location?.line == yaml.prefix(upTo: yaml.range(of: "grow: true, shrink")!.lowerBound).split(separator: "\n", omittingEmptySubsequences: false).count)
        }
    }

    @Test("source: event.figures.2 shows the second figure; the card without room for it drops it before shrinking the title")
    func secondFigure() throws {
        let report = TestSupport.defaultReport
        let event = try #require(report.events.first { $0.id == "yongjiang-zone" }) // 9 个 and 14 支, no media
        #expect(event.figures.count >= 2)
        let layout = try Cards.layout("story")
        let fitted = try layout.fit(report: report, event: event)
        let text = Cards.text(fitted.page.items)
        #expect(text.contains(event.figures[0].label) && text.contains(event.figures[1].label))
        // A long title: the second figure goes (it is `drop: 0`), the title keeps its size as
        // far as it can, and the lead figure stays.
        let long = Cards.event(title: "甬江科创区启动暨首批九个重大项目集中开工，引进研究团队十四支", from: event)
        let crowded = try layout.fit(report: report, event: long)
        let blocks = Cards.blocks(layout)
        let second = try #require(blocks.firstIndex { $0.source == "event.figures.2" })
        #expect(crowded.fitting.dropped.contains(second))
        let title = try #require(Cards.titleIndex(layout))
        #expect(crowded.fitting.sizes[title] == layout.typesetter.spec.styles["title"]?.size)
        #expect(Cards.text(crowded.page.items).contains(event.figures[0].label))
        #expect(!Cards.text(crowded.page.items).contains(event.figures[1].label))
    }

    @Test("a figure's source other than event.figures.N is an error with a did-you-mean")
    func badFigureSource() throws {
        let yaml = Self.squareYAML.replacingOccurrences(of: "source: event.figures.2", with: "source: event.figure.2")
        do {
            _ = try Cards.layout(yaml: yaml)
            Issue.record("a bad figure source was accepted")
        } catch let error as LayoutError {
            let d = try #require(error.diagnostics.first { $0.message.contains("event.figure.2") })
            #expect(d.hint?.contains("did you mean 'event.figures.2'?") == true, "\(d)")
            #expect(d.location != nil)
        }
    }

    static let portraitYAML = (try? String(contentsOfFile: TestSupport.path("Layouts/cards/portrait.yaml"), encoding: .utf8)) ?? ""

    @Test("source: event.lead shows the first sentence of the event's text")
    func lead() throws {
        let report = TestSupport.defaultReport
        var event = try #require(report.events.first { $0.id == "ai-platform" })
        event.summary = nil
        event.body = ["第一句话说明平台的定位。第二句话不上卡片。"]
        let yaml = Self.portraitYAML.replacingOccurrences(of: "source: event.body, grow: true, style: deck, when: [no-figure, no-summary]",
                                                          with: "source: event.lead, style: deck, when: [no-figure, no-summary]")
        #expect(yaml != Self.portraitYAML)
        let text = Cards.text(try Cards.layout(yaml: yaml).page(report: report, event: event).items)
        #expect(text.contains("第一句话说明平台的定位。") && !text.contains("第二句话"), "\(text)")
    }

    @Test("paragraphs that grow set as many whole sentences of the event's text as fit, on every preset but the WeChat cover")
    func growingText() throws {
        let report = TestSupport.defaultReport
        var event = try #require(report.events.first { $0.id == "ai-platform" }) // no figure, no media
        event.summary = nil
        let sentences = (1...40).map { "第\($0)句话讲述平台建设的一个方面，内容完整而不重复。" }
        event.body = [sentences.joined()]
        for preset in Cards.presets {
            let layout = try Cards.layout(preset)
            let page = try layout.page(report: report, event: event)
            let text = Cards.text(page.items)
            let shown = sentences.filter { text.contains($0) }
            // The WeChat cover's narrow wing takes the first sentence only (`event.lead`).
            if preset == "wechat-cover" {
                #expect(shown.count == 1, "\(preset): \(shown.count) sentences")
            } else {
                #expect(shown.count >= 2 && shown.count < 40, "\(preset): \(shown.count) sentences")
            }
            // Whole sentences, from the first: nothing after the last one shown.
            #expect(shown == Array(sentences.prefix(shown.count)), "\(preset)")
            #expect(!text.contains("第\(shown.count + 1)句"), "\(preset)")
        }
    }

    @Test("limit on paragraphs: the first paragraphs only")
    func paragraphLimit() throws {
        let report = TestSupport.defaultReport
        var event = try #require(report.events.first { $0.id == "ai-platform" }) // no figure, a summary, no media
        event.body = ["第一段很短。", "第二段也很短。"]
        let yaml = Self.portraitYAML.replacingOccurrences(of: "source: event.body, grow: true, style: summary, space-before: 32px",
                                                          with: "source: event.body, limit: 1, style: summary, space-before: 32px")
        #expect(yaml != Self.portraitYAML)
        let text = Cards.text(try Cards.layout(yaml: yaml).page(report: report, event: event).items)
        #expect(text.contains("第一段很短。") && !text.contains("第二段"), "\(text)")
    }

    @Test("a summary given up before a chart too tall for the card comes back once the chart is gone, set as the deck")
    func takenBack() throws {
        // event-012: a lead figure, a summary and a donut that does not fit the portrait card.
        let event = try #require(Self.haicheng.events.first { $0.id == "event-012" })
        let layout = try Cards.layout("portrait")
        let page = try layout.page(report: Self.haicheng, event: event)
        let summary = try #require(event.summary)
        let runs = Self.runs(page).filter { summary.contains($0.text) && $0.text.count > 2 }
        #expect(!runs.isEmpty, "the summary is on the card")
        // Without the chart the card has no media: the summary takes the deck's size.
        let deck = try #require(layout.typesetter.spec.styles["deck"])
        #expect(runs.allSatisfy { abs($0.size - deck.size) < 0.01 }, "\(runs.map(\.size))")
    }
}
