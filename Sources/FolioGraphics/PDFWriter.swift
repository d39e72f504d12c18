import CPangoCairo
import FolioCore
import Foundation

/// Receives the bytes Cairo's PDF surface writes.
final class ByteSink {
    var data = Data()
}

/// Writes a PDF with Cairo: pages, metadata, outline, page labels, links, destinations
/// and structure tags. Owns the Cairo surface and context.
public final class PDFWriter {
    private let fonts: FontSet
    private let sink = ByteSink()
    private let images = ImageStore()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private var pageOpen = false
    private let tagged: Bool
    private var documentTagOpen = false
    private let subsets: PDFFontSubsets?

    /// Starts a PDF whose first page is `firstPageSize` (the MediaBox, in points).
    ///
    /// `tagged`: wrap every page in one `Document` structure element. Cairo 1.16 marks a
    /// file as tagged (`/MarkInfo << /Marked true >>`, what `pdfinfo` reports as
    /// `Tagged: yes`) only when the first structure element it sees is a top-level
    /// grouping element (Document, Part, Art, Sect or Div); a file whose first tag is a
    /// `P` or `H1` gets a structure tree but no MarkInfo.
    ///
    /// `glyphs`: every glyph the document draws, by face; those faces are embedded from
    /// subsets made up front (`PDFFontSubsets`), which is much faster than Cairo's own
    /// subsetting of large CFF faces. Empty: Cairo subsets the set's faces itself.
    /// `subsetCache`: where subsets made before are kept (see `FontSubsetCache`).
    public init(fonts: FontSet, info: DocumentInfo, firstPageSize: Size, tagged: Bool = false,
                glyphs: [FontRef: Set<UInt32>] = [:], subsetCache: FontSubsetCache? = nil) throws {
        self.fonts = fonts
        self.tagged = tagged
        self.subsets = glyphs.isEmpty ? nil : PDFFontSubsets(glyphs: glyphs, cache: subsetCache)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
            sink.data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, closure, firstPageSize.width, firstPageSize.height) else {
            throw GraphicsError.cairo(operation: "create a PDF surface", status: "no surface")
        }
        self.surface = surface
        self.cr = cairo_create(surface)
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        set(CAIRO_PDF_METADATA_TITLE, info.title)
        set(CAIRO_PDF_METADATA_AUTHOR, info.author)
        set(CAIRO_PDF_METADATA_SUBJECT, info.subject)
        set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords.joined(separator: ", "))
        set(CAIRO_PDF_METADATA_CREATOR, info.creator)
        set(CAIRO_PDF_METADATA_CREATE_DATE, info.creationDate + "T00:00:00Z")
        set(CAIRO_PDF_METADATA_MOD_DATE, info.creationDate + "T00:00:00Z")
        try check("start the PDF")
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Begins a page of `mediaSize` points whose drawing origin is moved by `origin`
    /// (the trim box's top-left corner inside the MediaBox), and returns its canvas.
    public func beginPage(mediaSize: Size, origin: Point, label: String?) -> Canvas {
        cairo_pdf_surface_set_size(surface, mediaSize.width, mediaSize.height)
        if let label { cairo_pdf_surface_set_page_label(surface, label) }
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        pageOpen = true
        if tagged && !documentTagOpen {
            cairo_tag_begin(cr, "Document", nil)
            documentTagOpen = true
        }
        return Canvas(cr: cr, fonts: fonts, images: images, origin: origin, subsets: subsets)
    }

    /// Ends the current page; `last` closes the document's structure element too (on the
    /// page, so that Cairo does not start an empty page for it).
    public func endPage(last: Bool = false) throws {
        if last && documentTagOpen {
            cairo_tag_end(cr, "Document")
            documentTagOpen = false
        }
        cairo_restore(cr)
        cairo_show_page(cr)
        pageOpen = false
        try check("draw a page")
    }

    /// Adds an outline entry jumping to a named destination; returns its id for children.
    /// `parent` 0 is the root.
    @discardableResult
    public func addOutline(title: String, destination: String, parent: Int32 = 0, open: Bool = false) -> Int32 {
        let flags = open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0)
        let escaped = destination.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return cairo_pdf_surface_add_outline(surface, parent, title, "dest='\(escaped)'", flags)
    }

    /// Finishes the file and returns its bytes.
    public func finish() throws -> Data {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw GraphicsError.cairo(operation: "finish the PDF", status: String(cString: cairo_status_to_string(status)))
        }
        return sink.data
    }

    private func set(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(surface, key, value)
    }

    private func check(_ operation: String) throws {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw GraphicsError.cairo(operation: operation, status: String(cString: cairo_status_to_string(status)))
        }
    }
}
