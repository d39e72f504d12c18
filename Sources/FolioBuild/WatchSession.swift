import Foundation
import FolioModel

/// What `folio watch` reports.
public enum WatchEvent: Sendable {
    /// The first build finished.
    case built(BuildSummary)
    /// Files changed and were rebuilt.
    case rebuilt(changed: [String], summary: BuildSummary)
    /// Files changed but the input is broken; the last good outputs stay.
    case failed(changed: [String], error: Error)
    /// The watch is running: what it watches.
    case watching([String])
}

/// Watches a report, its images, the layouts and the fonts; rebuilds what changed after
/// each burst of saves; keeps the last good outputs when a save is broken.
public struct WatchSession {
    public let builder: Builder
    public let options: BuildOptions
    /// Quiet time that ends a burst of saves.
    public var debounce: Double = 0.15

    public init(builder: Builder, options: BuildOptions) {
        self.builder = builder
        self.options = options
    }

    /// Runs until `shouldStop` returns true (checked at least every quarter second).
    public func run(shouldStop: () -> Bool, report: (WatchEvent) -> Void) throws {
        let watcher = try FileWatcher()
        let reportDir = URL(fileURLWithPath: options.reportDirectory).standardizedFileURL.path
        let roots = [reportDir, builder.resources.layoutsDirectory, builder.resources.fontsDirectory]
        for root in roots { watcher.watch(directory: root, recursive: true) }
        report(.watching(roots.map(DisplayPath.relative)))
        do {
            report(.built(try builder.build(options)))
        } catch {
            report(.failed(changed: [], error: error))
        }
        while !shouldStop() {
            var changed = watcher.changes(timeout: 0.25)
            guard !changed.isEmpty else { continue }
            // Let a burst of saves settle.
            while true {
                let more = watcher.changes(timeout: debounce)
                if more.isEmpty { break }
                for path in more where !changed.contains(path) { changed.append(path) }
            }
            // Drop temporaries that came and went during the save (sed's, some editors').
            let known = ["yaml", "yml", "jpg", "jpeg", "png", "conf", "ttf", "otf", "ttc", "otc", "xlsx", "xlsm", "csv"]
            changed = changed.filter {
                FileManager.default.fileExists(atPath: $0) || known.contains(($0 as NSString).pathExtension.lowercased())
            }
            guard !changed.isEmpty else { continue }
            let names = changed.map(DisplayPath.relative)
            do {
                report(.rebuilt(changed: names, summary: try builder.build(options)))
            } catch {
                report(.failed(changed: names, error: error))
            }
        }
    }
}
