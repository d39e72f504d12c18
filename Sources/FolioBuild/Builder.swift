import FolioCore
import FolioGraphics
import FolioLayout
import FolioModel
import Foundation
import Synchronization

/// Builds a report in typed stages — plan (`PlanStage`), lay out (`LayoutStage`), render
/// and stage (`RenderStage`, `StagedFile`), commit (`CommitStage`) — and checks one
/// (`check`). A value-like owner: its only state is the memo a watching process reuses
/// from rebuild to rebuild (`BuildMemo`) and the wait handler, both behind locks, so one
/// builder may serve several tasks.
public final class Builder: Sendable {
    public let resources: Resources
    public static let version = "0.1.0"
    /// The font set and what was made with it, kept from build to build.
    let memo = BuildMemo()
    private let waitHandler = Mutex<(@Sendable (String) -> Void)?>(nil)

    public init(resources: Resources) {
        self.resources = resources
    }

    /// Told when a build must wait for another process that writes into the same output
    /// folder (see `OutputLock`), with a description of it: "folio watch … (pid 1234)".
    public var onWait: (@Sendable (String) -> Void)? {
        get { waitHandler.withLock { $0 } }
        set { waitHandler.withLock { $0 = newValue } }
    }

    /// The brochure as laid out by the last build that re-made it and succeeded, for the
    /// live preview (`folio serve`); nil until then. It draws without a font set: its glyph
    /// runs name their faces by handle.
    public var lastBrochure: Document? { memo.lastBrochure }

    /// The tool's identity in manifests: version plus the executable's size and date, so
    /// a rebuilt tool re-makes everything.
    public static var toolIdentity: String { identity }

    /// Computed once: the executable as it was when this process started using it.
    /// `/proc/self/exe` names it even when it was started through `PATH` by a bare name.
    private static let identity: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attributes?[.size] as? Int) ?? 0
        let mtime = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "folio \(version) (\(size)-\(Int(mtime)))"
    }()

    /// The current memo generation, with its font set (made on first use).
    func generation() throws -> BuildMemo.InUse {
        do {
            return try memo.current(configFile: resources.fontConfig)
        } catch {
            throw BuildError.environment("\(error)")
        }
    }

    /// Tells the wait handler that this build waits for another writer.
    func waiting(_ holder: String) {
        onWait?(holder)
    }

    // MARK: - Building

    /// Builds the outputs that are missing or out of date.
    public func build(_ options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) async throws -> BuildSummary {
        while true {
            do {
                return try await buildOnce(options, progress: progress)
            } catch is OutputLock.Contended {
                continue // another build made the output folder meanwhile: plan again from what it wrote
            }
        }
    }

    /// One pass through the stages: plan, lay out and render what changed, commit.
    private func buildOnce(_ options: BuildOptions, progress: @escaping @Sendable (BuildProgress) -> Void) async throws -> BuildSummary {
        let started = Date()
        PhaseClock.mark("build started")
        // Every input problem, the output folder's included, is reported before anything is written.
        let (outDir, outputProblems) = outputDirectory(options)
        // One writer per output folder (see `OutputLock`); a folder made later is locked when made.
        let lock = OutputLock(directory: outDir)
        defer { lock.release() }
        lock.acquire(waiting: waiting)
        if !options.force, outputProblems.isEmpty, let summary = quickNoOp(options, outDir: outDir, started: started) {
            return summary
        }
        let plan = try PlanStage(builder: self, options: options, outDir: outDir).run(extra: outputProblems)
        var rendered = RenderStage.Output(warnings: plan.inputs.warnings)
        if !plan.needed.isEmpty {
            let generation = try self.generation()
            PhaseClock.mark("font set")
            let stage = try RenderStage(builder: self, plan: plan, options: options, outDir: outDir, generation: generation)
            rendered = try await stage.run(lock: lock, progress: progress)
            if let document = rendered.document { memo.lastBrochure = document }
            PhaseClock.mark("rendered")
        }
        progress(.writing)
        return try CommitStage(builder: self, plan: plan, options: options, outDir: outDir)
            .run(rendered, lock: lock, started: started)
    }
}
