import Foundation

/// Checks a PDF for what a print shop checks before printing: PDF/X and its output
/// intent, page boxes and bleed, embedded fonts, colour spaces, black text on the K plate,
/// total ink, thin rules, image resolution and the page count. Works on any PDF; reads it
/// with qpdf (`--json`), poppler's `pdfimages` and Ghostscript's `tiffsep`.
public struct Preflight: Sendable {
    /// The thresholds.
    public struct Options: Sendable {
        /// The page count must be a multiple of this (nil or 1: any count).
        public var pageMultiple: Int?
        /// Total ink limit in percent; nil: the output intent's condition's (FOGRA39 300 %,
        /// FOGRA29 260 %, GRACoL 320 %, else 300 %).
        public var inkLimit: Double?
        public var minimumBleed = 3 * 72 / 25.4
        public var thinnestRule = 0.25
        public var imageWarning = 250.0
        public var imageError = 150.0
        /// Resolution of the separations the ink is measured on.
        public var separationDPI = 50

        public init(pageMultiple: Int? = nil, inkLimit: Double? = nil) {
            self.pageMultiple = pageMultiple
            self.inkLimit = inkLimit
        }
    }

    public var options: Options
    var tools = Tools()

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Checks the file at `path`. Throws `MissingTool` when a tool is not installed, or
    /// an error when qpdf cannot read the file at all.
    public func check(_ path: String, displayName: String? = nil) throws -> PreflightReport {
        for tool in ["qpdf", "pdfimages", "gs"] { _ = try tools.path(of: tool) }
        let objects = try PDFObjects(path: path, tools: tools)
        let pageCount = objects.pages.count
        let scanner = ContentScanner(objects: objects)
        let contents = objects.pages.map { scanner.scan(page: $0) }
        let intent = outputIntent(objects)
        let limit = options.inkLimit ?? Self.inkLimit(forCondition: intent?.identifier)
        var checks: [PreflightReport.Check] = []
        checks.append(pdfx(objects, intent))
        checks.append(boxes(objects))
        checks.append(fonts(objects))
        checks.append(colour(contents))
        checks.append(blackText(contents))
        let separations = try Separations.measure(path, pages: pageCount, dpi: options.separationDPI, tools: tools)
        checks.append(ink(separations, limit: limit, pages: pageCount))
        checks.append(rules(contents))
        checks.append(try images(path))
        checks.append(liveText(contents))
        checks.append(count(pageCount))
        return PreflightReport(file: displayName ?? path, pageCount: pageCount, checks: checks)
    }

    /// Total ink limits of registered conditions, in percent.
    public static func inkLimit(forCondition identifier: String?) -> Double {
        switch identifier?.uppercased() ?? "" {
        case let s where s.contains("FOGRA29") || s.contains("FOGRA52") || s.contains("FOGRA47"): return 260
        case let s where s.contains("TR 006") || s.contains("TR006") || s.contains("GRACOL"): return 320
        default: return 300
        }
    }

    // MARK: - Checks

    struct Intent { var identifier: String; var hasProfile: Bool; var registry: String }

    private func outputIntent(_ objects: PDFObjects) -> Intent? {
        for value in objects.array(objects.catalog["/OutputIntents"]) ?? [] {
            guard let intent = objects.dict(value), intent["/S"] as? String == "/GTS_PDFX" else { continue }
            return Intent(identifier: objects.text(intent["/OutputConditionIdentifier"]) ?? "",
                          hasProfile: objects.stream(intent["/DestOutputProfile"]) != nil,
                          registry: objects.text(intent["/RegistryName"]) ?? "")
        }
        return nil
    }

