import ArgumentParser
import FolioBuild
import FolioLayout
import FolioModel
import Foundation

struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts",
        abstract: "List the brochure layouts and card presets, with their sizes.",
        discussion: """
        Brochure layouts are in Layouts/, card presets in Layouts/cards/. Sizes are the \
        trim size in millimetres for a brochure and the pixels at --scale 1 for a card. \
        Choose a layout with `layout:` in report.yaml or --layout; card presets with \
        `cards:` or --cards. Every key of a layout: docs/layouts.md; the cards: docs/cards.md.

        Examples:
          folio layouts
          folio layouts --diagnostics json                # problems in the layouts, for editors
          folio build Reports/ningbo-2022 --layout brochure-16k --cards square,og
        """
    )

    @OptionGroup var output: OutputOptions

    func run() throws {
        let console = Console(output)
        let resources = console.resources(writes: false)
        let loader = LayoutLoader(directory: resources.layoutsDirectory)
        var problems: [Diagnostic] = []
        func rows(_ names: [String], card: Bool) -> [(String, String, String)] {
            names.compactMap { name in
                let (spec, d) = loader.load(name: name, card: card)
                problems += d.filter { $0.severity == .error }
                guard let spec else { return nil }
                return (name, Self.size(spec), spec.description.isEmpty ? Self.firstComment(spec.file) : spec.description)
            }
        }
        let brochures = rows(loader.brochureNames(), card: false)
        let cards = rows(loader.cardNames(), card: true)
        let width = (brochures + cards).map(\.0.count).max() ?? 0
        let sizeWidth = (brochures + cards).map(\.1.count).max() ?? 0
        func show(_ title: String, _ list: [(String, String, String)]) {
            console.info(title)
            for (name, size, text) in list {
                console.info("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(size.padding(toLength: sizeWidth, withPad: " ", startingAt: 0))  \(text)")
            }
        }
        show("brochure layouts (\(DisplayPath.relative(resources.layoutsDirectory))/):", brochures)
        show("card presets (\(DisplayPath.relative((resources.layoutsDirectory as NSString).appendingPathComponent("cards")))/):", cards)
        if !problems.isEmpty || output.diagnostics == .json {
            console.diagnostics(problems)
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// Trim size in mm for a brochure, pixels for a card.
    static func size(_ spec: LayoutSpec) -> String {
        if spec.kind == .card {
            return "\(Int(spec.page.size.width.rounded()))×\(Int(spec.page.size.height.rounded())) px"
        }
        func mm(_ points: Double) -> String {
            let value = points / 72 * 25.4
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        }
        return "\(mm(spec.page.size.width))×\(mm(spec.page.size.height)) mm"
    }

    /// The first comment line of a layout file, without the `#`.
    static func firstComment(_ path: String) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { return trimmed.drop { $0 == "#" || $0 == " " }.description }
            if !trimmed.isEmpty { break }
        }
        return ""
    }
}
