import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// No empty band on a card where the event has something to show: the tallest strip of
/// a flow region with nothing drawn in it (`CardOccupancy`) stays under a limit, on every
/// preset, for the default report and corpus events of different shapes.
@Suite("Card bands")
struct CardBandTests {
    static func report(_ path: String) -> Report {
        let result = ReportLoader().load(directory: TestSupport.path(path))
        guard let report = result.report else { fatalError("\(result.diagnostics)") }
        return report
    }

    static let reports: [(name: String, report: Report)] = [
        "Reports/ningbo-2022", "Tests/Corpus/lanshan-2025", "Tests/Corpus/tingzhou-2023",
        "Tests/Corpus/qinglan-2024", "Tests/Corpus/haicheng-2024", "Tests/Corpus/donglin-2025",
    ].map { (String($0.split(separator: "/").last!), report($0)) }

    /// The tallest empty band a card of each preset may have, in card pixels. Each is what
    /// the preset's design leaves on purpose and no more:
    /// - square: its title area holds the rank and three lines of title; a one-line title
    ///   leaves two lines of leading (2 × 84 px) and the gap above the hero: 184 px.
    /// - portrait, story: without a photo or chart the hero floats between the title and
    ///   the footer; the room left is shared above and below it (about a fifth of the card).
    /// - og: the rank sits top left and a one-line title bottom left; between them 196 px.
    /// - wechat-cover: the hero is centred in its 319 px wing; a lone figure leaves 113 px
    ///   above and below.
    /// Before these cards were laid out by what each event holds, the worst were 296 px
    /// (square: an empty half), 758 (portrait), 738 (story), 446 (og) and 319 (wechat-cover).
    static let limits: [String: Double] = ["square": 200, "portrait": 300, "story": 320, "og": 200, "wechat-cover": 120]

    /// Events with something to show besides their title: a figure, a summary, a photo or a chart.
    static func hasContent(_ event: Event) -> Bool {
        !event.figures.isEmpty || event.summary != nil || event.image != nil || !event.charts.isEmpty
    }

    @Test("every card of the default report and the corpus keeps its tallest empty band under the preset's limit",
          arguments: Cards.presets)
    func corpus(preset: String) throws {
        let layout = try Cards.layout(preset)
        let limit = try #require(Self.limits[preset])
        var measured = 0
        for (name, report) in Self.reports {
            // donglin-2025 has 200 events: every fifth is enough to meet all its shapes.
            let events = name == "donglin-2025" ? report.events.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
                : report.events
            for event in events where Self.hasContent(event) {
                let page = try layout.page(report: report, event: event)
                let band = try #require(layout.occupancy(page).largest)
                #expect(band.height <= limit, "\(preset) \(name) \(event.id): \(Int(band.height))px empty at y \(Int(band.top)) in region \(band.region)")
                measured += 1
            }
        }
        #expect(measured > 80)
    }

    @Test("events of every shape: no figure, one figure, two, a long title, no photo, no summary", arguments: Cards.presets)
    func shapes(preset: String) throws {
        let layout = try Cards.layout(preset)
        let limit = try #require(Self.limits[preset])
        let report = TestSupport.defaultReport
        let base = try #require(report.events.first { $0.id == "yongjiang-zone" }) // two figures, a summary
        var shapes: [(String, Event)] = [("two figures", base)]
        var one = base
        one.figures = Array(base.figures.prefix(1))
        shapes.append(("one figure", one))
        var none = base
        none.figures = []
        shapes.append(("no figure", none))
        var bare = one
        bare.summary = nil
        shapes.append(("one figure, no summary", bare))
        shapes.append(("long title", Cards.event(title: "宁波市ICT产业联盟联合华为、中兴在2022年建成1200个5G+工业互联网场景", from: base)))
        let qinglan = try #require(Self.reports.first { $0.name == "qinglan-2024" }?.report)
        var noPhoto = try #require(qinglan.events.first { $0.image != nil })
        noPhoto.image = nil
        shapes.append(("photo removed", noPhoto))
        for (shape, event) in shapes {
            let owner = shape == "photo removed" ? qinglan : report
            let page = try layout.page(report: owner, event: event)
            let band = try #require(layout.occupancy(page).largest)
            #expect(band.height <= limit, "\(preset), \(shape): \(Int(band.height))px empty at y \(Int(band.top))")
        }
    }

    @Test("the measure finds the gap between two things drawn, and the empty end of a region")
    func measure() {
        let size = Size(width: 400, height: 400)
        let bar = { (y: Double, h: Double) in Item.shape(Shape(path: .rect(Rect(x: 10, y: y, width: 100, height: h)), fill: .black)) }
        let art = Item.clipped(Rect(x: 0, y: 0, width: 400, height: 400),
                               [.shape(Shape(path: .rect(Rect(x: 0, y: 0, width: 400, height: 400)), fill: .black))])
        let page = Page(size: size, items: [art, bar(0, 40), bar(140, 20)])
        let regions = [Rect(x: 0, y: 0, width: 200, height: 200), Rect(x: 250, y: 0, width: 100, height: 300)]
        let bands = CardOccupancy(page: page, regions: regions).bands
        // Region 0: the gap 40…140 (the end 160…200 is shorter); the art does not count.
        #expect(abs(bands[0].height - 100) <= 2 && abs(bands[0].top - 40) <= 2, "\(bands[0])")
        // Region 1: nothing reaches into it: all of it is empty.
        #expect(bands[1].height == 300)
    }

    /// Prints every card's tallest band (FOLIO_CARD_BANDS=1 swift test --filter CardBandTests).
    @Test("survey", .enabled(if: ProcessInfo.processInfo.environment["FOLIO_CARD_BANDS"] != nil))
    func survey() throws {
        for preset in Cards.presets {
            let layout = try Cards.layout(preset)
            for (name, report) in Self.reports {
                let events = name == "donglin-2025" ? Array(report.events.prefix(40)) : report.events
                var worst: [(Double, String)] = []
                for event in events {
                    let page = try layout.page(report: report, event: event)
                    let band = try #require(layout.occupancy(page).largest)
                    worst.append((band.height, "\(event.id)\(Self.hasContent(event) ? "" : "(title only)") r\(band.region)@\(Int(band.top))"))
                }
                worst.sort { $0.0 > $1.0 }
                let mean = worst.map(\.0).reduce(0, +) / Double(max(1, worst.count))
                print("BANDS \(preset) \(name) n=\(worst.count) mean=\(Int(mean)) "
                      + worst.prefix(6).map { "\(Int($0.0)) \($0.1)" }.joined(separator: "; "))
            }
        }
    }
}
