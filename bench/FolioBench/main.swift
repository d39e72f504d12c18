// folio-bench: measurements for `make bench` (cards). Not part of the tool.
//
//   folio-bench report --events 40 --long-titles --out DIR
//       writes a generated report (TestSupport.generatedReportYAML) to DIR/report.yaml
//   folio-bench encoders [--report DIR] [--presets a,b] [--cards N] [--repeat N] [--quick]
//       renders N cards per preset once, then encodes them with every PNG setting
//       (zlib level 1–9 × filter none/sub/up/paeth/all × strategy default/filtered/RLE)
//       and prints milliseconds and bytes per card for each, best first
//       --settings 6:all:filtered,3:none:default measures only those settings
//       --photo PATH gives every event that photo, to measure cards with continuous tone
//   folio-bench peer-events --report DIR --out FILE
//       writes the report's events in the Typst peer's events.json format (bench/bench.sh)
//   folio-bench render [--report DIR] [--presets a,b] [--jobs N]
//       lays out, renders and encodes every card in memory with the default settings
//       on N threads (default: all cores) and prints cards per second per preset
import Dispatch
import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

struct Arguments {
    var command: String
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ argv: [String]) {
        command = argv.count > 1 ? argv[1] : "help"
        var i = 2
        while i < argv.count {
            let a = argv[i]
            if a.hasPrefix("--"), i + 1 < argv.count, !argv[i + 1].hasPrefix("--") {
                values[String(a.dropFirst(2))] = argv[i + 1]
                i += 2
            } else {
                flags.insert(String(a.dropFirst(2)))
                i += 1
            }
        }
    }

    func int(_ key: String, _ fallback: Int) -> Int { values[key].flatMap(Int.init) ?? fallback }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("folio-bench: \(message)\n".utf8))
    exit(2)
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let args = Arguments(CommandLine.arguments)
let root = TestSupport.root
let allPresets = ["square", "portrait", "story", "wechat-cover", "og"]

func loadReport() -> Report {
    let dir = args.values["report"] ?? TestSupport.path("Reports/ningbo-2022")
    let loaded = ReportLoader().load(directory: dir)
    guard var report = loaded.report else { fail("cannot load \(dir):\n\(loaded.diagnostics.map(\.description).joined(separator: "\n"))") }
    // --photo PATH: every event gets this photo (cards with continuous-tone pixels).
    if let photo = args.values["photo"] {
        let absolute = URL(fileURLWithPath: photo).standardizedFileURL.path
        for i in report.events.indices {
            report.events[i].image = ImageRef(path: (photo as NSString).lastPathComponent, absolutePath: absolute)
        }
    }
    return report
}

func presets() -> [String] {
    args.values["presets"].map { $0.split(separator: ",").map(String.init) } ?? allPresets
}

func cardPages(_ report: Report, preset: String, composer: Composer) -> [Page] {
    let (spec, diagnostics) = LayoutLoader(directory: TestSupport.path("Layouts")).load(name: preset, card: true)
    guard let spec else { fail("preset \(preset): \(diagnostics.map(\.description).joined(separator: "\n"))") }
    do {
        let layout = CardLayout(typesetter: try Typesetter(spec: spec, composer: composer))
        return try report.events.map { try layout.page(report: report, event: $0) }
    } catch {
        fail("preset \(preset): \(error)")
    }
}

switch args.command {
case "report":
    guard let out = args.values["out"] else { fail("report needs --out DIR") }
    try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let yaml = TestSupport.generatedReportYAML(events: args.int("events", 40), longTitles: args.flags.contains("long-titles"))
    FileManager.default.createFile(atPath: (out as NSString).appendingPathComponent("report.yaml"), contents: Data(yaml.utf8))
    print("wrote \(out)/report.yaml")

case "peer-events":
    guard let out = args.values["out"] else { fail("peer-events needs --out FILE") }
    do {
        try PeerEvents.json(loadReport()).write(to: URL(fileURLWithPath: out))
    } catch {
        fail("cannot write \(out): \(error)")
    }
    print("wrote \(out)")

case "encoders":
    EncoderBench.run(args: args, report: loadReport(), presets: presets())

case "render":
    let report = loadReport()
    let composer = Composer(fonts: TestSupport.fonts)
    let exporter = PNGExporter()
    let jobs = args.int("jobs", ProcessInfo.processInfo.activeProcessorCount)
    print("preset         cards  layout s  render+encode s  cards/s  bytes/card")
    for preset in presets() {
        let t0 = now()
        let pages = cardPages(report, preset: preset, composer: composer)
        let t1 = now()
        let bytes = ByteCounter()
        let chunk = (pages.count + jobs - 1) / jobs
        DispatchQueue.concurrentPerform(iterations: jobs) { j in
            for i in (j * chunk)..<min(pages.count, (j + 1) * chunk) {
                let data = try! exporter.export(pages[i])
                bytes.add(data.count)
            }
        }
        let t2 = now()
        let rate = Double(pages.count) / (t2 - t0)
        print(preset.padding(toLength: 13, withPad: " ", startingAt: 0)
                + String(format: " %6d  %8.2f  %15.2f  %7.1f  %10d", pages.count, t1 - t0, t2 - t1, rate,
                         bytes.total / max(1, pages.count)))
    }

default:
    print("usage: folio-bench report|peer-events|encoders|render [options] (see bench/FolioBench/main.swift)")
}

/// Adds up byte counts from several threads.
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
}
