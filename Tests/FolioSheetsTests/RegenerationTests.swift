@testable import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// A temporary copy of Reports/ningbo-2022-sheets and of Folio's resources.
struct SheetsWorkspace {
    let root: String
    let report: String
    let out: String
    let resources: Resources

    init() throws {
        root = TestSupport.temporaryDirectory("sheets-build")
        report = (root as NSString).appendingPathComponent("ningbo-2022-sheets")
        out = (root as NSString).appendingPathComponent("out")
        let fm = FileManager.default
        try fm.copyItem(atPath: TestSupport.path("Reports/ningbo-2022-sheets"), toPath: report)
        let res = (root as NSString).appendingPathComponent("folio")
        try fm.createDirectory(atPath: res + "/Fonts", withIntermediateDirectories: true)
        try fm.copyItem(atPath: TestSupport.path("Layouts"), toPath: res + "/Layouts")
        try fm.copyItem(atPath: TestSupport.path("Fonts/fonts.conf"), toPath: res + "/Fonts/fonts.conf")
        resources = Resources(root: res)
    }

    var options: BuildOptions { BuildOptions(reportDirectory: report, outputDirectory: out, cardPresets: ["square"]) }
    var workbook: String { report + "/data/stats.xlsx" }

    @discardableResult
    func build() async throws -> BuildSummary { try await Builder(resources: resources).build(options) }

    /// Saves the workbook again with cells changed (`高企!B3=5400`), as a spreadsheet program would.
    func setCells(_ changes: String...) throws {
        // Written beside the report folder, then moved in at once: one save, as a spreadsheet program makes it.
        let staged = root + "/stats-new.xlsx"
        try SheetFixtures.writeExample(to: staged, changes: changes)
        guard rename(staged, workbook) == 0 else { throw SheetFixtures.Missing(description: "cannot replace \(workbook)") }
    }

    /// The card of the event with this id.
    func card(_ id: String, in report: Report) -> String {
        let e = report.events.first { $0.id == id }!
        return String(format: "cards/square/%02d-%@.png", e.rank, e.id)
    }
}

@Suite("Regeneration from data files", .serialized)
struct RegenerationTests {
    @Test("the example report reads the seed article's numbers unchanged from its workbook, derived values still marked")
    func exampleMatchesSeed() throws {
        let sheets = ReportLoader().load(directory: TestSupport.path("Reports/ningbo-2022-sheets"))
        #expect(sheets.diagnostics.isEmpty, "\(sheets.diagnostics)")
        let a = try #require(sheets.report)
        let seed = TestSupport.defaultReport
        #expect(a.charts.map(\.id) == seed.charts.map(\.id))
        for (x, y) in zip(a.charts, seed.charts) {
            #expect(x.series.map(\.values) == y.series.map(\.values), "\(x.id)")
            #expect(x.derived == y.derived, "\(x.id)")
            if y.kind != .kpi {
                #expect(x.categories == y.categories, "\(x.id)")
                #expect(x.series.map(\.name) == y.series.map(\.name), "\(x.id)")
            }
        }
        #expect(a.events.map(\.figures) == seed.events.map(\.figures))
        #expect(a.dataFiles.count == 1 && a.dataFiles[0].hasSuffix("/data/stats.xlsx"))
    }

    @Test("a changed cell re-makes exactly the outputs that show it; a cell nothing shows re-makes nothing")
    func changedCell() async throws {
        let w = try SheetsWorkspace()
        try await w.build()
        let report = try #require(ReportLoader().load(directory: w.report).report)
        // 高企!B3 is the 2022 bar of hitech-total and the figure "5300+" of hitech-enterprises.
        try w.setCells("高企!B3=5400")
        let summary = try await w.build()
        #expect(summary.written == ["brochure.pdf", w.card("hitech-enterprises", in: report)])
        let changed = try #require(ReportLoader().load(directory: w.report).report)
        #expect(changed.chart("hitech-total")?.series.first?.values == [3886, 5400])
        #expect(changed.events.first { $0.id == "hitech-enterprises" }?.figures.first?.value == "5400+")
        // 排名!B3 is the 2021 rank of zone-rank, shown with hitech-zone-rank.
        try w.setCells("高企!B3=5400", "排名!B3=12")
        #expect(try await w.build().written == ["brochure.pdf", w.card("hitech-zone-rank", in: report)])
        // 高企!B4 is read by a figure only (36.4% → 36.5%): its event's card and the brochure.
        try w.setCells("高企!B3=5400", "排名!B3=12", "高企!B4=0.365")
        #expect(try await w.build().written == ["brochure.pdf", w.card("hitech-enterprises", in: report)])
        #expect(ReportLoader().load(directory: w.report).report?.events.first { $0.id == "hitech-enterprises" }?.figures[1].value == "36.5%")
        // A cell outside every range: the full check runs and finds nothing to make.
        try w.setCells("高企!B3=5400", "排名!B3=12", "高企!B4=0.365", "高企!H20=1")
        let none = try await w.build()
        #expect(none.written.isEmpty && !none.decidedQuickly)
    }

