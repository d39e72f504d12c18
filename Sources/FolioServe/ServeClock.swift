import Foundation

/// With `FOLIO_TIMINGS=1`, the preview prints when it published a snapshot and how long
/// each page image took to draw (for bench/serve-latency.py --log). Silent otherwise.
enum ServeClock {
    static let enabled = ProcessInfo.processInfo.environment["FOLIO_TIMINGS"] == "1"

    static func mark(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        let ms = Date().timeIntervalSince1970 * 1000
        FileHandle.standardError.write(Data("[serve] \(String(format: "%.0f", ms)) \(what())\n".utf8))
    }
}
