import FolioLayout
import FolioModel
import FolioText

/// `folio check`: the input validated, nothing written.
extension Builder {
    /// Checks the input without writing anything: data, layouts, fonts, and whether
    /// everything fits its frames.
    /// With `layout: false`, stops after the data, layouts, fonts and images (no page is
    /// laid out), for quick checks such as fuzzing.
    public func check(_ options: BuildOptions, layout: Bool = true) throws -> [Diagnostic] {
        let inputs = try load(options)
        var diagnostics = inputs.warnings
        let generation = try self.generation()
        let fonts = generation.fonts
        let composer = Composer(fonts: fonts, cache: generation.shaping)
        diagnostics += CoverageCheck(fonts: fonts, layout: inputs.layout).check(inputs.report)
        let images = ImageCheck().check(inputs.report)
        diagnostics += images
        // Layout reads the images too: stop before it when one cannot be read.
        if images.hasErrors || !layout {
            if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
            return diagnostics
        }
        do {
            let typesetter = try Typesetter(spec: inputs.layout, composer: composer)
            do { _ = try BrochureLayout(typesetter: typesetter).document(for: inputs.report) } catch let e as LayoutError {
                diagnostics += e.diagnostics // and the cards are checked too: every problem in one run
            }
            for card in inputs.cards {
                let t = try Typesetter(spec: card, composer: composer)
                for event in inputs.report.events {
                    do { _ = try CardLayout(typesetter: t).page(report: inputs.report, event: event) } catch let e as LayoutError {
                        diagnostics += e.diagnostics
                    }
                }
            }
        } catch let e as LayoutError {
            diagnostics += e.diagnostics
        }
        diagnostics = CardDiagnostics.merge(diagnostics) // one per cause, not one per card
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        return diagnostics
    }
}
