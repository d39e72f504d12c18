import FolioModel
import Foundation

/// Stage 5, commit: renames every staged file over its target, removes the cards no
/// longer planned, writes the manifest, the card index and the stat cache, and sums up.
/// Until the first rename, a failure leaves the previous outputs exactly as they were.
struct CommitStage {
    let builder: Builder
    let plan: BuildPlan
    let options: BuildOptions
    let outDir: String

    func run(_ rendered: RenderStage.Output, lock: OutputLock, started: Date) throws -> BuildSummary {
        var staged = rendered.staged
        defer { StagedFile.discard(staged) } // those not renamed, when a rename fails
        try builder.prepare(outDir, sweep: staged.isEmpty, lock: lock)
        PhaseClock.mark("commit: folder ready")
        var cache = plan.cache
        for file in staged {
            guard rename(file.temp, file.final) == 0 else {
                throw BuildError.io("cannot write \(file.final): \(String(cString: strerror(errno)))")
            }
            cache.outputs[file.record.path] = BuildCache.stat(file.final)
        }
        let records = Dictionary(staged.map { ($0.record.path, $0.record) }, uniquingKeysWith: { _, last in last })
        staged = []
        var outputs: [Manifest.Output] = []
        var unchanged: [String] = []
        for out in plan.outputs {
            if let record = records[out.path] {
                outputs.append(record)
            } else if let kept = plan.reusable?.outputs.first(where: { $0.path == out.path }) {
                outputs.append(kept)
                unchanged.append(out.path)
            }
        }
        let (kept, removed) = staleCards(cache: &cache)
        outputs += kept
        let manifest = try writeManifest(outputs)
        if !records.isEmpty || !removed.isEmpty {
            try? CardIndex.write(outDir: outDir, manifest: manifest, report: plan.inputs.report)
        }
        PhaseClock.mark("manifest written")
        // A build with warnings is not decided quickly: a no-op prints its warnings again.
        cache.quick = rendered.warnings.isEmpty
            ? builder.quickRecord(options, outDir: outDir, fontHash: plan.fontHash, planned: plan.outputs.map(\.path),
                                  filesBefore: plan.filesBefore, imagesBefore: plan.imagesBefore)
            : nil
        if cache != plan.oldCache { try? cache.write(to: outDir) }
        PhaseClock.mark("committed")
        var summary = BuildSummary(outputDirectory: outDir, written: records.keys.sorted(), unchanged: unchanged.sorted(),
                                   removed: removed.sorted(), warnings: rendered.warnings.filter { $0.severity == .warning },
                                   pages: rendered.document?.pages.count ?? 0, cards: records.values.filter { $0.kind == .card }.count,
                                   seconds: Date().timeIntervalSince(started))
        summary.pageMultiple = plan.inputs.layout.page.padTo
        return summary
    }

    /// Writes the manifest of `outputs` unless the folder has it already, byte for byte.
    private func writeManifest(_ outputs: [Manifest.Output]) throws -> Manifest {
        let manifest = Manifest(tool: Builder.toolIdentity, report: DisplayPath.relative(plan.inputs.report.directory),
                                layout: plan.inputs.layout.name, outputs: outputs, fonts: plan.fontFiles)
        let data = try manifest.encoded()
        let path = (outDir as NSString).appendingPathComponent(Manifest.fileName)
        if FileManager.default.contents(atPath: path) != data {
            // Not flushed, like the outputs it lists: after a crash a lost or torn manifest
            // (or output) only means those outputs are made again.
            try AtomicFile.write(data, to: path, sync: false)
        }
        return manifest
    }

    /// The cards of the last build that this one did not plan: those of another preset
    /// for an event still in the report are kept (still valid); the others are removed.
    private func staleCards(cache: inout BuildCache) -> (kept: [Manifest.Output], removed: [String]) {
        var kept: [Manifest.Output] = []
        var removed: [String] = []
        let eventIDs = Set(plan.inputs.report.events.map(\.id))
        for old in plan.previous?.outputs ?? [] where old.kind == .card {
            if plan.outputs.contains(where: { $0.path == old.path }) { continue }
            let path = (outDir as NSString).appendingPathComponent(old.path)
            if let event = old.event, eventIDs.contains(event), FileManager.default.fileExists(atPath: path),
               !plan.outputs.contains(where: { $0.preset == old.preset && $0.event == event }) {
                kept.append(old) // another preset's card, still valid
                continue
            }
            if FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.removeItem(atPath: path)
                removed.append(old.path)
            }
            cache.outputs[old.path] = nil
        }
        return (kept, removed)
    }
}
