import FolioCore
import FolioModel
import Foundation

/// What a no-op build is decided by without reading the report: the exact bytes of the
/// report and layout files, the identity of the images and data files, the font set, the tool, the
/// options, Folio's own folders and the list of card presets, as they were when the
/// outputs were last made (kept in the output folder's stat cache). When all of them and
/// every output file are as they were, the build has nothing to do: it returns at once
/// instead of parsing YAML and planning. Anything else — a changed byte, a touched image,
/// a build that had warnings to repeat — takes the ordinary path, which decides by
/// content.
///
/// A record is made only from inputs that did not change while the build ran: they are
/// read before the build and again after it, and a difference means no record.
struct QuickCheck: Codable, Equatable {
    /// Tool, options, folders, font set and the card presets available.
    var key: String
    /// SHA-256 of the report file and of every layout file.
    var files: [String: String]
    /// The images the report names: where each path leads and that file's identity.
    var images: [String: ImageStamp]
    /// The manifest as written (a changed or missing manifest means a full check).
    var manifest: BuildCache.Stat
    /// The outputs the build planned.
    var planned: [String]

    /// An image file as found through the path the report gives.
    struct ImageStamp: Codable, Equatable {
        var target: String
        var identity: String

        /// The stamp of `path`, or nil when it cannot be read or changed less than two
        /// seconds ago (a same-size save within the clock's tick could go unseen).
        init?(path: String) {
            target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard let file = FileIdentity(path: target), file.isSettled() else { return nil }
            identity = file.description
        }
    }

    /// SHA-256 of `report.yaml` of `reportDirectory` and of every layout file under
    /// `layouts`, by path; nil when one cannot be read.
    static func fileHashes(reportDirectory: String, layouts: String) -> [String: String]? {
        let report = URL(fileURLWithPath: (reportDirectory as NSString).appendingPathComponent(ReportLoader.fileName))
            .standardizedFileURL.path
        var paths = [report]
        // A report's own layout (`layout: ./brand.yaml`) lies in its folder.
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: reportDirectory)) ?? []).sorted()
        where name.hasSuffix(".yaml") && name != ReportLoader.fileName {
            paths.append(URL(fileURLWithPath: (reportDirectory as NSString).appendingPathComponent(name)).standardizedFileURL.path)
        }
        for dir in [layouts, (layouts as NSString).appendingPathComponent("cards")] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []) where name.hasSuffix(".yaml") {
                paths.append((dir as NSString).appendingPathComponent(name))
            }
        }
        var files: [String: String] = [:]
        for path in paths {
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            files[path] = Fingerprint.sha256(bytes)
        }
        return files
    }

    /// The stamps of the images at `paths`; nil when one cannot be read or is too fresh.
    static func imageStamps(_ paths: [String]) -> [String: ImageStamp]? {
        var images: [String: ImageStamp] = [:]
        for path in paths {
            guard let stamp = ImageStamp(path: path) else { return nil }
            images[path] = stamp
        }
        return images
    }

    /// The key: everything but file contents that a build's outputs depend on.
    static func key(options: BuildOptions, outDir: String, fontHash: String, tool: String, resources: Resources) -> String {
        var fp = Fingerprint()
        fp.add("tool", tool)
        fp.add("fonts", fontHash)
        fp.add("font-config", URL(fileURLWithPath: resources.fontConfig).resolvingSymlinksInPath().path)
        fp.add("layouts", URL(fileURLWithPath: resources.layoutsDirectory).resolvingSymlinksInPath().path)
        fp.add("report", URL(fileURLWithPath: options.reportDirectory).standardizedFileURL.path)
        fp.add("out", outDir)
        fp.add("layout", options.layout ?? "")
        fp.add("cards", options.cardPresets?.joined(separator: ",") ?? "(report's)")
        fp.add("flags", "\(options.scale) \(options.print) \(options.marks) \(options.brochure) \(options.cards)")
        if options.archive { fp.add("archive", "PDF/A-2u") }
        return fp.hex
    }

    /// The absolute paths of the images `report` names, as it names them (links not
    /// followed), and of the data files its charts and figures read (stamped the same way).
    static func imagePaths(_ report: Report) -> [String] {
        ([report.cover] + report.events.map(\.image)).compactMap { $0 }.map {
            URL(fileURLWithPath: $0.path, relativeTo: URL(fileURLWithPath: report.directory, isDirectory: true)).standardizedFileURL.path
        } + report.dataFiles
    }

    /// Whether nothing changed since the record: same key, same bytes, same images, and
    /// every planned output and the manifest as the stat cache last saw them.
    func holds(key: String, reportDirectory: String, layouts: String, outDir: String, cache: BuildCache) -> Bool {
        guard key == self.key,
              BuildCache.stat((outDir as NSString).appendingPathComponent(Manifest.fileName)) == manifest,
              Self.imageStamps(Array(images.keys)) == images,
              Self.fileHashes(reportDirectory: reportDirectory, layouts: layouts) == files else { return false }
        for path in planned {
            guard let seen = cache.outputs[path], BuildCache.stat((outDir as NSString).appendingPathComponent(path)) == seen else {
                return false
            }
        }
        return true
    }
}
