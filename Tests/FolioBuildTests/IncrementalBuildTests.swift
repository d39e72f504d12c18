import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// A temporary copy of the default report and of Folio's resources, so tests may edit
/// the data, the layouts and the card presets.
struct Workspace {
    let root: String
    let report: String
    let out: String
    let resources: Resources

    init(presets: [String] = ["square"]) throws {
        root = TestSupport.temporaryDirectory("incremental")
        report = (root as NSString).appendingPathComponent("ningbo-2022")
        out = (root as NSString).appendingPathComponent("out")
        let fm = FileManager.default
        try fm.copyItem(atPath: TestSupport.path("Reports/ningbo-2022"), toPath: report)
        let res = (root as NSString).appendingPathComponent("folio")
        try fm.createDirectory(atPath: res + "/Fonts", withIntermediateDirectories: true)
        try fm.copyItem(atPath: TestSupport.path("Layouts"), toPath: res + "/Layouts")
        try fm.copyItem(atPath: TestSupport.path("Profiles"), toPath: res + "/Profiles")
        try fm.copyItem(atPath: TestSupport.path("Fonts/fonts.conf"), toPath: res + "/Fonts/fonts.conf")
        resources = Resources(root: res)
        self.presets = presets
    }

    let presets: [String]

    var options: BuildOptions {
        BuildOptions(reportDirectory: report, outputDirectory: out, cardPresets: presets)
    }

    @discardableResult
    func build() async throws -> BuildSummary {
        try await Builder(resources: resources).build(options)
    }

    struct NoChange: Error {}

    func edit(_ file: String, _ transform: (String) -> String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let changed = transform(text)
        guard changed != text else { throw NoChange() }
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
    }

    var yaml: String { (report as NSString).appendingPathComponent("report.yaml") }

    /// Every output file with its size, modification time and content hash (the hidden
    /// stat cache is not an output).
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let e = FileManager.default.enumerator(atPath: out)
        while let name = e?.nextObject() as? String {
            if name == ".folio-cache.json" { continue }
            let path = (out as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { continue }
            let a = try? FileManager.default.attributesOfItem(atPath: path)
            let mtime = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let data = FileManager.default.contents(atPath: path) ?? Data()
            result[name] = "\(data.count) \(mtime) \(data.hashValue)"
        }
        return result
    }
}

