import Foundation
import Yams

/// Reads an image reference (`image: photo.jpg` or a mapping with `path`, `fit`,
/// `focus`, `caption`, `credit`) and keeps it inside the report folder.
struct ImagePolicy {
    let context: YAMLContext
    let directory: String
    static let keys = ["path", "fit", "focus", "caption", "credit"]

    func image(_ map: inout YAMLMapping, _ key: String, what: String) -> ImageRef? {
        guard let node = map.value(key) else { return nil }
        let label = "the \(key) of \(what)"
        if case .scalar = node {
            guard let path = YAMLMapping.scalarString(node, context: context, what: label) else { return nil }
            return resolve(path, node: node, label: label).map { ImageRef(path: path, absolutePath: $0) }
        }
        guard var m = YAMLMapping(node, context: context, what: label,
                                  hint: "write the file name (image: images/photo.jpg) or a mapping with `path:`") else { return nil }
        let path = m.text("path", required: true)
        var fit = ImageRef.Fit.cover
        if let f = m.string("fit") {
            if let parsed = ImageRef.Fit(rawValue: f) {
                fit = parsed
            } else {
                context.error("bad-value", m.value("fit"), "`fit` in \(label) is \(Quoting.code(f)); it must be `cover` or `contain`",
                              hint: "cover fills the frame and crops; contain shows the whole image")
            }
        }
        var focus = Point2(x: 0.5, y: 0.5)
        if let nodes = m.list("focus") {
            let values = nodes.compactMap { YAMLMapping.number($0, context: context, what: "the focus of \(label)") }
            if values.count == 2, values.allSatisfy({ (0...1).contains($0) }) {
                focus = Point2(x: values[0], y: values[1])
            } else if values.count == nodes.count {
                context.error("bad-value", m.value("focus"), "`focus` in \(label) must be two numbers from 0 to 1: [x, y]",
                              hint: "[0.5, 0.5] is the centre; [0, 0] the top-left corner")
            }
        }
        let caption = m.text("caption")
        let credit = m.text("credit")
        m.reportUnknownKeys(known: Self.keys)
        guard let path, let absolute = resolve(path, node: m.value("path"), label: label) else { return nil }
        return ImageRef(path: path, absolutePath: absolute, fit: fit, focus: focus, caption: caption, credit: credit)
    }

    /// The absolute path of `path` if it is a readable JPEG/PNG file inside the report folder.
    private func resolve(_ path: String, node: Node?, label: String) -> String? {
        let shown = Quoting.code(path, limit: 80)
        let copyHint = "copy the image into the report folder (e.g. images/) and give the path relative to it"
        if path.trimmingCharacters(in: .whitespaces).isEmpty {
            context.error("empty-value", node, "\(label) has an empty path", hint: "give the image file, e.g. images/photo.jpg")
            return nil
        }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains(":\\") || path.hasPrefix("\\") {
            context.error("path-outside", node, "\(label) \(shown) is an absolute path", hint: copyHint)
            return nil
        }
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") {
            context.error("path-outside", node, "\(label) \(shown) leaves the report folder with `..`", hint: copyHint)
            return nil
        }
        if path.contains("\\") {
            context.error("missing-file", node, "\(label) \(shown) uses '\\' between folders",
                          hint: "write paths with '/', e.g. images/photo.jpg")
            return nil
        }
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let joined = URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL
        let fm = FileManager.default
        guard fm.fileExists(atPath: joined.path) else {
            let hint: String
            if path.count > 1024 {
                hint = "paths are relative to the report folder"
            } else {
                let folder = (joined.path as NSString).deletingLastPathComponent
                let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
                let name = (path as NSString).lastPathComponent
                if let close = Suggestions.closest(to: name, in: names) {
                    hint = "did you mean \(Quoting.code(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(close)))?"
                } else {
                    hint = "paths are relative to the report folder \(DisplayPath.relative(directory))"
                }
            }
            context.error("missing-file", node, "\(label) \(shown) does not exist", hint: hint)
            return nil
        }
        let real = joined.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(base + "/") else {
            context.error("path-outside", node, "\(label) \(shown) is a link that points outside the report folder",
                          hint: "copy the image itself into the report folder")
            return nil
        }
        let type = (try? fm.attributesOfItem(atPath: real))?[.type] as? FileAttributeType
        guard type == .typeRegular else {
            context.error("bad-image", node, "\(label) \(shown) is \(type == .typeDirectory ? "a folder" : "not a regular file"), not an image",
                          hint: "name the image file itself, e.g. images/photo.jpg")
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: real) else {
            context.error("missing-file", node, "\(label) \(shown) cannot be read", hint: "check the file's permissions")
            return nil
        }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        let isJPEG = head.starts(with: [0xFF, 0xD8, 0xFF])
        let isPNG = head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        guard isJPEG || isPNG else {
            let kind = Self.kind(of: head).map { " (it is \($0))" } ?? ""
            context.error("bad-image", node, "\(label) \(shown) is not a JPEG or PNG file\(kind)",
                          hint: "export the image as JPEG (photos) or PNG (graphics)")
            return nil
        }
        return real
    }

    /// Names a few common formats that are not accepted, from their first bytes.
    static func kind(of head: [UInt8]) -> String? {
        if head.isEmpty { return "empty" }
        if head.starts(with: Array("GIF8".utf8)) { return "a GIF" }
        if head.starts(with: Array("RIFF".utf8)) { return "a WebP" }
        if head.starts(with: Array("%PDF".utf8)) { return "a PDF" }
        if head.count >= 8, Array(head[4..<8]) == Array("ftyp".utf8) { return "a HEIC or other ISO media file" }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "a TIFF" }
        return nil
    }
}
