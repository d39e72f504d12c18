import FolioCore

/// A PDF's XMP metadata packet (ISO 16684-1): the document information again, as the
/// standards read it — `dc:title`, `dc:creator`, `dc:description`, `dc:language`, the
/// dates and producer — plus the claims of conformance the file makes: PDF/UA
/// (`pdfuaid:part`), PDF/A (`pdfaid:part`, `pdfaid:conformance`) and PDF/X
/// (`pdfxid:GTS_PDFXVersion`). Each claim is written only when set, so a file claims
/// only what its writer has checked.
///
/// The values mirror the Info dictionary entry for entry (PDF/A requires them to agree):
/// Title ↔ dc:title, Author ↔ dc:creator, Subject ↔ dc:description, Keywords ↔
/// pdf:Keywords, Creator ↔ xmp:CreatorTool, Producer ↔ pdf:Producer, CreationDate ↔
/// xmp:CreateDate, ModDate ↔ xmp:ModifyDate.
public struct XMPMetadata: Hashable, Sendable {
    public var title: String
    public var creators: [String]
    public var description: String?
    public var keywords: [String]
    /// BCP 47 language of the content ("zh-CN").
    public var language: String?
    /// ISO 8601 date or date-time: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full date-time.
    public var createDate: String
    public var modifyDate: String
    public var creatorTool: String
    public var producer: String
    /// PDF/UA part (1 for ISO 14289-1); nil: no claim.
    public var pdfUAPart: Int?
    /// PDF/A part and conformance level ("B", "U", "A"); nil: no claim.
    public var pdfAPart: Int?
    public var pdfAConformance: String?
    /// PDF/X version ("PDF/X-4"); nil: no claim.
    public var pdfXVersion: String?
    /// `pdf:Trapped` (PDF/X asks for it); nil: not written.
    public var trapped: Bool?
    /// `xmpMM:DocumentID` and `InstanceID` (a `uuid:` URI), with version 1 and the
    /// default rendition class; nil: not written.
    public var documentID: String?

    public init(title: String, creators: [String] = [], description: String? = nil, keywords: [String] = [],
                language: String? = nil, createDate: String, modifyDate: String? = nil, creatorTool: String = "Folio",
                producer: String = "Folio", pdfUAPart: Int? = nil, pdfAPart: Int? = nil, pdfAConformance: String? = nil,
                pdfXVersion: String? = nil) {
        self.title = title
        self.creators = creators
        self.description = description
        self.keywords = keywords
        self.language = language
        self.createDate = createDate
        self.modifyDate = modifyDate ?? createDate
        self.creatorTool = creatorTool
        self.producer = producer
        self.pdfUAPart = pdfUAPart
        self.pdfAPart = pdfAPart
        self.pdfAConformance = pdfAConformance
        self.pdfXVersion = pdfXVersion
    }

    /// The metadata of a PDF/X-4 print file: the information (creator written even when
    /// empty), `pdf:Trapped False`, a document id derived from the information (the same
    /// document gives the same bytes) and the PDF/X version.
    public static func print(_ info: DocumentInfo, pdfXVersion: String) -> XMPMetadata {
        var xmp = XMPMetadata(info, language: nil)
        xmp.creators = [info.author]
        xmp.trapped = false
        xmp.pdfXVersion = pdfXVersion
        let seed = info.title + "\u{0}" + info.author + "\u{0}" + info.creationDate
        let a = hex(fnv64(seed)), b = hex(fnv64(Array(seed.utf8), seed: 0x8422_2325_cbf2_9ce4))
        let parts: [String] = [String(a.prefix(8)), String(a.dropFirst(8).prefix(4)), String(a.suffix(4)),
                               String(b.prefix(4)), String(b.suffix(12))]
        xmp.documentID = "uuid:" + parts.joined(separator: "-")
        return xmp
    }

    /// The metadata of a document's information, with its language; no conformance claim.
    public init(_ info: DocumentInfo, language: String?) {
        let date = Self.xmpDate(info.creationDate)
        self.init(title: info.title, creators: info.author.isEmpty ? [] : [info.author],
                  description: info.subject.isEmpty ? nil : info.subject, keywords: info.keywords, language: language,
                  createDate: date, creatorTool: info.creator, producer: "Folio")
    }

