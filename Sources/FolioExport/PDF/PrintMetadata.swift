import FolioCore

/// The XMP metadata packet of the PDF/X-4 print file (ISO 15930-7 asks for it): the
/// PDF/X version, title, creator, dates equal to the Info dictionary's, trapping state,
/// and the document and version ids. Everything comes from the document's information,
/// so the same document gives the same bytes.
enum PrintMetadata {
    /// The PDF/X version this file claims.
    static let pdfxVersion = "PDF/X-4"

    static func xmp(_ info: DocumentInfo) -> [UInt8] {
        let digits = String(info.creationDate.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        let date: String
        if digits.count >= 8 {
            let d = Array(digits)
            date = String(d[0..<4]) + "-" + String(d[4..<6]) + "-" + String(d[6..<8]) + "T00:00:00Z"
        } else {
            date = String(digits.prefix(4))
        }
        let seed = info.title + "\u{0}" + info.author + "\u{0}" + info.creationDate
        let a = hex(fnv64(seed)), b = hex(fnv64(Array(seed.utf8), seed: 0x8422_2325_cbf2_9ce4))
        let parts: [String] = [String(a.prefix(8)), String(a.dropFirst(8).prefix(4)), String(a.suffix(4)),
                               String(b.prefix(4)), String(b.suffix(12))]
        let uuid = "uuid:" + parts.joined(separator: "-")
        var keywords = ""
        if !info.keywords.isEmpty { keywords = "<pdf:Keywords>\(escape(info.keywords.joined(separator: ", ")))</pdf:Keywords>\n" }
        var subject = ""
        if !info.subject.isEmpty {
            subject = "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(info.subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        let text = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" \
        xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
        <dc:format>application/pdf</dc:format>
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(escape(info.title))</rdf:li></rdf:Alt></dc:title>
        <dc:creator><rdf:Seq><rdf:li>\(escape(info.author))</rdf:li></rdf:Seq></dc:creator>
        \(subject)<xmp:CreateDate>\(date)</xmp:CreateDate>
        <xmp:ModifyDate>\(date)</xmp:ModifyDate>
        <xmp:MetadataDate>\(date)</xmp:MetadataDate>
        <xmp:CreatorTool>\(escape(info.creator))</xmp:CreatorTool>
        <pdf:Producer>Folio</pdf:Producer>
        \(keywords)<pdf:Trapped>False</pdf:Trapped>
        <xmpMM:DocumentID>\(uuid)</xmpMM:DocumentID>
        <xmpMM:InstanceID>\(uuid)</xmpMM:InstanceID>
        <xmpMM:VersionID>1</xmpMM:VersionID>
        <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
        <pdfxid:GTS_PDFXVersion>\(pdfxVersion)</pdfxid:GTS_PDFXVersion>
        </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
        return Array(text.utf8)
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
