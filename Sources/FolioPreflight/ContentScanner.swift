import Foundation

/// What one page's content streams (and the form XObjects they draw) paint: the colour
/// spaces used, the colour of text, the thinnest stroke.
struct PageContent {
    /// Uses of RGB or Lab colour, described ("DeviceRGB fill", "image /Im3 in ICCBased RGB").
    var rgb: Set<String> = []
    var lab: Set<String> = []
    /// Separation and DeviceN colourant names other than the process inks, All and None.
    var spots: Set<String> = []
    /// Text shown in a dark colour that is not on the black plate alone (rich black, RGB).
    var blackTextNotOnK: [String] = []
    /// Solid black text (100 K) shown without overprint.
    var knockoutBlackText = 0
    /// The thinnest stroke painted, in points (nil: none).
    var thinnestStroke: Double?
    /// Glyph-showing operators found (live text).
    var textShown = 0
}

/// Reads content streams operator by operator, with a graphics state.
struct ContentScanner {
    let objects: PDFObjects

    enum Space: Equatable {
        case gray, rgb, cmyk, lab, pattern
        case separation([String])
        case other(String)
    }

    private struct State {
        var ctm: [Double] = [1, 0, 0, 1, 0, 0]
        var lineWidth = 1.0
        var fillSpace = Space.gray
        var fill: [Double] = [0]
        var overprint = false
    }

    static let processInks: Set<String> = ["Cyan", "Magenta", "Yellow", "Black", "All", "None"]

    /// Scans a page.
    func scan(page: String) -> PageContent {
        var content = PageContent()
        let resources = objects.dict(objects.inherited(page, "/Resources")) ?? [:]
        var data = Data()
        if let contents = objects.dict(page)?["/Contents"] {
            let parts = (objects.resolve(contents) as? [Any]) ?? [contents]
            for part in parts {
                if let bytes = objects.stream(part) { data.append(bytes); data.append(0x0A) }
            }
        }
        var state = State()
        scan(data, resources: resources, state: &state, into: &content, depth: 0)
        // Page-level colour spaces of a transparency group.
        if let group = objects.dict(objects.dict(page)?["/Group"]), let cs = group["/CS"] {
            note(space(cs, resources), "the page's transparency group", into: &content)
        }
        return content
    }

    private func scan(_ data: Data, resources: [String: Any], state: inout State, into content: inout PageContent, depth: Int) {
        var tokens = ContentTokenizer(data)
        var operands: [ContentToken] = []
        var stack: [State] = []
        func numbers() -> [Double] { operands.compactMap { if case .number(let n) = $0 { return n } else { return nil } } }
        func lastName() -> String? {
            for t in operands.reversed() { if case .name(let n) = t { return n } }
            return nil
        }
        while let token = tokens.next() {
            guard case .op(let op) = token else { operands.append(token); continue }
            defer { operands.removeAll(keepingCapacity: true) }
            switch op {
            case "q": stack.append(state)
            case "Q": if let s = stack.popLast() { state = s }
            case "cm":
                let m = numbers()
                if m.count == 6 { state.ctm = Self.multiply(m, state.ctm) }
            case "w": if let w = numbers().last { state.lineWidth = w }
            case "g": state.fillSpace = .gray; state.fill = numbers()
            case "G": break
            case "rg": state.fillSpace = .rgb; state.fill = numbers(); note(.rgb, "RGB fill (rg)", into: &content)
            case "RG": note(.rgb, "RGB stroke (RG)", into: &content)
            case "k": state.fillSpace = .cmyk; state.fill = numbers()
            case "K": break
            case "cs", "CS":
                guard let name = lastName() else { break }
                let s = space("/" + name, resources)
                note(s, op == "cs" ? "fill colour space /\(name)" : "stroke colour space /\(name)", into: &content)
                if op == "cs" {
                    state.fillSpace = s
                    state.fill = s == .cmyk ? [0, 0, 0, 1] : [0]
                }
            case "sc", "scn": state.fill = numbers()
            case "gs":
                if let name = lastName(), let gs = objects.dict(objects.dict(resources["/ExtGState"])?["/" + name]) {
                    if let op = objects.resolve(gs["/op"]) as? Bool { state.overprint = op } else if let op = objects.resolve(gs["/OP"]) as? Bool {
                        state.overprint = op
                    }
                }
            case "S", "s", "B", "B*", "b", "b*":
                let scale = abs(state.ctm[0] * state.ctm[3] - state.ctm[1] * state.ctm[2]).squareRoot()
                let width = state.lineWidth * scale
                content.thinnestStroke = min(content.thinnestStroke ?? width, width)
            case "Tj", "TJ", "'", "\"":
                content.textShown += 1
                checkText(state, into: &content)
            case "Do":
                guard let name = lastName(), let ref = objects.dict(resources["/XObject"])?["/" + name],
                      let xobject = objects.dict(ref) else { break }
                let subtype = xobject["/Subtype"] as? String
                if subtype == "/Image" {
                    if let cs = xobject["/ColorSpace"] { note(space(cs, resources), "image /\(name)", into: &content) }
                } else if subtype == "/Form", depth < 8, let data = objects.stream(ref) {
                    var inner = state
                    if let m = objects.numbers(xobject["/Matrix"]), m.count == 6 { inner.ctm = Self.multiply(m, state.ctm) }
                    let formResources = objects.dict(xobject["/Resources"]) ?? resources
                    scan(data, resources: formResources, state: &inner, into: &content, depth: depth + 1)
                }
            case "sh":
                if let name = lastName(), let shading = objects.dict(objects.dict(resources["/Shading"])?["/" + name]),
                   let cs = shading["/ColorSpace"] {
                    note(space(cs, resources), "shading /\(name)", into: &content)
                }
            default: break
            }
        }
    }

