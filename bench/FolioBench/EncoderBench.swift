import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioModel
import FolioTestSupport
import FolioText
import Foundation

/// CPU seconds used by this thread: unlike wall time, it does not count the time other
/// processes on a shared machine take from us.
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Encodes real cards with every PNG setting and prints CPU time and size per card
/// (the best of `--repeat` runs of each card).
enum EncoderBench {
    struct Setting: Hashable {
        var level: Int
        var filter: String
        var strategy: String

        var png: PNGSettings {
            let filters: [String: Int32] = ["none": PNGSettings.filterNone, "sub": PNGSettings.filterSub,
                                            "up": PNGSettings.filterUp, "paeth": PNGSettings.filterPaeth,
                                            "all": PNGSettings.filterAll]
            // "libdeflate" as the strategy: the whole image deflated by libdeflate (what flat cards use).
            if strategy == "libdeflate" {
                return PNGSettings(level: level, filters: filters[filter]!, strategy: 0, deflater: .libdeflate)
            }
            let strategies: [String: Int32] = ["default": 0, "filtered": 1, "rle": 3]
            return PNGSettings(level: level, filters: filters[filter]!, strategy: strategies[strategy]!)
        }

        var name: String { strategy == "libdeflate" ? "libdeflate \(level) \(filter)" : "level \(level) \(filter) \(strategy)" }
    }

    static func settings(quick: Bool) -> [Setting] {
        let levels = quick ? [1, 3, 6, 9] : Array(1...9)
        var out: [Setting] = []
        for level in levels {
            for filter in ["none", "sub", "up", "paeth", "all"] {
                for strategy in ["default", "filtered", "rle"] {
                    out.append(Setting(level: level, filter: filter, strategy: strategy))
                }
            }
        }
        return out
    }

    static func run(args: Arguments, report: Report, presets: [String]) {
        let composer = Composer(fonts: TestSupport.fonts)
        let exporter = PNGExporter()
        let perPreset = args.int("cards", 3)
        let repeats = args.int("repeat", 1)
        // Render a few cards of each preset once; keep the pixels for the encoder runs.
        var images: [(preset: String, image: RasterImage)] = []
        for preset in presets {
            let pages = cardPages(report, preset: preset, composer: composer)
            // Spread the sample over the report: first, middle, last …
            let picks = (0..<min(perPreset, pages.count)).map { $0 * max(1, pages.count / max(1, perPreset)) }
            for i in picks {
                images.append((preset, try! exporter.render(pages[min(i, pages.count - 1)])))
            }
        }
        print("cards: \(images.count) (\(perPreset) per preset: \(presets.joined(separator: ", "))), repeats: \(repeats)")
        var rows: [(setting: Setting, ms: Double, bytes: Double, perPreset: [String: (Double, Double)])] = []
        // --settings 6:all:filtered,3:none:default measures just those.
        let chosen = args.values["settings"].map { list in
            list.split(separator: ",").map { item -> Setting in
                let p = item.split(separator: ":").map(String.init)
                guard p.count == 3, let level = Int(p[0]) else { fail("--settings wants level:filter:strategy, got \(item)") }
                return Setting(level: level, filter: p[1], strategy: p[2])
            }
        } ?? settings(quick: args.flags.contains("quick"))
        for setting in chosen {
            var totalTime = 0.0, totalBytes = 0
            var byPreset: [String: (Double, Int, Int)] = [:]
            for (preset, image) in images {
                var best = Double.infinity
                var size = 0
                for _ in 0..<repeats {
                    let t0 = threadCPU()
                    size = try! image.pngData(settings: setting.png).count
                    best = min(best, threadCPU() - t0)
                }
                totalTime += best
                totalBytes += size
                let p = byPreset[preset] ?? (0, 0, 0)
                byPreset[preset] = (p.0 + best, p.1 + size, p.2 + 1)
            }
            let n = Double(images.count)
            rows.append((setting, totalTime / n * 1000, Double(totalBytes) / n,
                         byPreset.mapValues { ($0.0 / Double($0.2) * 1000, Double($0.1) / Double($0.2)) }))
        }
        let fastest = rows.map(\.ms).min() ?? 1
        let smallest = rows.map(\.bytes).min() ?? 1
        print("setting                     ms/card  KiB/card  vs fastest  vs smallest   " + presets.map { "\($0) ms/KiB" }.joined(separator: "  "))
        for r in rows.sorted(by: { $0.ms < $1.ms }) {
            var line = r.setting.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: " %8.1f %9.1f %10.2fx %11.2fx", r.ms, r.bytes / 1024, r.ms / fastest, r.bytes / smallest)
            for p in presets {
                if let v = r.perPreset[p] { line += String(format: "   %6.1f/%-6.0f", v.0, v.1 / 1024) }
            }
            print(line)
        }
    }
}
