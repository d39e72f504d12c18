import FolioCore
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

/// Helpers shared by the card tests.
enum Cards {
    static let presets = ["square", "portrait", "story", "wechat-cover", "og"]
    static let sizes: [String: Size] = [
        "square": Size(width: 1080, height: 1080), "portrait": Size(width: 1080, height: 1440),
        "story": Size(width: 1080, height: 1920), "wechat-cover": Size(width: 900, height: 383),
        "og": Size(width: 1200, height: 630),
    ]
    static let composer = Composer(fonts: TestSupport.fonts)

    /// A preset from Layouts/cards (or from `directory`), ready to lay out.
    static func layout(_ name: String, directory: String = TestSupport.path("Layouts")) throws -> CardLayout {
        let (spec, diagnostics) = LayoutLoader(directory: directory).load(name: name, card: true)
        guard let spec else { throw LayoutError(diagnostics) }
        return CardLayout(typesetter: try Typesetter(spec: spec, composer: composer))
    }

    /// A card preset written to a temporary Layouts folder.
    static func layout(yaml: String, name: String = "test") throws -> CardLayout {
        let dir = TestSupport.temporaryDirectory("layouts")
        try FileManager.default.createDirectory(atPath: dir + "/cards", withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: "\(dir)/cards/\(name).yaml"))
        return try layout(name, directory: dir)
    }

    /// The blocks of the card template, across its flows (`flow` first), as `Fitting` counts them.
    static func blocks(_ layout: CardLayout) -> [BlockSpec] {
        guard let template = layout.typesetter.spec.templates["card"] else { return [] }
        return (template.flow?.blocks ?? []) + template.flows.flatMap(\.blocks)
    }

    /// The index of the block that sets the title, across the template's flows.
    static func titleIndex(_ layout: CardLayout) -> Int? {
        blocks(layout).firstIndex { $0.field == "title" }
    }

    /// The default report's first event with another title.
    static func event(title: String, from base: Event = TestSupport.defaultReport.events[0]) -> Event {
        var event = base
        event.title = title
        return event
    }

    /// The generated 40-event report with long titles.
    static let longReport: Report = {
        let loaded = TestSupport.loadReport(yaml: TestSupport.generatedReportYAML(events: 40, longTitles: true))
        guard let report = loaded.report else { fatalError("the generated report does not load: \(loaded.diagnostics)") }
        return report
    }()

    /// The title groups (role H1) of a page.
    static func titleGroups(_ page: Page) -> [Item] {
        page.items.flatMap(\.flattened).filter {
            if case .tagged(let tag, _) = $0 { return tag.role == "H1" }
            return false
        }
    }

    /// The text of every glyph run under `items`, in order.
    static func text(_ items: [Item]) -> String {
        items.flatMap(\.flattened).compactMap { item -> String? in
            if case .text(let run) = item { return run.text }
            return nil
        }.joined()
    }
}
