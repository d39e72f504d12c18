import CPangoCairo
import Foundation

/// glibc's allocator tuned for a build. Card and page rasters (a 1080 × 1920 card is
/// 8 MB) are allocated and freed by the hundred on the worker threads; above glibc's
/// default mmap threshold each one was a fresh mapping that the kernel zeroes page by page
/// and that is unmapped again — most of a large build's system time (docs/benchmarks.md).
/// Blocks up to 64 MB then come from the heap and are reused; the heap's free top is given
/// back to the system past 128 MB, so `watch` and `serve` do not keep a build's peak.
public enum AllocatorTuning {
    /// Applies the tuning, unless glibc's own variables (MALLOC_MMAP_THRESHOLD_,
    /// MALLOC_TRIM_THRESHOLD_) say otherwise. Call once, before the first build.
    public static func apply(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let (mmap, trim) = thresholds(environment: environment)
        set(mmapThreshold: mmap, trimThreshold: trim)
    }

    /// The thresholds `apply` sets, in bytes (0: glibc's own variable is set, left alone).
    static func thresholds(environment: [String: String]) -> (mmap: Int, trim: Int) {
        (environment["MALLOC_MMAP_THRESHOLD_"] == nil ? 64 << 20 : 0,
         environment["MALLOC_TRIM_THRESHOLD_"] == nil ? 128 << 20 : 0)
    }

    /// Sets the thresholds, in bytes (0: leaves one as it is).
    static func set(mmapThreshold: Int, trimThreshold: Int) {
        folio_tune_malloc(Int32(mmapThreshold), Int32(trimThreshold))
    }

    /// Whether the allocator gave `block` (from `malloc`) a mapping of its own.
    static func isMapped(_ block: UnsafeRawPointer) -> Bool { folio_is_mapped(block) != 0 }
}