    private func pdfx(_ objects: PDFObjects, _ intent: Intent?) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        var version = objects.text(objects.info["/GTS_PDFXVersion"])
        if let metadata = objects.stream(objects.catalog["/Metadata"]) {
            let xmp = String(decoding: metadata, as: UTF8.self)
            if let r = xmp.range(of: "GTS_PDFXVersion>"), let end = xmp[r.upperBound...].firstIndex(of: "<") {
                version = String(xmp[r.upperBound..<end])
            } else if let r = xmp.range(of: "GTS_PDFXVersion=\""), let end = xmp[r.upperBound...].firstIndex(of: "\"") {
                version = String(xmp[r.upperBound..<end])
            }
        }
        if version == nil { findings.append(.init(severity: .error, page: nil, message: "not PDF/X: no GTS_PDFXVersion in the XMP metadata or Info")) }
        if let intent {
            if !intent.hasProfile && intent.registry.isEmpty {
                findings.append(.init(severity: .error, page: nil, message: "the output intent \(intent.identifier) has no profile and no registry"))
            }
            if intent.identifier.isEmpty || intent.identifier == "Custom" && !intent.hasProfile {
                findings.append(.init(severity: .error, page: nil, message: "the output intent names no printing condition"))
            } else if intent.identifier == "Custom" {
                findings.append(.init(severity: .warning, page: nil, message: "the output intent is 'Custom', not a registered printing condition"))
            }
        } else {
            findings.append(.init(severity: .error, page: nil, message: "no PDF/X output intent (OutputIntents with /S /GTS_PDFX)"))
        }
        let summary = "\(version ?? "?"), output intent \(intent?.identifier ?? "?")" + (intent?.hasProfile == true ? " (profile embedded)" : "")
        return .init(id: "pdfx", title: "PDF/X and output intent", summary: summary, findings: findings)
    }

    private func boxes(_ objects: PDFObjects) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        var smallest = Double.infinity
        for (i, page) in objects.pages.enumerated() {
            let media = objects.numbers(objects.inherited(page, "/MediaBox")) ?? []
            guard let trim = objects.numbers(objects.inherited(page, "/TrimBox")), trim.count == 4 else {
                findings.append(.init(severity: .error, page: i + 1, message: "no TrimBox"))
                continue
            }
            let bleed = objects.numbers(objects.inherited(page, "/BleedBox")) ?? media
            guard bleed.count == 4 else { continue }
            let margins = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]]
            let least = margins.min() ?? 0
            smallest = min(smallest, least)
            if least < -0.01 {
                findings.append(.init(severity: .error, page: i + 1, message: "the TrimBox reaches outside the BleedBox"))
            } else if least + 0.01 < options.minimumBleed {
                findings.append(.init(severity: .error, page: i + 1,
                                      message: String(format: "bleed %.1f mm, less than %.0f mm", least * 25.4 / 72, options.minimumBleed * 25.4 / 72)))
            }
        }
        let summary = smallest.isFinite ? String(format: "TrimBox inside BleedBox on every page, bleed %.1f mm", smallest * 25.4 / 72) : "no pages"
        return .init(id: "boxes", title: "trim and bleed", summary: summary, findings: findings)
    }

    private func fonts(_ objects: PDFObjects) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        var seen: Set<String> = []
        func check(_ resources: [String: Any], page: Int, depth: Int) {
            for (_, ref) in objects.dict(resources["/Font"]) ?? [:] {
                guard let font = objects.dict(ref) else { continue }
                let name = (objects.resolve(font["/BaseFont"]) as? String).map { String($0.dropFirst()) } ?? "?"
                seen.insert(name)
                if font["/Subtype"] as? String == "/Type3" { continue }
                var descriptor = objects.dict(font["/FontDescriptor"])
                if font["/Subtype"] as? String == "/Type0", let d = objects.array(font["/DescendantFonts"])?.first {
                    descriptor = objects.dict(objects.dict(d)?["/FontDescriptor"])
                }
                let embedded = ["/FontFile", "/FontFile2", "/FontFile3"].contains { descriptor?[$0] != nil }
                if !embedded { findings.append(.init(severity: .error, page: page, message: "font \(name) is not embedded")) }
            }
            guard depth < 4 else { return }
            for (_, ref) in objects.dict(resources["/XObject"]) ?? [:] {
                if let x = objects.dict(ref), x["/Subtype"] as? String == "/Form", let r = objects.dict(x["/Resources"]) {
                    check(r, page: page, depth: depth + 1)
                }
            }
        }
        for (i, page) in objects.pages.enumerated() {
            check(objects.dict(objects.inherited(page, "/Resources")) ?? [:], page: i + 1, depth: 0)
        }
        return .init(id: "fonts", title: "fonts embedded", summary: "\(seen.count) font\(seen.count == 1 ? "" : "s"), all embedded",
                     findings: Array(Set(findings)).sorted { ($0.page ?? 0, $0.message) < ($1.page ?? 0, $1.message) })
    }

    private func colour(_ contents: [PageContent]) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        for (i, c) in contents.enumerated() {
            if !c.rgb.isEmpty { findings.append(.init(severity: .error, page: i + 1, message: "RGB colour: " + c.rgb.sorted().joined(separator: ", "))) }
            if !c.lab.isEmpty { findings.append(.init(severity: .error, page: i + 1, message: "Lab colour: " + c.lab.sorted().joined(separator: ", "))) }
            if !c.spots.isEmpty { findings.append(.init(severity: .error, page: i + 1, message: "spot colour " + c.spots.sorted().joined(separator: ", "))) }
        }
        return .init(id: "colour", title: "CMYK only", summary: "CMYK and grey only; no RGB, Lab or spot colour", findings: findings)
    }

    private func blackText(_ contents: [PageContent]) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        for (i, c) in contents.enumerated() {
            if let first = c.blackTextNotOnK.first {
                findings.append(.init(severity: .error, page: i + 1,
                                      message: "black text not on K only: \(first)" + (c.blackTextNotOnK.count > 1 ? " (\(c.blackTextNotOnK.count) runs)" : "")))
            }
            if c.knockoutBlackText > 0 {
                findings.append(.init(severity: .warning, page: i + 1, message: "solid black text that does not overprint (\(c.knockoutBlackText) runs)"))
            }
        }
        return .init(id: "black-text", title: "black text on K", summary: "black text on the K plate only, overprinting", findings: findings)
    }

    private func ink(_ separations: [Int: Separations.Page], limit: Double, pages: Int) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        var highest = 0.0
        for page in 1...max(1, pages) {
            guard let s = separations[page] else { continue }
            highest = max(highest, s.maxInk)
            // Half a percent of tolerance: the plates are 8-bit.
            if s.maxInk > limit + 0.5 {
                findings.append(.init(severity: .error, page: page, message: String(format: "total ink %.0f %% over the limit of %.0f %%", s.maxInk, limit)))
            }
        }
        return .init(id: "ink", title: "total ink", summary: String(format: "at most %.0f %% (limit %.0f %%)", highest, limit), findings: findings)
    }

    private func rules(_ contents: [PageContent]) -> PreflightReport.Check {
        var findings: [PreflightReport.Finding] = []
        var thinnest: Double?
        for (i, c) in contents.enumerated() {
            guard let w = c.thinnestStroke else { continue }
            thinnest = min(thinnest ?? w, w)
            if w + 0.0005 < options.thinnestRule {
                findings.append(.init(severity: .error, page: i + 1,
                                      message: String(format: "a %.3f pt stroke, thinner than %.2f pt", w, options.thinnestRule)))
            }
        }
        let summary = thinnest.map { String(format: "thinnest stroke %.2f pt", $0) } ?? "no strokes"
        return .init(id: "rules", title: "thinnest rule", summary: summary, findings: findings)
    }

    private func images(_ path: String) throws -> PreflightReport.Check {
        let list = String(decoding: try tools.run("pdfimages", ["-list", path]), as: UTF8.self)
        var findings: [PreflightReport.Finding] = []
        var lowest: Double?
        var count = 0
        for line in list.split(separator: "\n").dropFirst(2) {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
            guard f.count >= 14, let page = Int(f[0]), f[2] == "image", let x = Double(f[12]), let y = Double(f[13]) else { continue }
            count += 1
            let ppi = min(x, y)
            lowest = min(lowest ?? ppi, ppi)
            let what = "image \(f[3])×\(f[4]) px (object \(f[10]))"
            if ppi < options.imageError {
                findings.append(.init(severity: .error, page: page, message: "\(what) at \(Int(ppi)) ppi, under \(Int(options.imageError)) ppi"))
            } else if ppi < options.imageWarning {
                findings.append(.init(severity: .warning, page: page, message: "\(what) at \(Int(ppi)) ppi, under \(Int(options.imageWarning)) ppi"))
            }
        }
        let summary = count == 0 ? "no images" : "\(count) image\(count == 1 ? "" : "s"), lowest \(Int(lowest ?? 0)) ppi at placed size"
        return .init(id: "images", title: "image resolution", summary: summary, findings: findings)
    }

    private func liveText(_ contents: [PageContent]) -> PreflightReport.Check {
        let pages = contents.enumerated().filter { $0.element.textShown > 0 }.count
        return .init(id: "text", title: "live text", summary: "live text on \(pages) of \(contents.count) pages", findings: [])
    }

    private func count(_ pages: Int) -> PreflightReport.Check {
        guard let n = options.pageMultiple, n > 1 else {
            return .init(id: "page-count", title: "page count", summary: "\(pages) pages", findings: [])
        }
        let findings: [PreflightReport.Finding] = pages % n == 0 ? []
            : [.init(severity: .error, page: nil, message: "\(pages) pages, not a multiple of \(n)")]
        return .init(id: "page-count", title: "page count", summary: "\(pages) pages, a multiple of \(n)", findings: findings)
    }
}
