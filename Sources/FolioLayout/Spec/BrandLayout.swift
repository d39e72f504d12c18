import FolioCore
import FolioModel
import Foundation
import Yams

/// A report's own layout: `layout: ./brand.yaml` in report.yaml names a file in the
/// report folder that `extends:` a shipped brochure layout and overrides only what it
/// names — colours, font families and a logo — on the brochure and on every card preset.
///
/// ```yaml
/// extends: brochure
/// colors: {primary: "#8A1538", accent: "#D4A017"}
/// fonts: {serif: {family: Noto Serif CJK SC}}
/// logo: brand/logo.png
/// ```
public struct BrandLayout: Hashable, Sendable {
    /// The shipped brochure layout it extends.
    public var extends: String
    public var name: String?
    public var description: String?
    public var colors: [String: Color]
    public var fonts: [String: FontRole]
    /// Absolute path of the logo (JPEG or PNG inside the report folder).
    public var logo: String?
    /// Digest of the brand file's and the logo's bytes.
    public var digest: String
    /// The brand file, for messages.
    public var file: String
    /// Where each colour and font role was set ("colors.primary", "fonts.serif").
    public var locations: [String: SourceLocation] = [:]

    static let keys = ["extends", "name", "description", "colors", "fonts", "logo"]

    /// Errors for colours and font roles that none of `specs` uses (a misspelt name would
    /// otherwise change nothing, silently).
    public func unused(by specs: [LayoutSpec]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let colorNames = Set(specs.flatMap { $0.colors.keys }), roles = Set(specs.flatMap { $0.fonts.keys })
        for key in colors.keys.sorted() where !colorNames.contains(key) {
            out.append(.error("bad-value", at: locations["colors.\(key)"],
                              "the brand layout sets colour '\(key)', which no layout it applies to uses",
                              hint: (Suggestions.closest(to: key, in: Array(colorNames)).map { "did you mean '\($0)'? " } ?? "")
                                + "colours: \(colorNames.sorted().joined(separator: ", "))"))
        }
        for key in fonts.keys.sorted() where !roles.contains(key) {
            out.append(.error("bad-value", at: locations["fonts.\(key)"],
                              "the brand layout sets font role '\(key)', which no layout it applies to uses",
                              hint: (Suggestions.closest(to: key, in: Array(roles)).map { "did you mean '\($0)'? " } ?? "")
                                + "roles: \(roles.sorted().joined(separator: ", "))"))
        }
        return out
    }

    /// `spec` with the brand's colours, fonts and logo. Colours and font roles the spec
    /// does not have are not added (a card preset keeps its own palette names).
    public func apply(to spec: LayoutSpec, brochure: Bool) -> LayoutSpec {
        var out = spec
        for (key, color) in colors where out.colors[key] != nil { out.colors[key] = color }
        for (key, font) in fonts where out.fonts[key] != nil { out.fonts[key] = font }
        out.logo = logo
        out.brand = digest
        if brochure {
            if let name { out.name = name }
            if let description { out.description = description }
        }
        return out
    }
}