@Suite("Incremental builds", .serialized)
struct IncrementalBuildTests {
    @Test("editing one event re-makes the brochure and that event's cards only")
    func oneEvent() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "钛铁矿具有弱磁性", with: "钛铁矿具有较弱的磁性") }
        let summary = try await w.build()
        #expect(summary.written == ["brochure.pdf", "cards/square/07-lunar-helium-3.png"])
        let after = w.snapshot()
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        // The card sheet (cards/index.html) lists sizes to 0.1 KiB: this edit leaves it as it was, so it is not rewritten.
        #expect(changed == ["brochure.pdf", "cards/square/07-lunar-helium-3.png", "manifest.json"])
    }

    @Test("a no-op build writes nothing; a comment is not a change")
    func noOp() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        let summary = try await w.build()
        #expect(summary.written.isEmpty && summary.removed.isEmpty)
        try w.edit(w.yaml) { $0 + "\n# a comment changes no output\n" }
        let again = try await w.build()
        #expect(again.written.isEmpty)
        #expect(w.snapshot() == before)
    }

    @Test("changing the card preset re-makes the cards but not the brochure")
    func cardLayout() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        let preset = w.resources.layoutsDirectory + "/cards/square.yaml"
        // A comment is not a change of the layout…
        try w.edit(preset) { $0 + "\n# a comment\n" }
        #expect(try await w.build().written.isEmpty)
        // …a colour is.
        try w.edit(preset) { $0.replacingOccurrences(of: "    background: deep", with: "    background: \"#0A2F70\"") }
        let summary = try await w.build()
        #expect(!summary.written.contains("brochure.pdf"))
        #expect(summary.written.count == 10)
        #expect(w.snapshot()["brochure.pdf"] == before["brochure.pdf"])
    }

    @Test("a removed event removes its stale cards")
    func removedEvent() async throws {
        let w = try Workspace()
        try await w.build()
        try w.edit(w.yaml) { text in
            let start = text.range(of: "  - id: polybutene-1")!.lowerBound
            let end = text.range(of: "\ncharts:")!.lowerBound
            return String(text[..<start]) + String(text[end...].dropFirst())
        }
        let summary = try await w.build()
        #expect(summary.removed == ["cards/square/10-polybutene-1.png"])
        #expect(!FileManager.default.fileExists(atPath: w.out + "/cards/square/10-polybutene-1.png"))
        #expect(summary.written == ["brochure.pdf"])
    }

    @Test("a broken edit changes nothing in the output folder")
    func brokenEdit() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "edition: 2022", with: "edition: [2022") }
        await #expect(throws: BuildError.self) { try await w.build() }
        #expect(w.snapshot() == before)
    }

    @Test("--force re-makes everything, byte for byte the same")
    func forceIsDeterministic() async throws {
        let w = try Workspace()
        try await w.build()
        let first = w.snapshot().mapValues { $0.split(separator: " ").last.map(String.init) ?? "" }
        var options = w.options
        options.force = true
        let summary = try await Builder(resources: w.resources).build(options)
        #expect(summary.written.count == 11)
        let second = w.snapshot().mapValues { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(first == second)
    }

    @Test("a watching builder's rebuild (kept pages, paragraphs, layouts) is byte for byte a fresh build")
    func keptStateIsInvisible() async throws {
        let w = try Workspace()
        let builder = Builder(resources: w.resources) // one builder, as `folio watch` keeps it
        try await builder.build(w.options)
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "钛铁矿具有弱磁性", with: "钛铁矿具有较弱的磁性，鑫磊") }
        let summary = try await builder.build(w.options)
        #expect(summary.written == ["brochure.pdf", "cards/square/07-lunar-helium-3.png"])
        var fresh = w.options
        fresh.outputDirectory = w.root + "/fresh"
        try await Builder(resources: w.resources).build(fresh)
        for file in ["brochure.pdf", "cards/square/07-lunar-helium-3.png"] {
            let kept = FileManager.default.contents(atPath: w.out + "/" + file)
            #expect(kept != nil && kept == FileManager.default.contents(atPath: w.root + "/fresh/" + file), "\(file)")
        }
    }

    @Test("a no-op is decided from the input files' bytes alone; any change, even one the check cannot read, takes the full check")
    func quickNoOp() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        let again = try await w.build()
        #expect(again.decidedQuickly && again.written.isEmpty && again.unchanged.count == 11)
        #expect(w.snapshot() == before)
        // A comment: new bytes, so the full check runs; it finds nothing to make.
        try w.edit(w.yaml) { $0 + "\n# a comment\n" }
        let comment = try await w.build()
        #expect(!comment.decidedQuickly && comment.written.isEmpty)
        #expect(try await w.build().decidedQuickly)
        // A layout file touched, an output damaged: found and handled by the full check.
        try w.edit(w.resources.layoutsDirectory + "/brochure.yaml") { $0 + "\n# a comment\n" }
        #expect(!(try await w.build().decidedQuickly))
        let card = w.out + "/cards/square/03-ai-platform.png"
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: card))
        let repaired = try await w.build()
        #expect(!repaired.decidedQuickly && repaired.written == ["cards/square/03-ai-platform.png"])
        #expect(w.snapshot()["brochure.pdf"] == before["brochure.pdf"])
        // Another option: not the same build.
        var options = w.options
        options.scale = 2
        #expect(!(try await Builder(resources: w.resources).build(options).decidedQuickly))
    }

    @Test("a brochure that cannot be laid out while the cards are being drawn: nothing is written, no temporary file stays")
    func brochureFailsWhileCardsRender() async throws {
        let w = try Workspace()
        try await w.build()
        let before = w.snapshot()
        // The cover title's frame made too small to hold it, and not allowed to shrink: a
        // layout error found while the cards (which fit) are already being drawn.
        try w.edit(w.resources.layoutsDirectory + "/brochure.yaml") {
            $0.replacingOccurrences(of: "box: [0, 126mm, 150mm, 60mm], content: \"{report.title}\", style: cover-title, fit: shrink",
                                    with: "box: [0, 126mm, 20mm, 8mm], content: \"{report.title}\", style: cover-title, fit: error")
        }
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "钛铁矿具有弱磁性", with: "钛铁矿具有较弱的磁性") }
        await #expect(throws: BuildError.self) { try await w.build() }
        #expect(w.snapshot() == before)
        let leftovers = (FileManager.default.enumerator(atPath: w.out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("the quick check follows an image's link: a link pointed at another file is a change")
    func quickCheckFollowsImageLinks() async throws {
        let w = try Workspace()
        let images = w.report + "/images"
        try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.path("docs/images/page-cover.png"), toPath: images + "/a.png")
        try FileManager.default.copyItem(atPath: TestSupport.path("docs/images/page-event.png"), toPath: images + "/b.png")
        try FileManager.default.createSymbolicLink(atPath: images + "/cover.png", withDestinationPath: "a.png")
        try w.edit(w.yaml) { $0.replacingOccurrences(of: "\npublished:", with: "\ncover: images/cover.png\npublished:") }
        // An image changed less than two seconds ago is not trusted by the quick check.
        try await Task.sleep(for: .seconds(2.2))
        try await w.build()
        #expect(try await w.build().decidedQuickly)
        try FileManager.default.removeItem(atPath: images + "/cover.png")
        try FileManager.default.createSymbolicLink(atPath: images + "/cover.png", withDestinationPath: "b.png")
        let summary = try await w.build()
        #expect(!summary.decidedQuickly)
        #expect(summary.written == ["brochure.pdf"])
    }
}
