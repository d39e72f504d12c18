import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Testing

/// Every preset, every event: the exact size, everything inside the safe area, the
/// title whole and (on the WeChat cover) inside the centre square.
@Suite("Card presets")
struct CardPresetTests {
    static let reports: [(String, Report)] = [("default report", TestSupport.defaultReport),
                                              ("40 long titles", Cards.longReport)]

    @Test("each preset has its platform's size, and the loader lists all five", arguments: Cards.presets)
    func sizes(preset: String) throws {
        let layout = try Cards.layout(preset)
        let page = try layout.page(report: TestSupport.defaultReport, event: TestSupport.defaultReport.events[0])
        #expect(page.size == Cards.sizes[preset])
        #expect(Set(LayoutLoader(directory: TestSupport.path("Layouts")).cardNames()) == Set(Cards.presets))
    }

    @Test("every item but bleed art stays inside the safe area", arguments: Cards.presets)
    func safeArea(preset: String) throws {
        let layout = try Cards.layout(preset)
        let safe = layout.geometry.safeArea
        #expect(safe.width < layout.geometry.size.width && safe.height < layout.geometry.size.height)
        for (name, report) in Self.reports {
            for event in report.events {
                let page = try layout.page(report: report, event: event)
                let outside = CardGeometry.leaves(outside: safe, in: page.items, on: page)
                #expect(outside.isEmpty, "\(name), \(event.id) on \(preset): \(outside.map(CardGeometry.describe))")
                // The art that may leave it is clipped to the card (nothing is drawn off the canvas).
                for item in page.items where CardGeometry.isArt(item, on: page) {
                    if case .group(let group) = item { #expect(group.placedClip == page.bleedBox) }
                }
            }
        }
    }

    @Test("the whole title is set, once, as the card's H1", arguments: Cards.presets)
    func titleWhole(preset: String) throws {
        let layout = try Cards.layout(preset)
        for (name, report) in Self.reports {
            for event in report.events {
                let page = try layout.page(report: report, event: event)
                let groups = Cards.titleGroups(page)
                #expect(groups.count == 1, "\(name), \(event.id) on \(preset)")
                // A space of the data stays inside a line and goes at a break.
                #expect(Cards.text(groups).replacingOccurrences(of: " ", with: "") == event.title.replacingOccurrences(of: " ", with: ""),
                        "\(name), \(event.id) on \(preset)")
            }
        }
    }

    @Test("the WeChat cover keeps rank and title inside the centre square chats crop to")
    func wechatCentre() throws {
        let layout = try Cards.layout("wechat-cover")
        let square = try #require(layout.geometry.centreSquare)
        #expect(square == Rect(x: 258.5, y: 0, width: 383, height: 383))
        for (name, report) in Self.reports {
            for event in report.events {
                let page = try layout.page(report: report, event: event)
                let title = try #require(CardGeometry.bounds(of: Cards.titleGroups(page)))
                #expect(square.contains(title), "\(name), \(event.id): title at \(title)")
                // The rank numeral sits in the square too, so the crop says which event it is.
                let rank = String(format: "%02d", event.rank)
                let rankRuns = page.items.flatMap(\.flattened).filter {
                    if case .text(let run) = $0 { return run.text == rank }
                    return false
                }
                #expect(rankRuns.contains { square.contains($0.bounds!) }, "\(name), \(event.id)")
            }
        }
    }

    @Test("a title placed outside the centre square shrinks into it or fails, naming the preset")
    func centreSquareEnforced() throws {
        // The flow region spans the whole width: nothing in the preset keeps the title
        // in the square but the check itself.
        let yaml = """
        name: wide
        page: {size: [900px, 383px], margins: 24px, centre-crop: true}
        fonts: {sans: Noto Sans CJK SC}
        styles: {title: {font: sans, size: 40px, leading: 52px, color: "#000000", min-size: 30px}}
        templates:
          card:
            flow:
              region: [0, 0, 100%, 100%]
              blocks:
                - {type: text, content: "{event.title}", style: title, shrink: true, role: H1, field: title}
        """
        let layout = try Cards.layout(yaml: yaml, name: "wide")
        let event = Cards.event(title: "宁波国家高新区在全国综合排名跃居第13位")
        #expect(throws: LayoutError.self) { try layout.page(report: TestSupport.defaultReport, event: event) }
        do {
            _ = try layout.page(report: TestSupport.defaultReport, event: event)
        } catch let error as LayoutError {
            let message = error.diagnostics.map(\.message).joined()
            #expect(message.contains("centre square") && message.contains("wide card") && message.contains(event.id))
        }
    }

    @Test("the brand strip shows the report title and publisher; the card its date")
    func brandStrip() throws {
        let report = TestSupport.defaultReport
        let event = report.events[0]
        for preset in Cards.presets {
            let page = try Cards.layout(preset).page(report: report, event: event)
            let runs = page.items.flatMap(\.flattened).compactMap { item -> String? in
                if case .text(let run) = item { return run.text }
                return nil
            }
            let all = runs.joined()
            #expect(all.contains(report.title.replacingOccurrences(of: " ", with: "")), "\(preset)")
            #expect(all.contains(report.publisher), "\(preset)")
            #expect(all.contains("2022年12月29日"), "\(preset)")
        }
    }
}
