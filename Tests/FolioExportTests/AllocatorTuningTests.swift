@testable import FolioGraphics
import Foundation
import Testing

/// The allocator tuning the CLI applies before a build: a card-sized raster comes from the
/// heap, not from a mapping of its own the kernel must zero and unmap again.
@Suite("Allocator tuning", .serialized)
struct AllocatorTuningTests {
    @Test("after the tuning an 8 MB block (a 1080 × 1920 card) is not a mapping of its own; before it, it is")
    func cardRasterFromHeap() throws {
        let size = 1080 * 1920 * 4
        // glibc's default (128 KB): the raster is a mapping of its own.
        AllocatorTuning.set(mmapThreshold: 128 << 10, trimThreshold: 0)
        let first = try #require(malloc(size))
        #expect(AllocatorTuning.isMapped(first))
        free(first)
        AllocatorTuning.apply(environment: [:])
        let block = try #require(malloc(size))
        defer { free(block) }
        #expect(!AllocatorTuning.isMapped(block))
    }

    @Test("a 100 MB block, past the tuned threshold, is still a mapping of its own")
    func hugeBlockMapped() throws {
        AllocatorTuning.apply(environment: [:])
        let block = try #require(malloc(100 << 20))
        defer { free(block) }
        #expect(AllocatorTuning.isMapped(block))
    }

    @Test("glibc's own variable wins: MALLOC_MMAP_THRESHOLD_ set leaves the threshold alone")
    func environmentWins() throws {
        AllocatorTuning.set(mmapThreshold: 128 << 10, trimThreshold: 0)
        AllocatorTuning.apply(environment: ["MALLOC_MMAP_THRESHOLD_": "131072", "MALLOC_TRIM_THRESHOLD_": "131072"])
        let block = try #require(malloc(1080 * 1920 * 4))
        defer { free(block) }
        #expect(AllocatorTuning.isMapped(block))
        AllocatorTuning.apply(environment: [:])
    }
}
