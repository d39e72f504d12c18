@testable import FolioGraphics
import Foundation
import Testing

/// The allocator tuning the CLI applies before a build: a card-sized raster comes from the
/// heap, not from a mapping of its own the kernel must zero and unmap again.
@Suite("Allocator tuning", .serialized)
struct AllocatorTuningTests {
    @Test("after the tuning an 8 MB block (a 1080 × 1920 card) is not a mapping of its own")
    func cardRasterFromHeap() throws {
        // (Without the tuning, in a fresh process, it is: glibc maps blocks over 128 KB.
        // Here earlier tests may have left heap room that serves it either way.)
        AllocatorTuning.apply(environment: [:])
        let block = try #require(malloc(1080 * 1920 * 4))
        defer { free(block) }
        #expect(!AllocatorTuning.isMapped(block))
    }

    @Test("64 MB and 128 MB thresholds; glibc's own variables, when set, are left to glibc")
    func thresholds() {
        #expect(AllocatorTuning.thresholds(environment: [:]) == (64 << 20, 128 << 20))
        #expect(AllocatorTuning.thresholds(environment: ["MALLOC_MMAP_THRESHOLD_": "131072"]) == (0, 128 << 20))
        #expect(AllocatorTuning.thresholds(environment: ["MALLOC_TRIM_THRESHOLD_": "0"]) == (64 << 20, 0))
    }
}
