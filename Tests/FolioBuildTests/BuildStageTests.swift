import FolioCore
import FolioGraphics
@testable import FolioBuild
import FolioTestSupport
import Foundation
import Testing

/// The build's stages one at a time: what the plan decides, what the card queue holds
/// back, how parallel work is bounded, and what a failing render stage leaves behind.
@Suite("Build stages", .serialized)
struct BuildStageTests {
    @Test("the plan for a changed event: the brochure and that event's card, nothing else")
    func planForOneEvent() async throws {
        let w = try Workspace()
        try await w.build()
        let builder = Builder(resources: w.resources)
        let unchanged = try PlanStage(builder: builder, options: w.options, outDir: w.out).run(extra: [])
        #expect(unchanged.needed.isEmpty)
        #expect(unchanged.outputs.count == 11)
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "钛铁矿具有弱磁性", with: "钛铁矿具有较弱的磁性") }
        let plan = try PlanStage(builder: builder, options: w.options, outDir: w.out).run(extra: [])
        #expect(plan.needed.map(\.path) == ["brochure.pdf", "cards/square/07-lunar-helium-3.png"])
        #expect(plan.needed.map(\.kind) == [.brochure, .card])
        #expect(plan.needsBrochure)
        #expect(plan.outputs.count == 11)
    }

    @Test("with --force every output is planned, the print file as .print")
    func forcedPlan() async throws {
        let w = try Workspace()
        try await w.build()
        var options = w.options
        options.force = true
        options.print = true
        let plan = try PlanStage(builder: Builder(resources: w.resources), options: options, outDir: w.out).run(extra: [])
        #expect(plan.needed.count == plan.outputs.count)
        #expect(plan.needed.filter { $0.kind == .print }.map(\.path) == ["brochure-print.pdf"])
        #expect(plan.reusable == nil)
    }

    @Test("a render stage that fails after staging leaves the previous outputs and no temporary file")
    func failingRender() async throws {
        let w = try Workspace()
        var options = w.options
        options.print = true
        _ = try await Builder(resources: w.resources).build(options)
        let before = w.snapshot()
        // The print file needs the colour profiles: without them the PDF job fails while
        // the cards are being staged.
        try FileManager.default.removeItem(atPath: w.resources.root + "/Profiles")
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "钛铁矿具有弱磁性", with: "钛铁矿具有较弱的磁性") }
        await #expect(throws: BuildError.self) { try await Builder(resources: w.resources).build(options) }
        #expect(w.snapshot() == before)
        let left = (FileManager.default.enumerator(atPath: w.out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("the card queue holds bytes until the build may write, then stages them; it stops drawing past its limit")
    func cardQueue() throws {
        let out = TestSupport.temporaryDirectory("card-queue")
        let jobs = (0..<6).map { i in
            CardJob(output: PlannedOutput(path: "cards/square/0\(i).png", kind: .card, event: "e\(i)", preset: "square", inputs: "x"),
                    page: Page(size: Size(width: 10, height: 10)))
        }
        var queue = CardQueue(limit: 10)
        queue.load(jobs)
        var started: [Int] = []
        while let (i, _) = queue.start(writable: false) { started.append(i) }
        #expect(started == Array(0..<min(Parallel.width, 6)))
        for i in started { queue.finish(i, .success(.held(Data(count: 20))), stageIn: nil) }
        // Held bytes over the limit: nothing more starts until the build may write.
        #expect(queue.start(writable: false).map(\.index) == nil)
        #expect(queue.staged.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out + "/cards"))
        queue.stageHeld(in: out)
        #expect(queue.staged.map(\.record.path) == started.map { jobs[$0].output.path })
        for file in queue.staged { #expect(FileManager.default.fileExists(atPath: file.temp)) }
        while let (i, _) = queue.start(writable: true) {
            queue.finish(i, .failure(BuildError.io("card \(i) failed")), stageIn: out)
        }
        #expect(queue.done == 6)
        #expect("\(queue.firstError.map { "\($0)" } ?? "")" == "card \(started.count) failed")
        StagedFile.discard(queue.staged)
        for file in queue.staged { #expect(!FileManager.default.fileExists(atPath: file.temp)) }
    }

    @Test("parallel work: every result in its input's place, a failure only in its own")
    func parallelOrder() async {
        let results = await Parallel.map(count: 40) { i -> Int in
            var x = 0
            for k in 0..<(40 - i) * 2_000 { x &+= k } // later items finish sooner
            if i == 7 { throw BuildError.io("seven \(x)") }
            return i
        }
        #expect(results.count == 40)
        #expect(results.enumerated().allSatisfy { i, r in i == 7 ? (try? r.get()) == nil : (try? r.get()) == i })
    }

    @Test("one memo generation per font hash: the same hash keeps the font set and caches, another drops them")
    func fontGenerations() throws {
        let memo = BuildMemo()
        let config = Resources(root: TestSupport.root).fontConfig
        memo.adopt(fontHash: "a")
        let first = try memo.current(configFile: config)
        memo.adopt(fontHash: "a")
        let same = try memo.current(configFile: config)
        #expect(same.fonts === first.fonts && same.shaping === first.shaping && same.pages === first.pages)
        memo.adopt(fontHash: "b")
        let next = try memo.current(configFile: config)
        #expect(next.fonts !== first.fonts && next.shaping !== first.shaping && next.pages !== first.pages)
        // Coverage found with a dropped generation's fonts is not kept.
        var coverage = CoverageMemo()
        coverage.markClean("字", FontSpec(family: "Noto Serif CJK SC", weight: 400, size: 10))
        memo.remember(coverage: coverage, of: first)
        #expect(!(try memo.current(configFile: config)).coverage.isClean("字", FontSpec(family: "Noto Serif CJK SC", weight: 400, size: 10)))
        memo.remember(coverage: coverage, of: next)
        #expect((try memo.current(configFile: config)).coverage.isClean("字", FontSpec(family: "Noto Serif CJK SC", weight: 400, size: 10)))
    }

    @Test("one builder, two builds at once into two folders: the same bytes as one build alone")
    func concurrentBuilds() async throws {
        let w = try Workspace()
        try await w.build()
        let builder = Builder(resources: w.resources)
        let outs = [w.root + "/out-a", w.root + "/out-b"]
        async let a = builder.build(BuildOptions(reportDirectory: w.report, outputDirectory: outs[0], cardPresets: w.presets))
        async let b = builder.build(BuildOptions(reportDirectory: w.report, outputDirectory: outs[1], cardPresets: w.presets))
        let (sa, sb) = try await (a, b)
        #expect(sa.written.count == 11 && sb.written.count == 11)
        let files = (FileManager.default.enumerator(atPath: w.out)?.allObjects as? [String] ?? [])
            .filter { $0.contains(".") && $0 != BuildCache.fileName }
        #expect(files.count == 13) // the brochure, ten cards, the card index, the manifest
        for out in outs {
            for file in files {
                let data = FileManager.default.contents(atPath: out + "/" + file)
                #expect(data != nil && data == FileManager.default.contents(atPath: w.out + "/" + file), "\(out)/\(file)")
            }
        }
    }

    @Test("output kinds keep the manifest's words")
    func kindsInManifest() throws {
        #expect(OutputKind.allRawValues == ["brochure", "print", "card"])
        let json = #"{"tool":"t","report":"r","layout":"l","fonts":[],"outputs":[{"path":"p.png","kind":"card","inputs":"i","sha256":"s","size":1}]}"#
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        #expect(manifest.outputs.first?.kind == .card)
        #expect(String(decoding: try manifest.encoded(), as: UTF8.self).contains(#""kind" : "card""#))
    }
}

extension OutputKind {
    static var allRawValues: [String] { [OutputKind.brochure, .print, .card].map(\.rawValue) }
}
