import FolioCore
@testable import FolioExport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The XMP packet: the document information as the standards read it, and only the
/// conformance claims asked for.
@Suite("XMP metadata")
struct XMPMetadataTests {
    let info = DocumentInfo(title: "A & B <年报>", author: "宁波市科学技术局", subject: "2022年度", keywords: ["创新平台", "科技攻关"],
                            creationDate: "2023-02-01")

    @Test("title, creator, description, keywords, language and dates from the information; text escaped")
    func fields() throws {
        let packet = XMPMetadata(info, language: "zh-CN").packet
        #expect(packet.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">A &amp; B &lt;年报&gt;</rdf:li></rdf:Alt></dc:title>"))
        #expect(packet.contains("<dc:creator><rdf:Seq><rdf:li>宁波市科学技术局</rdf:li></rdf:Seq></dc:creator>"))
        #expect(packet.contains("<rdf:li xml:lang=\"x-default\">2022年度</rdf:li>"))
        #expect(packet.contains("<pdf:Keywords>创新平台, 科技攻关</pdf:Keywords>"))
        #expect(packet.contains("<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>"))
        #expect(packet.contains("<xmp:CreateDate>2023-02-01T00:00:00Z</xmp:CreateDate>"))
        #expect(packet.contains("<pdf:Producer>Folio</pdf:Producer>"))
        // No claim unless asked.
        #expect(!packet.contains("pdfuaid") && !packet.contains("pdfaid") && !packet.contains("pdfxid"))
        // Well-formed XML.
        let xml = try XMLDocument(data: Data(packet.utf8))
        #expect(try xml.nodes(forXPath: "//*[local-name()='title']").count == 1)
    }

    @Test("claims: PDF/UA part, PDF/A part and conformance, PDF/X version, each with its namespace")
    func claims() {
        var xmp = XMPMetadata(info, language: nil)
        xmp.pdfUAPart = 1
        xmp.pdfAPart = 2
        xmp.pdfAConformance = "U"
        xmp.pdfXVersion = "PDF/X-4"
        let packet = xmp.packet
        #expect(packet.contains("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"") && packet.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(packet.contains("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"") && packet.contains("<pdfaid:part>2</pdfaid:part>")
                && packet.contains("<pdfaid:conformance>U</pdfaid:conformance>"))
        #expect(packet.contains("xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"")
                && packet.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"))
        #expect(!packet.contains("dc:language"))
    }

    @Test("PDF/A with PDF/UA describes the pdfuaid schema (PDF/A allows no undescribed schema); either alone does not")
    func extensionSchema() throws {
        var xmp = XMPMetadata(info, language: "zh-CN")
        xmp.pdfUAPart = 1
        #expect(!xmp.packet.contains("pdfaExtension"))
        xmp.pdfAPart = 2
        xmp.pdfAConformance = "U"
        let packet = xmp.packet
        #expect(packet.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>")
                && packet.contains("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>")
                && packet.contains("<pdfaProperty:name>part</pdfaProperty:name>"))
        let xml = try XMLDocument(data: Data(packet.utf8))
        #expect(try xml.nodes(forXPath: "//*[local-name()='schemas']").count == 1)
        xmp.pdfUAPart = nil
        #expect(!xmp.packet.contains("pdfaExtension"))
    }

    @Test("the print file's packet comes from the same writer: PDF/X version, trapping, stable document ids")
    func printPacket() throws {
        let packet = XMPMetadata.print(info, pdfXVersion: "PDF/X-4").packet
        #expect(packet.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") && packet.contains("<pdf:Trapped>False</pdf:Trapped>"))
        #expect(packet.contains("<xmpMM:DocumentID>uuid:") && packet.contains("<xmpMM:VersionID>1</xmpMM:VersionID>"))
        #expect(!packet.contains("pdfuaid") && !packet.contains("pdfaid"))
        #expect(packet == XMPMetadata.print(info, pdfXVersion: "PDF/X-4").packet)
        var other = info
        other.title = "another"
        #expect(XMPMetadata.print(other, pdfXVersion: "PDF/X-4").documentID != XMPMetadata.print(info, pdfXVersion: "PDF/X-4").documentID)
        _ = try XMLDocument(data: Data(packet.utf8))
    }

    @Test("partial dates stay partial, as in the Info dictionary")
    func dates() {
        #expect(XMPMetadata.xmpDate("2023") == "2023")
        #expect(XMPMetadata.xmpDate("2023-02") == "2023-02")
        #expect(XMPMetadata.xmpDate("2023-02-01") == "2023-02-01T00:00:00Z")
    }
}
