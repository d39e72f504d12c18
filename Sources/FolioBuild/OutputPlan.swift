import FolioLayout
import FolioModel
import Foundation

/// One output a build should have, with the hash of everything it depends on.
struct PlannedOutput: Hashable, Sendable {
    var path: String
    var kind: OutputKind
    var event: String?
    var preset: String?
    var inputs: String
}

/// Every output of a build and its input hash: the brochure depends on the whole report,
/// its layout, the fonts and the tool; a card on its event, the report fields it shows,
/// its preset, the fonts and the tool.
struct OutputPlan: Sendable {
    var outputs: [PlannedOutput] = []

    init(options: BuildOptions, inputs: Builder.Inputs, fontHash: String, tool: String, cache: inout UserCache) {
        let report = inputs.report
        var images = ImageHashes()
        if options.brochure {
            var fp = Fingerprint()
            fp.add("tool", tool)
            fp.add("fonts", fontHash)
            fp.add("layout", cache.layoutHash(inputs.layout, tool: tool))
            fp.addReportHeader(report)
            fp.add("intro", report.intro)
            if let cover = report.cover { fp.add(image: cover, images: &images) }
            for e in report.events { fp.add(event: e, report: report, images: &images) }
            for c in report.charts { fp.add(chart: c) }
            if options.archive { fp.add("archive", "PDF/A-2u") }
            let base = fp.hex
            outputs.append(PlannedOutput(path: "brochure.pdf", kind: .brochure, inputs: base))
            if options.print || inputs.layout.page.print {
                var p = Fingerprint()
                p.add("base", base)
                p.add("marks", String(options.marks))
                p.add("condition", Builder.condition(options, inputs.layout).name)
                outputs.append(PlannedOutput(path: "brochure-print.pdf", kind: .print, inputs: p.hex))
            }
        }
        if options.cards {
            for spec in inputs.cards {
                let preset = cache.layoutHash(spec, tool: tool)
                for e in report.events {
                    var fp = Fingerprint()
                    fp.add("tool", tool)
                    fp.add("fonts", fontHash)
                    fp.add("preset", preset)
                    fp.add("scale", String(options.scale))
                    fp.addReportHeader(report)
                    fp.add(event: e, report: report, images: &images)
                    let name = String(format: "%02d-%@.png", e.rank, e.id)
                    outputs.append(PlannedOutput(path: "cards/\(spec.name)/\(name)", kind: .card, event: e.id,
                                                 preset: spec.name, inputs: fp.hex))
                }
            }
        }
    }

    /// The layout as parsed, without the path it was read from.
    static func canonical(_ spec: LayoutSpec) -> String {
        var copy = spec
        copy.file = ""
        return CanonicalText.describe(copy)
    }
}

extension UserCache {
    /// The SHA-256 of a layout's canonical text (its parsed form: comments and spacing do
    /// not count), remembered by the bytes of its file and the tool that parsed them.
    mutating func layoutHash(_ spec: LayoutSpec, tool: String) -> String {
        guard !spec.file.isEmpty, let bytes = FileManager.default.contents(atPath: spec.file) else {
            return Fingerprint.sha256(Data(OutputPlan.canonical(spec).utf8))
        }
        var key = Fingerprint()
        key.add("tool", tool)
        key.add("layout", Fingerprint.sha256(bytes))
        key.add("brand", spec.brand ?? "") // a report's brand layout and logo change the parsed form too
        let k = key.hex
        if let hit = layouts[k] { return hit }
        let hash = Fingerprint.sha256(Data(OutputPlan.canonical(spec).utf8))
        layouts[k] = hash
        return hash
    }
}
