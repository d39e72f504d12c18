import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// `when:` has one list of conditions and one meaning for templates, frames and blocks.
@Suite("when: conditions")
struct ConditionTests {
    static let square = (try? String(contentsOfFile: TestSupport.path("Layouts/cards/square.yaml"), encoding: .utf8)) ?? ""

    @Test("a misspelt condition on a frame or a block is an error with a did-you-mean")
    func misspelt() throws {
        var yaml = Self.square.replacingOccurrences(of: "when: [no-figure, has-media]", with: "when: [no-figuer, has-media]")
        yaml = yaml.replacingOccurrences(of: "style: date, optional: true}", with: "style: date, optional: true, when: has-imgae}")
        do {
            _ = try Cards.layout(yaml: yaml)
            Issue.record("a layout with unknown conditions was accepted")
        } catch let error as LayoutError {
            let bad = error.diagnostics.filter { $0.message.contains("when '") }
            #expect(bad.count == 2, "\(error.diagnostics.map(\.description))")
            #expect(bad.contains { $0.message.contains("has-imgae") && $0.hint?.contains("did you mean 'has-image'") == true })
            #expect(bad.contains { $0.message.contains("no-figuer") && $0.hint?.contains("did you mean 'no-figure'") == true })
        }
    }

    @Test("conditions mean the same on a frame, a block and a template", arguments: Condition.names)
    func oneMeaning(name: String) throws {
        let report = TestSupport.defaultReport
        for event in report.events {
            let facts = Condition.Facts(report: report, event: event, page: 3, rankLimit: 20)
            let held = Condition.holds(name, facts)
            if name.hasPrefix("no-") {
                #expect(held == !Condition.holds("has-" + name.dropFirst(3), facts))
            }
            switch name {
            case "has-image": #expect(held == (event.image != nil))
            case "has-figure": #expect(held == !event.figures.isEmpty)
            case "ranked": #expect(held) // 10 events, rank-limit 20
            case "single": #expect(!held)
            case "odd": #expect(held)
            default: break
            }
        }
    }

    @Test("a frame with when: shows only where it holds")
    func frameWhen() throws {
        let yaml = Self.square.replacingOccurrences(
            of: "      # Footer.\n",
            with: "      # Footer.\n      - {type: text, box: [0, 300px, 300px, 40px], content: \"MARK-PHOTO\", style: date, when: has-image}\n")
        let layout = try Cards.layout(yaml: yaml)
        let report = TestSupport.defaultReport
        let without = try layout.page(report: report, event: report.events[0])
        #expect(!Cards.text(without.items).contains("MARK-PHOTO"))
        var event = report.events[0]
        event.image = ImageRef(path: "x.jpg", absolutePath: TestSupport.path("Tests/Corpus/qinglan-2024/images/science-city.jpg"))
        let with = try layout.page(report: report, event: event)
        #expect(Cards.text(with.items).contains("MARK-PHOTO"))
    }
}
