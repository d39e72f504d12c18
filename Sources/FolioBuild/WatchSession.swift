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

/// One build of a watch, for an observer (`folio watch` prints it; a preview server can
/// reload its page): what changed, the outcome, and its diagnostics, with those not
/// reported before picked out, so a warning about an input nobody touched is shown once.
public struct WatchUpdate: Sendable {
    /// The files that changed, as shown to the user; empty for the first build.
    public var changed: [String]
    /// The output folder (absolute), whether or not the build succeeded.
    public var outputDirectory: String
    /// The build's summary, when it succeeded.
    public var summary: BuildSummary?
    /// Why it failed (`BuildError.input` holds the diagnostics), when it did.
    public var error: Error?
    /// Every diagnostic of this build: the warnings of a success, all problems of a failure.
    public var diagnostics: [Diagnostic]
    /// The diagnostics to show now: every error, and the warnings the build before did
    /// not have (the same warning about the same text is reported once per watch).
    public var fresh: [Diagnostic]

    /// Whether this is the watch's first build.
    public var isFirst: Bool { changed.isEmpty }
}

/// Watches a report, its images, the layouts and the fonts; rebuilds what changed after
/// each burst of saves; keeps the last good outputs when a save is broken.
public struct WatchSession {
    public let builder: Builder
    public let options: BuildOptions
    /// Quiet time that ends a burst of saves.
    public var debounce: Double = 0.15
    /// Called after every build (the first included), on the watching thread.
    public var onUpdate: ((WatchUpdate) -> Void)?

    public init(builder: Builder, options: BuildOptions) {
        self.builder = builder
        self.options = options
    }

    /// The folders watched: the report's, Folio's layouts and its fonts.
    public var roots: [String] {
        [URL(fileURLWithPath: options.reportDirectory).standardizedFileURL.path,
         builder.resources.layoutsDirectory, builder.resources.fontsDirectory]
    }

    /// Runs until `shouldStop` returns true (checked at least every quarter second).
    public func run(shouldStop: () -> Bool, report: (WatchEvent) -> Void) async throws {
        let watcher = try FileWatcher()
        for root in roots { watcher.watch(directory: root, recursive: true) }
        report(.watching(roots.map(DisplayPath.relative)))
        var memo = WarningMemo()
        let out = builder.outputDirectory(options).0
        func once(_ changed: [String]) async {
            do {
                let summary = try await builder.build(options)
                report(changed.isEmpty ? .built(summary) : .rebuilt(changed: changed, summary: summary))
                onUpdate?(WatchUpdate(changed: changed, outputDirectory: out, summary: summary, error: nil, diagnostics: summary.warnings,
                                      fresh: memo.fresh(summary.warnings)))
            } catch {
                report(.failed(changed: changed, error: error))
                let list: [Diagnostic]
                if case BuildError.input(let d) = error { list = d } else { list = [] }
                onUpdate?(WatchUpdate(changed: changed, outputDirectory: out, summary: nil, error: error, diagnostics: list, fresh: memo.fresh(list)))
            }
        }
        await once([])
        while !shouldStop() {
            var changed = await Self.changes(watcher, within: 0.25)
            guard !changed.isEmpty else { continue }
            // Let a burst of saves settle.
            while true {
                let more = await Self.changes(watcher, within: debounce)
                if more.isEmpty { break }
                for path in more where !changed.contains(path) { changed.append(path) }
            }
            // Drop temporaries that came and went during the save (sed's, some editors').
            let known = ["yaml", "yml", "jpg", "jpeg", "png", "conf", "ttf", "otf", "ttc", "otc", "xlsx", "xlsm", "csv"]
            changed = changed.filter {
                FileManager.default.fileExists(atPath: $0) || known.contains(($0 as NSString).pathExtension.lowercased())
            }
            guard !changed.isEmpty else { continue }
            await once(changed.map(DisplayPath.relative))
        }
    }
}

extension WatchSession {
    /// The files that changed within `timeout` seconds. Waits without holding a thread of
    /// the cooperative pool (the builds need every core): polls every 10 ms and sleeps
    /// between polls.
    static func changes(_ watcher: FileWatcher, within timeout: Double) async -> [String] {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            let found = watcher.changes(timeout: 0)
            if !found.isEmpty || ContinuousClock.now >= deadline { return found }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// The warnings a watch has reported, so that one about unchanged text is not repeated
/// on every rebuild. A warning is the same when its code, message, file and source line
/// are (its line number may move when lines above it are edited).
public struct WarningMemo: Sendable {
    private var shown: Set<String> = []

    public init() {}

    /// Every error, and the warnings not reported by the previous call.
    public mutating func fresh(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let keys = diagnostics.map(Self.key)
        let result = zip(diagnostics, keys).filter { $0.severity == .error || !shown.contains($1) }.map(\.0)
        shown = Set(zip(diagnostics, keys).filter { $0.0.severity == .warning }.map(\.1))
        return result
    }

    static func key(_ d: Diagnostic) -> String {
        [d.code, d.message, d.location?.file ?? "", d.sourceLine ?? "", d.hint ?? ""].joined(separator: "\u{0}")
    }
}
