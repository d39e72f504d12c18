import FolioCore
import FolioLayout
import FolioModel
import Foundation

/// Loading: the report and the layouts it needs, read and checked.
extension Builder {
    /// Everything read from disk and checked, ready to lay out.
    public struct Inputs: Sendable {
        public var report: Report
        public var layout: LayoutSpec
        public var cards: [LayoutSpec]
        public var warnings: [Diagnostic]
    }

    /// Loads and checks the report and the layouts it needs; every problem in one pass.
    /// `extra` diagnostics (e.g. about the output folder) are reported with them.
    public func load(_ options: BuildOptions, extra: [Diagnostic] = []) throws -> Inputs {
        let loaded = ReportLoader().load(directory: options.reportDirectory)
        var diagnostics = extra + loaded.diagnostics
        let loader = LayoutLoader(directory: resources.layoutsDirectory, memo: memo.layouts)
        var layout: LayoutSpec?
        let requested = options.layout == nil ? loaded.requests.layout : nil
        let layoutName = options.layout ?? requested?.name ?? "brochure"
        func badName(_ name: String, _ what: String) -> Bool {
            guard !ReportReader.isIdentifier(name) else { return false }
            diagnostics.append(.error("unknown-layout", at: nil, "there is no \(what) named \(Quoting.code(name))",
                                      hint: "names use a-z, 0-9 and '-', e.g. \(what == "layout" ? "brochure" : "square")"))
            return true
        }
        if options.brochure || options.layout != nil || requested != nil, !badName(layoutName, "layout") {
            let (spec, d) = loader.load(name: layoutName, card: false, requestedAt: requested?.location)
            diagnostics += d
            layout = spec
        }
        var cards: [LayoutSpec] = []
        if options.cards {
            let names: [(name: String, location: SourceLocation?)] = options.cardPresets.map { $0.map { ($0, nil) } }
                ?? (loaded.requests.cards.isEmpty ? loader.cardNames().map { ($0, nil) } : loaded.requests.cards)
            for (name, location) in names where !badName(name, "card preset") {
                let (spec, d) = loader.load(name: name, card: true, requestedAt: location)
                diagnostics += d
                if let spec {
                    cards.append(spec)
                }
            }
        }
        if let request = loaded.requests.layoutFile { // the report's own brand layout
            let branded = loader.loadBranded(file: request.path, base: options.layout, requestedAt: request.location, cards: cards)
            diagnostics += branded.diagnostics
            if let spec = branded.brochure { layout = spec }
            cards = branded.cards
        }
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        guard let report = loaded.report else { throw BuildError.input(diagnostics) }
        if layout == nil {
            let (spec, d) = loader.load(name: layoutName, card: false)
            if d.hasErrors { throw BuildError.input(diagnostics + d) }
            layout = spec
        }
        guard let layout else { throw BuildError.input(diagnostics) }
        return Inputs(report: report, layout: layout, cards: cards, warnings: diagnostics)
    }
}
