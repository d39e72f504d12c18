import FolioCore
import FolioGraphics
import Foundation

/// The parts of the PDF/X-4 print file the screen file does not have: the output intent
/// with its embedded ICC profile, the XMP metadata, and images converted to CMYK.
extension PDFDocumentWriter {
    /// The PDF/X version the print file claims.
    static let pdfXVersion = "PDF/X-4"

    /// Writes the profile, the output intent's data and the XMP packet; returns the
    /// catalog's entries that refer to them.
    mutating func writePrintObjects(_ print: PrintSetup) -> String {
        let condition = print.condition
        let icc = allocate()
        stream(icc, dictionary: " /N 4 /Filter /FlateDecode", data: Deflate.zlib([UInt8](print.converter.profile.data)))
        let metadata = allocate()
        stream(metadata, dictionary: " /Type /Metadata /Subtype /XML",
               data: Array(XMPMetadata.print(info, pdfXVersion: PDFDocumentWriter.pdfXVersion).packet.utf8))
        var entry = PDFBytes(capacity: 512)
        entry.raw(" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier ")
        entry.literal(condition.identifier)
        entry.raw(" /OutputCondition "); entry.literal(condition.condition)
        entry.raw(" /RegistryName "); entry.literal(OutputCondition.registry)
        entry.raw(" /Info "); entry.literal(print.converter.profile.description)
        entry.raw(" /DestOutputProfile "); entry.ref(icc); entry.raw(" >>] /Metadata "); entry.ref(metadata)
        return String(decoding: entry.bytes, as: UTF8.self)
    }

    /// The output intent of a PDF/A-2 screen file: sRGB (LittleCMS's, made in memory), the
    /// space of its DeviceRGB and DeviceGray colours; returns the catalog's entry.
    mutating func writeArchiveIntent() throws -> String {
        guard let profile = SRGBProfile.data else {
            throw GraphicsError.cairo(operation: "make the sRGB profile of a PDF/A file", status: "LittleCMS could not")
        }
        let icc = allocate()
        stream(icc, dictionary: " /N 3 /Filter /FlateDecode", data: Deflate.zlib([UInt8](profile)))
        var entry = PDFBytes(capacity: 256)
        entry.raw(" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ")
        entry.literal(SRGBProfile.identifier)
        entry.raw(" /Info "); entry.literal(SRGBProfile.identifier)
        entry.raw(" /DestOutputProfile "); entry.ref(icc); entry.raw(" >>]")
        return String(decoding: entry.bytes, as: UTF8.self)
    }

    /// An image converted to CMYK through the output profile (grey JPEGs stay grey).
    mutating func writePrintImage(_ path: String, _ print: PrintSetup, placed: Size? = nil) throws -> Int {
        let image = try PrintImage.load(path: path, profile: print.converter.profile, placed: placed)
        var mask = ""
        if let alpha = image.alpha {
            let m = allocate()
            stream(m, dictionary: " /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height)"
                   + " /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode", data: alpha)
            mask = " /SMask \(m) 0 R"
        }
        let id = allocate()
        stream(id, dictionary: " /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) /BitsPerComponent 8"
               + (image.components == 1 ? " /ColorSpace /DeviceGray" : " /ColorSpace /DeviceCMYK")
               + " /Filter /FlateDecode" + mask, data: image.samples)
        return id
    }
}
