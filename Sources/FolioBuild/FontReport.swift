import FolioCore
import FolioGraphics
import FolioLayout
import FolioModel
import Foundation

/// Which face serves each font role of a layout and its card presets, and whether those
/// faces draw every character of a report: what `folio fonts` prints.
public struct FontReport: Sendable {
    /// One font role of one layout.
    public struct Role: Sendable {
        /// The layout or card preset, and whether it is a card preset.
        public var layout: String
        public var card: Bool
        public var role: String
        public var family: String
        public var weight: Int
        /// The face fontconfig serves for the role.
        public var face: ServedFace
        /// Characters of the report the face lacks that another face of the set draws,
        /// with the file that draws each.
        public var fallback: [(scalar: Unicode.Scalar, file: String)]
        /// Characters of the report no face of the set draws.
        public var missing: [Unicode.Scalar]
    }

    public var roles: [Role]
    /// Distinct characters of the report checked (spaces and control characters aside);
    /// 0 when no report was given.
    public var characters: Int
    /// Where the characters no face draws are written (event, field, line).
    public var diagnostics: [Diagnostic]

    /// Every character no face of the set draws, in order of code point.
    public var missing: [Unicode.Scalar] {
        Array(Set(roles.flatMap(\.missing))).sorted { $0.value < $1.value }
    }
}

extension Builder {
    /// The fonts of a layout and card presets: the report's (`options.reportDirectory`),
    /// or with `report: false` the layout `options.layout` (default brochure) and every
    /// card preset, without a report.
    public func fontReport(_ options: BuildOptions, report withReport: Bool = true) throws -> FontReport {
        var layouts: [LayoutSpec] = []
        var report: Report?
        if withReport {
            let inputs = try load(options)
            report = inputs.report
            layouts = [inputs.layout] + inputs.cards
        } else {
            let loader = LayoutLoader(directory: resources.layoutsDirectory)
            var diagnostics: [Diagnostic] = []
            let names = [(options.layout ?? "brochure", false)] + loader.cardNames().map { ($0, true) }
            for (name, card) in names {
                let (spec, d) = loader.load(name: name, card: card)
                diagnostics += d
                if let spec { layouts.append(spec) }
            }
            if diagnostics.hasErrors { throw BuildError.input(diagnostics) }
        }
        let fonts = try generation().fonts
        var scalars = Set<Unicode.Scalar>()
        if let report {
            for f in ReportTexts.fields(of: report) {
                for s in f.text.unicodeScalars where !s.properties.isWhitespace && s.value >= 0x20 && !(0x7F...0x9F).contains(s.value) {
                    scalars.insert(s)
                }
            }
        }
        let sample = String(String.UnicodeScalarView(scalars.sorted { $0.value < $1.value }))
        var roles: [FontReport.Role] = []
        for layout in layouts {
            for (name, role) in layout.fonts.sorted(by: { $0.key < $1.key }) {
                let spec = FontSpec(family: role.family, weight: role.weight, size: 10)
                let face = fonts.servedFace(for: spec)
                let shaped = fonts.shape(sample, font: spec)
                let utf8 = Array(sample.utf8)
                var fallback: [Int: String] = [:]
                for glyph in shaped.glyphs where glyph.font != face.ref {
                    fallback[glyph.cluster] = glyph.font.file
                }
                let missing = Set(shaped.missing.map(\.scalar))
                let fallbackScalars = fallback.sorted { $0.key < $1.key }.compactMap { offset, file -> (Unicode.Scalar, String)? in
                    guard let s = Self.scalar(in: utf8, at: offset), !missing.contains(s) else { return nil }
                    return (s, file)
                }
                roles.append(FontReport.Role(layout: layout.name, card: layout.kind == .card, role: name,
                                             family: role.family, weight: role.weight, face: face,
                                             fallback: fallbackScalars, missing: missing.sorted { $0.value < $1.value }))
            }
        }
        let diagnostics = report.map { CoverageCheck(fonts: fonts, layout: layouts[0]).check($0) } ?? []
        return FontReport(roles: roles, characters: scalars.count, diagnostics: diagnostics)
    }

    private static func scalar(in utf8: [UInt8], at offset: Int) -> Unicode.Scalar? {
        guard offset < utf8.count else { return nil }
        var end = offset + 1
        while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: utf8[offset..<end], as: UTF8.self).unicodeScalars.first
    }
}
