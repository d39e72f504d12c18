import FolioModel
import Foundation

/// The no-op decided from the input files' bytes (see `QuickCheck`).
extension Builder {
    /// The summary of a build with nothing to do, decided without reading the report
    /// (see `QuickCheck`), or nil when that cannot be decided so.
    func quickNoOp(_ options: BuildOptions, outDir: String, started: Date) -> BuildSummary? {
        let cache = BuildCache.read(from: outDir)
        guard let quick = cache.quick else { return nil }
        var userCache = UserCache.read()
        let before = userCache
        let fonts = FontFingerprint(configPath: resources.fontConfig).compute(cache: &userCache)
        if userCache != before { userCache.write() }
        let key = QuickCheck.key(options: options, outDir: outDir, fontHash: fonts.hash, tool: Builder.toolIdentity,
                                 resources: resources)
        guard quick.holds(key: key, reportDirectory: options.reportDirectory, layouts: resources.layoutsDirectory,
                          outDir: outDir, cache: cache) else { return nil }
        AtomicFile.sweep(outDir) // temporary files of a killed build
        PhaseClock.mark("nothing changed (quick check)")
        return BuildSummary(outputDirectory: outDir, written: [], unchanged: quick.planned.sorted(), removed: [], warnings: [],
                            pages: 0, cards: 0, seconds: Date().timeIntervalSince(started), decidedQuickly: true)
    }

    /// The record of a build that just committed `planned`, made only if the input files
    /// (`filesBefore`, `imagesBefore`, read as the build started) did not change while it ran.
    func quickRecord(_ options: BuildOptions, outDir: String, fontHash: String, planned: [String],
                     filesBefore: [String: String]?, imagesBefore: [String: QuickCheck.ImageStamp]?) -> QuickCheck? {
        guard let files = filesBefore, let images = imagesBefore,
              QuickCheck.fileHashes(reportDirectory: options.reportDirectory, layouts: resources.layoutsDirectory) == files,
              QuickCheck.imageStamps(Array(images.keys)) == images,
              let manifest = BuildCache.stat((outDir as NSString).appendingPathComponent(Manifest.fileName)) else { return nil }
        return QuickCheck(key: QuickCheck.key(options: options, outDir: outDir, fontHash: fontHash, tool: Builder.toolIdentity,
                                              resources: resources),
                          files: files, images: images, manifest: manifest, planned: planned)
    }
}
