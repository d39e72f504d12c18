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
        guard var m = YAMLMapping(node, context: context, what: label) else { return nil }
        let path = m.text("path", required: true)
        var fit = ImageRef.Fit.cover
        if let f = m.string("fit") {
            if let parsed = ImageRef.Fit(rawValue: f) {
                fit = parsed
            } else {
                context.error("bad-value", m.value("fit"), "fit '\(f)' is not one of cover, contain",
                              hint: "cover fills the frame and crops; contain shows the whole image")
            }
        }
        var focus = Point2(x: 0.5, y: 0.5)
        if let nodes = m.list("focus") {
            let values = nodes.compactMap { YAMLMapping.number($0, context: context, what: "the focus of \(label)") }
            if values.count == 2, values.allSatisfy({ (0...1).contains($0) }) {
                focus = Point2(x: values[0], y: values[1])
            } else if values.count == nodes.count {
                context.error("bad-value", m.value("focus"), "focus must be two numbers from 0 to 1: [x, y]",
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
        if path.hasPrefix("/") || path.hasPrefix("~") {
            context.error("path-outside", node, "\(label) '\(path)' is an absolute path",
                          hint: "copy the image into the report folder (e.g. images/) and give the path relative to it")
            return nil
        }
        if path.split(separator: "/").contains("..") {
            context.error("path-outside", node, "\(label) '\(path)' leaves the report folder with '..'",
                          hint: "copy the image into the report folder (e.g. images/) and give the path relative to it")
            return nil
        }
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let joined = URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL
        guard FileManager.default.fileExists(atPath: joined.path) else {
            context.error("missing-file", node, "\(label) '\(path)' does not exist",
                          hint: "paths are relative to the report folder \(DisplayPath.relative(directory))")
            return nil
        }
        let real = joined.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(base + "/") else {
            context.error("path-outside", node, "\(label) '\(path)' is a link that points outside the report folder",
                          hint: "copy the image itself into the report folder")
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: real) else {
            context.error("missing-file", node, "\(label) '\(path)' cannot be read", hint: "check the file's permissions")
            return nil
        }
        let head = [UInt8](handle.readData(ofLength: 8))
        try? handle.close()
        let isJPEG = head.starts(with: [0xFF, 0xD8, 0xFF])
        let isPNG = head.starts(with: [0x89, 0x50, 0x4E, 0x47])
        guard isJPEG || isPNG else {
            context.error("bad-image", node, "\(label) '\(path)' is not a JPEG or PNG file",
                          hint: "export the image as JPEG (photos) or PNG (graphics)")
            return nil
        }
        return real
    }
}
