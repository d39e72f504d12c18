import FolioModel
import Foundation

/// What a no-op build is decided by without reading the report: the exact bytes of the
/// report and layout files, the identity of the images, the font set, the tool, the
/// options and the list of card presets, as they were when the outputs were last made
/// (kept in the output folder's stat cache). When all of them and every output file are
/// as they were, the build has nothing to do: it returns at once instead of parsing YAML
/// and planning (about 20 ms of a 45 ms no-op). Anything else — a changed byte, a
/// touched image, a build that had warnings to repeat — takes the ordinary path, which
/// decides by content.
struct QuickCheck: Codable, Equatable {
    /// Tool, options, font set and the card presets available.
    var key: String
    /// SHA-256 of the report and layout files read.
    var files: [String: String]
    /// Size and modification time of the image files used.
    var images: [String: BuildCache.Stat]
    /// The manifest as written (a changed or missing manifest means a full check).
    var manifest: BuildCache.Stat
    /// The outputs the build planned.
    var planned: [String]

    /// The key: everything but file contents that a build's outputs depend on.
    static func key(options: BuildOptions, outDir: String, fontHash: String, tool: String, cardsDirectory: String) -> String {
        var fp = Fingerprint()
        fp.add("tool", tool)
        fp.add("fonts", fontHash)
        fp.add("report", URL(fileURLWithPath: options.reportDirectory).standardizedFileURL.path)
        fp.add("out", outDir)
        fp.add("layout", options.layout ?? "")
        fp.add("cards", options.cardPresets?.joined(separator: ",") ?? "(report's)")
        fp.add("flags", "\(options.scale) \(options.print) \(options.marks) \(options.brochure) \(options.cards)")
        let presets = ((try? FileManager.default.contentsOfDirectory(atPath: cardsDirectory)) ?? []).filter { $0.hasSuffix(".yaml") }
        fp.add("presets", presets.sorted().joined(separator: ","))
        return fp.hex
    }

    /// The record of a build that just committed `planned` from these inputs.
    static func record(key: String, reportDirectory: String, inputs: Builder.Inputs, outDir: String, planned: [String]) -> QuickCheck? {
        var files: [String: String] = [:]
        let reportFile = (reportDirectory as NSString).appendingPathComponent(ReportLoader.fileName)
        for file in [reportFile, inputs.layout.file] + inputs.cards.map(\.file) where !file.isEmpty {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            files[path] = Fingerprint.sha256(bytes)
        }
        var images: [String: BuildCache.Stat] = [:]
        let refs = [inputs.report.cover].compactMap { $0 } + inputs.report.events.compactMap(\.image)
        for ref in refs {
            guard let stat = BuildCache.stat(ref.absolutePath) else { return nil }
            images[ref.absolutePath] = stat
        }
        guard let manifest = BuildCache.stat((outDir as NSString).appendingPathComponent(Manifest.fileName)) else { return nil }
        return QuickCheck(key: key, files: files, images: images, manifest: manifest, planned: planned)
    }

    /// Whether nothing changed since the record: same key, same bytes, same images, and
    /// every planned output and the manifest as the stat cache last saw them.
    func holds(key: String, outDir: String, cache: BuildCache) -> Bool {
        guard key == self.key,
              BuildCache.stat((outDir as NSString).appendingPathComponent(Manifest.fileName)) == manifest else { return false }
        for (path, sha) in files {
            guard let bytes = FileManager.default.contents(atPath: path), Fingerprint.sha256(bytes) == sha else { return false }
        }
        for (path, stat) in images where BuildCache.stat(path) != stat { return false }
        for path in planned {
            guard let seen = cache.outputs[path], BuildCache.stat((outDir as NSString).appendingPathComponent(path)) == seen else {
                return false
            }
        }
        return true
    }
}