    @Test("the quick no-op check trusts the workbook only while it is unchanged")
    func quickCheck() async throws {
        let w = try SheetsWorkspace()
        try await Task.sleep(for: .seconds(2.2)) // files changed less than two seconds ago are not trusted
        try await w.build()
        #expect(try await w.build().decidedQuickly)
        try w.setCells("推选!B2=11")
        let summary = try await w.build()
        #expect(!summary.decidedQuickly)
        #expect(summary.written.contains("brochure.pdf"))
        #expect(ReportLoader().load(directory: w.report).report?.chart("selection")?.series.first?.values == [11, 39])
    }

    @Test("a watching builder re-draws the chart when a cell is saved, and keeps the outputs when a cell goes bad")
    func watch() async throws {
        let w = try SheetsWorkspace()
        let events = EventLog()
        let (resources, options) = (w.resources, w.options)
        _ = Task {
            let session = WatchSession(builder: Builder(resources: resources), options: options)
            try? await session.run(shouldStop: { events.stopped }, report: { events.append($0) })
            events.finish()
        }
        defer { events.stop() }
        #expect(await events.until(timeout: 180) { $0.contains { if case .built = $0 { return true } else { return false } } })
        let pdf = w.out + "/brochure.pdf"
        let before = try pdfText(pdf)
        #expect(before.contains("5300") && !before.contains("5400"))
        try w.setCells("高企!B3=5400")
        #expect(await events.until(timeout: 120) { $0.contains { if case .rebuilt = $0 { return true } else { return false } } })
        let rebuilt = events.all.compactMap { e -> BuildSummary? in if case .rebuilt(_, let s) = e { return s } else { return nil } }
        #expect(rebuilt.first?.written.contains("brochure.pdf") == true)
        let after = try pdfText(pdf)
        #expect(after.contains("5400"), "the brochure's chart and figure show the new cell")
        // A unit typed into the cell: the rebuild fails at the cell, the outputs stay.
        let good = FileManager.default.contents(atPath: pdf)
        try w.setCells("高企!B3=5400家")
        #expect(await events.until(timeout: 120) { $0.contains { if case .failed = $0 { return true } else { return false } } })
        let failure = events.all.compactMap { e -> Error? in if case .failed(_, let error) = e { return error } else { return nil } }.first
        #expect("\(String(describing: failure))".contains("高企!B3"))
        #expect(FileManager.default.contents(atPath: pdf) == good)
        events.stop()
        #expect(await events.until(timeout: 30) { _ in events.finished })
    }

    @Test("a spreadsheet program's lock file (~$stats.xlsx) is not a change")
    func lockFilesAreNoise() {
        #expect(FileWatcher.isNoise("~$stats.xlsx") && FileWatcher.isNoise(".~lock.stats.xlsx#"))
        #expect(!FileWatcher.isNoise("stats.xlsx"))
    }

    private func pdfText(_ path: String) throws -> String {
        try TestSupport.run("pdftotext", ["-layout", path, "-"]).stdout
    }
}

/// What a watch session reported, shared with the test's thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [WatchEvent] = []
    private var stopFlag = false
    private var done = false

    func append(_ e: WatchEvent) { lock.lock(); events.append(e); lock.unlock() }
    var all: [WatchEvent] { lock.lock(); defer { lock.unlock() }; return events }
    var stopped: Bool { lock.lock(); defer { lock.unlock() }; return stopFlag }
    func stop() { lock.lock(); stopFlag = true; lock.unlock() }
    func finish() { lock.lock(); done = true; lock.unlock() }

    var finished: Bool { lock.lock(); defer { lock.unlock() }; return done }

    /// Whether `condition` holds within `timeout` seconds. Waits without holding a thread
    /// of the cooperative pool, which the watch's builds need: polls every 50 ms.
    func until(timeout: Double, _ condition: ([WatchEvent]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(all) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition(all)
    }
}
