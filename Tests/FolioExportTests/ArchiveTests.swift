import FolioCore
@testable import FolioExport
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// `--archive`: the screen brochure as PDF/A-2u and PDF/UA-1 at once. No PDF/A validator
/// is installable from Debian or PyPI here (veraPDF is Java and not packaged), so this
/// checks the rules of ISO 19005-2 that a script can read, over pikepdf: the rules listed
/// in `rulesScript`, and nothing more is claimed (docs/pdf.md).
@Suite("PDF/A-2u archive option", .serialized)
struct ArchiveTests {
    static let rulesScript = #"""
    import io, re, sys, pikepdf
    from PIL import ImageCms
    path = sys.argv[1]
    raw = open(path, "rb").read()
    problems = []
    def bad(rule, what): problems.append(rule + ": " + what)
    m = re.match(rb"%PDF-1\.([0-7])\r?\n%([\x80-\xff]{4})", raw)
    if not m: bad("6.1.2", "header is not %PDF-1.n (n <= 7) then a comment of 4 bytes above 127")
    pdf = pikepdf.open(path)
    if "/ID" not in pdf.trailer: bad("6.1.3", "no file ID")
    if "/Encrypt" in pdf.trailer: bad("6.1.3", "encrypted")
    root = pdf.Root
    intents = [i for i in root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1: bad("6.2.3", "not exactly one GTS_PDFA1 output intent")
    else:
        icc = intents[0].DestOutputProfile
        if int(icc.get("/N", 0)) != 3: bad("6.2.3", "the profile's /N is not 3")
        prof = ImageCms.ImageCmsProfile(io.BytesIO(icc.read_bytes())).profile
        if prof.xcolor_space.strip() != "RGB" or prof.device_class not in ("mntr", "prtr"): bad("6.2.3", "not an RGB output or monitor profile")
    meta = root.Metadata
    if "/Filter" in meta: bad("6.6.2.1", "the metadata stream is filtered")
    xmp = meta.read_bytes().decode("utf-8")
    import xml.dom.minidom
    xml.dom.minidom.parseString(xmp.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    def tag(name):
        m = re.search(r"<%s>(.*?)</%s>" % (name, name), xmp, re.S)
        return m.group(1) if m else None
    def li(name):
        v = tag(name)
        m = re.search(r"<rdf:li[^>]*>(.*?)</rdf:li>", v or "", re.S)
        return m.group(1) if m else None
    if tag("pdfaid:part") != "2" or tag("pdfaid:conformance") != "U": bad("6.6.4", "no pdfaid:part 2 / conformance U")
    if tag("pdfuaid:part") != "1": bad("PDF/UA 5", "no pdfuaid:part 1")
    if "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" not in xmp or "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" not in xmp:
        bad("6.6.2.3", "pdfuaid is used and not described by an extension schema")
    predefined = {"x", "rdf", "dc", "xmp", "pdf", "xmpMM", "pdfaid", "pdfuaid", "pdfaExtension", "pdfaSchema", "pdfaProperty", "xml"}
    for prefix in set(re.findall(r"<([A-Za-z]+):", xmp)) - predefined: bad("6.6.2.3", "undescribed schema " + prefix)
    info = pdf.trailer.Info
    def unescape(s): return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
    pairs = [("/Title", li("dc:title")), ("/Author", li("dc:creator")), ("/Subject", li("dc:description")),
             ("/Keywords", tag("pdf:Keywords")), ("/Creator", tag("xmp:CreatorTool")), ("/Producer", tag("pdf:Producer"))]
    for key, value in pairs:
        if key in info and (value is None or str(info[key]) != unescape(value)): bad("6.6.3", key + " differs from the XMP")
    for key, name in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if key in info:
            d = re.sub(r"\D", "", str(info[key]))
            x = re.sub(r"\D", "", tag(name) or "")
            if not d.startswith(x[:len(d)].rstrip("0")) or not x.startswith(d.rstrip("0")[:len(x)]): bad("6.6.3", key + " differs from " + name)
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)): continue
        d = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        if d.get("/Interpolate") == True: bad("6.2.8.1", "an image with /Interpolate true")
        if "/JS" in d or d.get("/S") == "/JavaScript": bad("6.6.1", "JavaScript")
        filters = d.get("/Filter")
        if filters is not None and "/LZWDecode" in [str(f) for f in (filters if isinstance(filters, pikepdf.Array) else [filters])]: bad("6.1.7", "LZW")
        if d.get("/Type") == "/ExtGState" or "/ca" in d:
            if "/TR" in d or ("/TR2" in d and d.TR2 != "/Default"): bad("6.2.5", "a transfer function")
            if "/BM" in d and str(d.BM) not in ("/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten"): bad("6.2.10", "blend mode " + str(d.BM))
    if "/Names" in root and "/EmbeddedFiles" in root.Names: bad("6.8", "embedded files")
    if "/AA" in root or "/OpenAction" in root and "/JS" in root.OpenAction: bad("6.6.1", "catalog actions")
    fonts = {}
    for n, page in enumerate(pdf.pages):
        for a in page.get("/Annots", []):
            f = int(a.get("/F", 0))
            if not f & 4 or f & (1 | 2 | 32): bad("6.3.2", "page %d: an annotation not printed or hidden" % (n + 1))
        translucent = any(float(g.get("/ca", 1)) < 1 or float(g.get("/CA", 1)) < 1 for g in (page.Resources.get("/ExtGState") or {}).values())
        if translucent and ("/Group" not in page or page.Group.get("/CS") != "/DeviceRGB"): bad("6.2.10", "page %d: transparency without an sRGB group" % (n + 1))
        names = {str(k): v for k, v in (page.Resources.get("/Font") or {}).items()}
        for font in names.values(): fonts.setdefault(font.objgen, (font, set()))
        current = None
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "Tf": current = names[str(operands[0])]
            elif str(op) in ("TJ", "Tj"):
                for item in (operands[0] if str(op) == "TJ" else [operands[0]]):
                    if isinstance(item, pikepdf.String):
                        b = bytes(item)
                        fonts[current.objgen][1].update(b[i] << 8 | b[i + 1] for i in range(0, len(b) - 1, 2))
    for font, shown in fonts.values():
        cid = font.DescendantFonts[0]
        fd = cid.FontDescriptor
        if not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")): bad("6.2.11.4", str(font.BaseFont) + " not embedded")
        if "/ToUnicode" not in font: bad("6.2.11.7", str(font.BaseFont) + " has no ToUnicode"); continue
        mapped = set(int(m, 16) for m in re.findall(rb"<([0-9A-Fa-f]{4})> <[0-9A-Fa-f]+>", font.ToUnicode.read_bytes()))
        if 0 in shown: bad("6.2.11.8", str(font.BaseFont) + " shows .notdef")
        unmapped = sorted(c for c in shown if c not in mapped)
        if unmapped: bad("6.2.11.7.2", "%s: glyphs shown without Unicode %s" % (font.BaseFont, unmapped[:5]))
    if sum(len(shown) for _, shown in fonts.values()) == 0: bad("test", "no glyph found in the content streams")
    print("\n".join(problems) if problems else "OK %d fonts" % len(fonts))
    """#

    static func check(_ path: String) throws -> String {
        let result = try TestSupport.run("python3", ["-c", rulesScript, path])
        if result.stderr.contains("No module named") { throw AccessibilityFixtures.CheckerMissing(tool: "pikepdf, pillow (PyPI)") }
        return result.stdout + result.stderr
    }

    static func archive(_ layout: String) throws -> String {
        let document = try AccessibilityFixtures.document(TestSupport.defaultReport, layout: layout)
        let data = try PDFExporter().export(document, options: .init(archive: true))
        let path = (AccessibilityFixtures.directory as NSString).appendingPathComponent("archive-\(layout).pdf")
        #expect(FileManager.default.createFile(atPath: path, contents: data))
        return path
    }

    @Test("--archive: the PDF/A-2u rules a script can check hold, and both PDF/UA checkers still find nothing",
          arguments: ["brochure", "brochure-16k"])
    func archiveRules(_ layout: String) throws {
        let path = try Self.archive(layout)
        let verdict = try Self.check(path)
        #expect(verdict.hasPrefix("OK "), "\(verdict)")
        for checker in [try AccessibilityFixtures.outloud(path), try AccessibilityFixtures.pdfua(path)] {
            #expect(checker.errors == 0 && checker.warnings == 0, "\(checker.output)")
        }
    }

    @Test("the rules catch what they check: the plain screen file claims no PDF/A and fails them")
    func plainFileFails() throws {
        let path = try AccessibilityFixtures.brochure(TestSupport.defaultReport, layout: "brochure", name: "not-archive")
        let verdict = try Self.check(path)
        #expect(verdict.contains("6.2.3") && verdict.contains("6.6.4"), "\(verdict)")
        let xmp = try String(contentsOfFile: path, encoding: .isoLatin1)
        #expect(!xmp.contains("pdfaid:part") && !xmp.contains("GTS_PDFA1"))
    }
}