    /// Dark text must be on the black plate alone.
    private func checkText(_ state: State, into content: inout PageContent) {
        let v = state.fill
        switch state.fillSpace {
        case .cmyk where v.count == 4:
            if v[3] >= 0.9, v[0] + v[1] + v[2] > 0.02 {
                content.blackTextNotOnK.append(String(format: "rich black C%.0f M%.0f Y%.0f K%.0f", v[0] * 100, v[1] * 100, v[2] * 100, v[3] * 100))
            } else if v[3] >= 0.999, v[0] + v[1] + v[2] == 0, !state.overprint {
                content.knockoutBlackText += 1
            }
        case .rgb where v.count == 3:
            if v.max() ?? 1 <= 0.25 { content.blackTextNotOnK.append(String(format: "RGB %.2f %.2f %.2f", v[0], v[1], v[2])) }
        case .lab:
            if let l = v.first, l <= 25 { content.blackTextNotOnK.append("Lab L*\(Int(l))") }
        default: break
        }
    }

    private func note(_ space: Space, _ what: String, into content: inout PageContent) {
        switch space {
        case .rgb: content.rgb.insert(what)
        case .lab: content.lab.insert(what)
        case .separation(let names):
            for n in names where !Self.processInks.contains(n) { content.spots.insert(n) }
        default: break
        }
    }

    /// The kind of a colour space given by name or array.
    func space(_ value: Any?, _ resources: [String: Any]) -> Space {
        let resolved = objects.resolve(value)
        if let name = resolved as? String {
            switch name {
            case "/DeviceGray", "/G", "/CalGray": return .gray
            case "/DeviceRGB", "/RGB", "/CalRGB": return .rgb
            case "/DeviceCMYK", "/CMYK": return .cmyk
            case "/Pattern": return .pattern
            case "/Lab": return .lab
            default:
                if let named = objects.dict(resources["/ColorSpace"])?[name] { return space(named, [:]) }
                return .other(name)
            }
        }
        guard let array = resolved as? [Any], let family = array.first as? String else { return .other("?") }
        switch family {
        case "/ICCBased":
            let n = array.count > 1 ? objects.number(objects.dict(array[1])?["/N"]) ?? 0 : 0
            return n == 1 ? .gray : n == 3 ? .rgb : n == 4 ? .cmyk : .other("ICCBased")
        case "/CalRGB": return .rgb
        case "/CalGray": return .gray
        case "/Lab": return .lab
        case "/Indexed": return array.count > 1 ? space(array[1], resources) : .other("Indexed")
        case "/Pattern": return array.count > 1 ? space(array[1], resources) : .pattern
        case "/Separation":
            return .separation(array.count > 1 ? [String((array[1] as? String ?? "/?").dropFirst())] : [])
        case "/DeviceN":
            let names = array.count > 1 ? (objects.array(array[1]) ?? []).compactMap { ($0 as? String).map { String($0.dropFirst()) } } : []
            return .separation(names)
        default: return space(family, resources)
        }
    }

    /// `m × ctm` for PDF matrices [a b c d e f].
    static func multiply(_ m: [Double], _ n: [Double]) -> [Double] {
        [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
         m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
         m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]
    }
}
