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

    static let reports: [String: Report] = {
        var all: [String: Report] = [:]
        for path in ["Reports/ningbo-2022", "Tests/Corpus/lanshan-2025", "Tests/Corpus/tingzhou-2023",
                     "Tests/Corpus/qinglan-2024", "Tests/Corpus/haicheng-2024", "Tests/Corpus/donglin-2025"] {
            all[String(path.split(separator: "/").last!)] = report(path)
        }
        return all
    }()

    /// Prints every card's tallest band (FOLIO_CARD_BANDS=1 swift test --filter CardBandTests).
    @Test("survey", .enabled(if: ProcessInfo.processInfo.environment["FOLIO_CARD_BANDS"] != nil))
    func survey() throws {
        for preset in Cards.presets {
            let layout = try Cards.layout(preset)
            for (name, report) in Self.reports.sorted(by: { $0.key < $1.key }) {
                let events = name == "donglin-2025" ? Array(report.events.prefix(40)) : report.events
                var worst: [(Double, String)] = []
                for event in events {
                    let page = try layout.page(report: report, event: event)
                    let band = try #require(layout.occupancy(page).largest)
                    worst.append((band.height, "\(event.id) r\(band.region)@\(Int(band.top))"))
                }
                worst.sort { $0.0 > $1.0 }
                let mean = worst.map(\.0).reduce(0, +) / Double(max(1, worst.count))
                print("BANDS \(preset) \(name) n=\(worst.count) mean=\(Int(mean)) "
                      + worst.prefix(6).map { "\(Int($0.0)) \($0.1)" }.joined(separator: "; "))
            }
        }
    }
}