    /// An ISO date of the data as XMP writes it: `YYYY`, `YYYY-MM`, or a whole date at
    /// midnight UTC (the same instant as the Info dictionary's `D:YYYYMMDD000000Z`).
    public static func xmpDate(_ iso: String) -> String {
        let digits = String(iso.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        switch digits.count {
        case ..<4: return iso
        case 4..<6: return String(digits.prefix(4))
        case 6..<8: return digits.prefix(4) + "-" + digits.dropFirst(4).prefix(2)
        default:
            return digits.prefix(4) + "-" + digits.dropFirst(4).prefix(2) + "-" + digits.dropFirst(6).prefix(2) + "T00:00:00Z"
        }
    }

    /// The packet, UTF-8, with the padding XMP asks for so it can be edited in place.
    public var packet: String {
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\""
        x += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        x += " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        x += " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
        if pdfUAPart != nil { x += " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" }
        if pdfAPart != nil { x += " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" }
        if pdfXVersion != nil { x += " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"" }
        if documentID != nil { x += " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"" }
        x += ">\n"
        x += "<dc:format>application/pdf</dc:format>\n"
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(title))</rdf:li></rdf:Alt></dc:title>\n"
        if !creators.isEmpty {
            x += "<dc:creator><rdf:Seq>" + creators.map { "<rdf:li>\(Self.escape($0))</rdf:li>" }.joined() + "</rdf:Seq></dc:creator>\n"
        }
        if let description {
            x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(description))</rdf:li></rdf:Alt></dc:description>\n"
        }
        if !keywords.isEmpty {
            x += "<dc:subject><rdf:Bag>" + keywords.map { "<rdf:li>\(Self.escape($0))</rdf:li>" }.joined() + "</rdf:Bag></dc:subject>\n"
            x += "<pdf:Keywords>\(Self.escape(keywords.joined(separator: ", ")))</pdf:Keywords>\n"
        }
        if let language { x += "<dc:language><rdf:Bag><rdf:li>\(Self.escape(language))</rdf:li></rdf:Bag></dc:language>\n" }
        x += "<xmp:CreateDate>\(Self.escape(createDate))</xmp:CreateDate>\n"
        x += "<xmp:ModifyDate>\(Self.escape(modifyDate))</xmp:ModifyDate>\n"
        x += "<xmp:MetadataDate>\(Self.escape(modifyDate))</xmp:MetadataDate>\n"
        x += "<xmp:CreatorTool>\(Self.escape(creatorTool))</xmp:CreatorTool>\n"
        x += "<pdf:Producer>\(Self.escape(producer))</pdf:Producer>\n"
        if let trapped { x += "<pdf:Trapped>\(trapped ? "True" : "False")</pdf:Trapped>\n" }
        if let documentID {
            x += "<xmpMM:DocumentID>\(Self.escape(documentID))</xmpMM:DocumentID>\n"
            x += "<xmpMM:InstanceID>\(Self.escape(documentID))</xmpMM:InstanceID>\n"
            x += "<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
        }
        if let pdfUAPart { x += "<pdfuaid:part>\(pdfUAPart)</pdfuaid:part>\n" }
        if let pdfAPart {
            x += "<pdfaid:part>\(pdfAPart)</pdfaid:part>\n"
            if let pdfAConformance { x += "<pdfaid:conformance>\(Self.escape(pdfAConformance))</pdfaid:conformance>\n" }
        }
        if let pdfXVersion { x += "<pdfxid:GTS_PDFXVersion>\(Self.escape(pdfXVersion))</pdfxid:GTS_PDFXVersion>\n" }
        x += "</rdf:Description>\n"
        // PDF/A allows only its predefined schemas unless the others are described in
        // the packet (ISO 19005-2, 6.6.2.3): PDF/UA's identification schema is not one.
        if pdfAPart != nil, pdfUAPart != nil { x += Self.pdfUAExtensionSchema }
        x += "</rdf:RDF>\n</x:xmpmeta>\n"
        // Padding lets an editor rewrite the packet in place (XMP Part 1, 7.3.2).
        for _ in 0..<20 { x += String(repeating: " ", count: 99) + "\n" }
        x += "<?xpacket end=\"w\"?>"
        return x
    }

    /// The PDF/A extension schema that describes `pdfuaid:part`.
    static let pdfUAExtensionSchema = """
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
    <pdfaProperty:name>part</pdfaProperty:name>
    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
    <pdfaProperty:category>internal</pdfaProperty:category>
    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
    </rdf:li></rdf:Bag></pdfaExtension:schemas>
    </rdf:Description>

    """

    /// Text as XML character data or attribute value.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 does not allow are left out.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
