import Foundation

/// `DIR/manifest.json`: every output with the hash of its inputs, its own SHA-256 and
/// size, and the tool that made it. The next build compares against it.
public struct Manifest: Codable, Hashable, Sendable {
    public var tool: String
    public var report: String
    public var layout: String
    public var outputs: [Output]
    /// The font files of the set with their content hashes.
    public var fonts: [FontFile]

    public init(tool: String, report: String, layout: String, outputs: [Output], fonts: [FontFile]) {
        self.tool = tool
        self.report = report
        self.layout = layout
        self.outputs = outputs
        self.fonts = fonts
    }

    public struct Output: Codable, Hashable, Sendable {
        /// Relative to the output folder.
        public var path: String
        /// What the output is.
        public var kind: OutputKind
        public var event: String?
        public var preset: String?
        /// SHA-256 of everything this output depends on.
        public var inputs: String
        public var sha256: String
        public var size: Int
    }

    public struct FontFile: Codable, Hashable, Sendable {
        public var path: String
        public var size: Int
        public var sha256: String
    }

    public static let fileName = "manifest.json"

    /// Reads the manifest of an output folder (nil when absent or unreadable).
    public static func read(from dir: String) -> Manifest? {
        let path = (dir as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// Stable JSON (sorted keys, outputs sorted by path).
    public func encoded() throws -> Data {
        var copy = self
        copy.outputs.sort { $0.path < $1.path }
        copy.fonts.sort { $0.path < $1.path }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(copy)
        data.append(0x0A)
        return data
    }
}
