import FolioCore
@testable import FolioExport
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// The ¼-em Han–Latin gap (and any gap of a tenth of an em or more after a glyph, such as
/// letter spacing) is written as part of a widened copy of the glyph before it: a second
/// font resource whose program and `/W` agree (PDF/UA-1 7.21.5, PDF/A-2 6.2.11.5), so
/// MuPDF, which measures gaps against the program's advances, invents no space.
@Suite("Gaps written as glyph advances", .serialized)
struct GlyphGapTests {
    /// For every Type 0 font: each glyph's `/W` width against its advance in the embedded
    /// CFF program (fontTools, installed by `make test-deps`).
    static let widthsScript = #"""
    import io, sys, pikepdf
    from fontTools.cffLib import CFFFontSet
    from fontTools.pens.basePen import NullPen
    pdf = pikepdf.open(sys.argv[1])
    seen = set()
    for page in pdf.pages:
        for name, font in (page.Resources.get("/Font") or {}).items():
            if font.objgen in seen: continue
            seen.add(font.objgen)
            cid = font.DescendantFonts[0]
            widths, w, i = {}, list(cid.get("/W", [])), 0
            while i < len(w):
                first = int(w[i])
                if isinstance(w[i + 1], pikepdf.Array):
                    for k, v in enumerate(w[i + 1]): widths[first + k] = float(v)
                    i += 2
                else:
                    for c in range(first, int(w[i + 1]) + 1): widths[c] = float(w[i + 2])
                    i += 3
            dw = float(cid.get("/DW", 1000))
            cff = CFFFontSet(); cff.decompile(io.BytesIO(cid.FontDescriptor.FontFile3.read_bytes()), None)
            top = cff[cff.fontNames[0]]
            upem = 1 / float(top.FontMatrix[0])
            checked = 0
            for gname in top.charset:
                if gname == ".notdef": continue
                cs = top.CharStrings[gname]
                cs.draw(NullPen())
                advance, expected = cs.width * 1000 / upem, widths.get(int(gname[3:]), dw)
                checked += 1
                if abs(advance - expected) > 0.5: print("MISMATCH", str(name), gname, advance, expected)
            print("FONT", str(name), checked)
    """#

    @Test("every glyph's /W is its advance in the embedded program, in the widened fonts too")
    func widthsAgree() throws {
        let path = try AccessibilityFixtures.brochure(TestSupport.defaultReport, layout: "brochure", name: "gap-widths")
        let result = try TestSupport.run("python3", ["-c", Self.widthsScript, path])
        if result.stderr.contains("No module named") { throw AccessibilityFixtures.CheckerMissing(tool: "fonttools and pikepdf (PyPI)") }
        let lines = result.stdout.split(separator: "\n")
        let fonts = lines.filter { $0.hasPrefix("FONT ") }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(lines.filter { $0.hasPrefix("MISMATCH") }.isEmpty, "\(result.stdout)")
        // The widened copies exist (named `F…w<pad>`) and were checked glyph by glyph.
        let widened = fonts.filter { $0.split(separator: " ")[1].contains("w") }
        #expect(!widened.isEmpty && widened.allSatisfy { Int($0.split(separator: " ")[2]) ?? 0 > 0 }, "\(result.stdout)")
    }

    @Test("MuPDF's text has no Han–Latin space poppler's has not, on every page of both layouts",
          arguments: ["brochure", "brochure-16k"])
    func mupdfInventsNoSpace(_ layout: String) throws {
        let path = try AccessibilityFixtures.brochure(TestSupport.defaultReport, layout: layout, name: "gaps-\(layout)")
        let document = try AccessibilityFixtures.document(TestSupport.defaultReport, layout: layout)
        var compared = 0
        for page in 1...document.pages.count {
            let fromMuPDF = AccessibilityFixtures.inventedSpaces(try AccessibilityFixtures.mupdf(path, page: page))
            let fromPoppler = AccessibilityFixtures.inventedSpaces(try AccessibilityFixtures.poppler(path, page: page))
            // A space between Han and Latin that the data has (a chart's 「2025年目标 10000家」)
            // is in both; one MuPDF alone gives is invented.
            #expect(Set(fromMuPDF).isSubset(of: Set(fromPoppler)), "page \(page): MuPDF invents \(Set(fromMuPDF).subtracting(fromPoppler))")
            compared += 1
        }
        #expect(compared == document.pages.count && compared >= 8)   // the 16K brochure of the default report has 8 pages
    }
}
