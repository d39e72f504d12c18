import Dispatch
import Foundation

/// With `FOLIO_TIMINGS=1` in the environment, a build prints to stderr when each phase
/// ends: wall milliseconds since the build started and CPU milliseconds the process has
/// used (all threads), so `make bench` can show where a build's time goes and how many
/// cores a phase kept busy. Silent and free otherwise.
///
///     [timing]   262.8 ms wall   301.5 ms cpu  brochure laid out
enum PhaseClock {
    static let enabled = ProcessInfo.processInfo.environment["FOLIO_TIMINGS"] == "1"
    private static let lock = NSLock()
    private static let origin = DispatchTime.now().uptimeNanoseconds

    /// Notes that `phase` has ended.
    static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let start = origin
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        let line = "[timing] \(String(format: "%8.1f ms wall %8.1f ms cpu", wall, cpu))  \(phase())\n"
        lock.lock()
        FileHandle.standardError.write(Data(line.utf8))
        lock.unlock()
    }
}