extension LayoutLoader {
    /// Reads a brand layout file.
    public func loadBrand(file path: String) -> (BrandLayout?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let display = DisplayPath.relative(path)
        guard let bytes = SourceFile.readBytes(path: path, displayPath: display, limits: limits, diagnostics: &diagnostics),
              let source = SourceFile.decode(data: bytes, displayPath: display, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let context = YAMLContext(source: source, limits: limits)
        for d in diagnostics { context.add(d) }
        guard let root = context.parse(), var map = YAMLMapping(root, context: context, what: "the brand layout") else {
            return (nil, context.diagnostics)
        }
        let extends = map.text("extends", required: true)
        let shipped = brochureNames()
        if let extends, !shipped.contains(extends) {
            context.error("unknown-layout", map.value("extends"), "the brand layout extends \(Quoting.code(extends)), which is not a shipped layout",
                          hint: Suggestions.didYouMean(extends, in: shipped).map { "\($0) " } ?? "" + "layouts: \(Quoting.list(shipped))")
        }
        var colors: [String: Color] = [:]
        var locations: [String: SourceLocation] = [:]
        if let node = map.value("colors"), var m = YAMLMapping(node, context: context, what: "'colors' of the brand layout") {
            for key in m.keys {
                guard let v = m.string(key) else { continue }
                guard let c = Color(hex: v) else {
                    context.error("bad-value", m.value(key), "colour '\(key)' is '\(v)', not #RRGGBB",
                                  hint: "write colours as hex, e.g. \"#8A1538\" (quoted)")
                    continue
                }
                colors[key] = c
                if let n = m.keyNode(key) { locations["colors.\(key)"] = context.location(of: n) }
            }
        }
        var fonts: [String: FontRole] = [:]
        if let node = map.value("fonts"), var m = YAMLMapping(node, context: context, what: "'fonts' of the brand layout") {
            for key in m.keys {
                guard let v = m.value(key) else { continue }
                if let n = m.keyNode(key) { locations["fonts.\(key)"] = context.location(of: n) }
                if case .scalar = v, let family = YAMLMapping.scalarString(v, context: context, what: "font role '\(key)'") {
                    fonts[key] = FontRole(family: family)
                } else if var f = YAMLMapping(v, context: context, what: "font role '\(key)'") {
                    let family = f.text("family", required: true)
                    let weight = LayoutReader(context: context, card: false).readWeight(&f)
                    f.reportUnknownKeys(known: ["family", "weight"])
                    if let family { fonts[key] = FontRole(family: family, weight: weight) }
                }
            }
        }
        var logo: String?
        var logoBytes = Data()
        if let text = map.text("logo") {
            let folder = (path as NSString).deletingLastPathComponent
            if let real = ReportReader.file(text, directory: folder), let data = FileManager.default.contents(atPath: real),
               data.starts(with: [0xFF, 0xD8, 0xFF]) || data.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
                logo = real
                logoBytes = data
            } else {
                context.error("bad-image", map.value("logo"), "the logo \(Quoting.code(text)) is not a JPEG or PNG file inside the report folder",
                              hint: "give the logo's path relative to the brand layout, e.g. logo: brand/logo.png")
            }
        }
        let name = map.text("name")
        let description = map.text("description")
        map.reportUnknownKeys(known: BrandLayout.keys)
        let all = context.diagnostics
        guard !all.hasErrors, let extends else { return (nil, all) }
        let digest = Self.digest(bytes) + Self.digest(logoBytes)
        return (BrandLayout(extends: extends, name: name, description: description, colors: colors, fonts: fonts,
                            logo: logo, digest: digest, file: path, locations: locations), all)
    }

    /// A report's brand layout applied: the layout it extends (or `base`, a layout chosen
    /// on the command line) and `cards`, with its colours, fonts and logo.
    public func loadBranded(file: String, base: String? = nil, requestedAt: SourceLocation? = nil,
                            cards: [LayoutSpec]) -> (brochure: LayoutSpec?, cards: [LayoutSpec], diagnostics: [Diagnostic]) {
        let (brand, diagnostics) = loadBrand(file: file)
        guard let brand else { return (nil, cards, diagnostics) }
        let (spec, d) = load(name: base ?? brand.extends, card: false, requestedAt: requestedAt)
        guard let spec else { return (nil, cards, diagnostics + d) }
        // Names are checked against every shipped card preset, not only those made this run.
        let presets = cardNames().compactMap { name in cards.first { $0.name == name } ?? load(name: name, card: true).0 }
        let all = diagnostics + d + brand.unused(by: [spec] + cards + presets)
        return (brand.apply(to: spec, brochure: true), cards.map { brand.apply(to: $0, brochure: false) }, all)
    }

    /// FNV-1a (64 bits) of `data`, in hex: enough to notice that a file changed.
    static func digest(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }
}
