import FolioModel
import Foundation

/// What a build will make: the inputs, every output with the hash of its inputs, the ones
/// that are missing or out of date, and what the commit needs to know of the last build.
struct BuildPlan: Sendable {
    var inputs: Builder.Inputs
    /// Every output of the build, in order.
    var outputs: [PlannedOutput]
    /// The outputs to make: those missing or out of date.
    var needed: [PlannedOutput]
    /// The output folder's manifest as found.
    var previous: Manifest?
    /// The manifest outputs may be kept from (nil with `--force`).
    var reusable: Manifest?
    /// The output folder's stat cache, as read and as updated by the plan.
    var oldCache: BuildCache
    var cache: BuildCache
    var fontHash: String
    var fontFiles: [Manifest.FontFile]
    /// The raw inputs as they were when the build started (see `Builder.quickRecord`).
    var filesBefore: [String: String]?
    var imagesBefore: [String: QuickCheck.ImageStamp]?

    /// Whether the brochure must be laid out (its screen or print PDF is needed).
    var needsBrochure: Bool { needed.contains { $0.kind.isBrochure } }
}

/// Stage 1, plan: loads the inputs, fingerprints them, and compares each output's input
/// hash with the output folder's manifest. Writes nothing but the per-user hash cache.
struct PlanStage {
    let builder: Builder
    let options: BuildOptions
    let outDir: String

    /// The plan; `extra` diagnostics (the output folder's) are reported with the inputs'.
    func run(extra: [Diagnostic]) throws -> BuildPlan {
        let resources = builder.resources
        // The raw inputs before and after the build: a record for the quick check is made
        // only if nothing changed while the build ran.
        let filesBefore = QuickCheck.fileHashes(reportDirectory: options.reportDirectory, layouts: resources.layoutsDirectory)
        let inputs = try builder.load(options, extra: extra)
        let imagesBefore = QuickCheck.imageStamps(QuickCheck.imagePaths(inputs.report) + [inputs.layout.logo].compactMap { $0 })
        PhaseClock.mark("loaded report and layouts")
        let previous = Manifest.read(from: outDir)
        let reusable = options.force ? nil : previous
        let oldCache = BuildCache.read(from: outDir)
        var cache = oldCache
        var userCache = UserCache.read()
        let oldUserCache = userCache
        let fontPrint = FontFingerprint(configPath: resources.fontConfig).compute(cache: &userCache)
        builder.memo.adopt(fontHash: fontPrint.hash)
        PhaseClock.mark("font fingerprint")
        let plan = OutputPlan(options: options, inputs: inputs, fontHash: fontPrint.hash, tool: Builder.toolIdentity, cache: &userCache)
        if userCache != oldUserCache { userCache.write() }
        let needed = plan.outputs.filter { !Self.isCurrent($0, manifest: reusable, outDir: outDir, cache: &cache) }
        PhaseClock.mark("planned: \(needed.count) of \(plan.outputs.count) outputs to make")
        return BuildPlan(inputs: inputs, outputs: plan.outputs, needed: needed, previous: previous, reusable: reusable,
                         oldCache: oldCache, cache: cache, fontHash: fontPrint.hash, fontFiles: fontPrint.files,
                         filesBefore: filesBefore, imagesBefore: imagesBefore)
    }

    /// Whether an output exists with the content the manifest recorded for these inputs.
    /// A file whose size and time match the cache is trusted; otherwise its hash decides.
    static func isCurrent(_ out: PlannedOutput, manifest: Manifest?, outDir: String, cache: inout BuildCache) -> Bool {
        guard let manifest, let record = manifest.outputs.first(where: { $0.path == out.path }),
              record.inputs == out.inputs else { return false }
        let path = (outDir as NSString).appendingPathComponent(out.path)
        guard let stat = BuildCache.stat(path), stat.size == record.size else { return false }
        if cache.outputs[out.path] == stat { return true }
        guard Fingerprint.sha256(file: path) == record.sha256 else { return false }
        cache.outputs[out.path] = stat
        return true
    }
}
