import Foundation
import FolioGraphics
import FolioLayout
import FolioModel

/// Finds characters no font of the set can draw, naming the event, field, character and
/// code point.
struct CoverageCheck {
    let fonts: FontSet
    let layout: LayoutSpec

    /// Every problem of `report`, without a memo.
    func check(_ report: Report) -> [Diagnostic] {
        var memo = CoverageMemo()
        return check(report, memo: &memo)
    }

    /// Every problem of `report`; texts found drawable are remembered in `memo`, and texts
    /// `memo` already holds are not checked again (a watching process checks only the text
    /// that changed).
    func check(_ report: Report, memo: inout CoverageMemo) -> [Diagnostic] {
        let role = layout.fonts["serif"] ?? layout.fonts.values.sorted { $0.family < $1.family }.first
        let spec = FontSpec(family: role?.family ?? "Noto Serif CJK SC", weight: role?.weight ?? 400, size: 10)
        var out: [Diagnostic] = []
        for f in ReportTexts.fields(of: report) {
            if memo.isClean(f.text, spec) { continue }
            var seen: Set<Unicode.Scalar> = []
            defer { if seen.isEmpty { memo.markClean(f.text, spec) } }
            for m in fonts.missingCharacters(in: f.text, font: spec) where seen.insert(m.scalar).inserted {
                let code = String(format: "U+%04X", m.scalar.value)
                out.append(.error("missing-glyph", at: f.location?.moved(to: m.scalar),
                                  "\(f.owner): `\(f.field)` has the character \(Quoting.code(String(Character(m.scalar)))) (\(code)), which no font in Folio's set can draw",
                                  hint: "replace it (e.g. with a common form of the character), or add a font that has it to Fonts/"))
            }
        }
        return out
    }
}
