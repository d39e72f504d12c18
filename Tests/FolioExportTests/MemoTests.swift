import FolioCore
import FolioGraphics
import FolioTestSupport
import Foundation
import Testing

/// Folio's one memo: found by hashed inputs, bounded, least recently used out first.
@Suite("Memo")
struct MemoTests {
    @Test("a value is made once and found again; lookups are counted")
    func madeOnce() {
        let memo = Memo<String, Int>(budget: 10)
        var made = 0
        for _ in 0..<3 { #expect(memo.value(for: "a") { made += 1; return 42 } == 42) }
        #expect(made == 1)
        #expect(memo.statistics.hits == 2 && memo.statistics.misses == 1)
    }

    @Test("past the budget the least recently used entries go, down to three quarters of it")
    func leastRecentlyUsedOut() {
        let memo = Memo<Int, Int>(budget: 4)
        for k in 0..<4 { memo.store(k, for: k) }
        _ = memo.value(for: 0) // 0 is used again: 1 is now the least recent
        memo.store(4, for: 4)
        #expect(memo.count == 3)
        #expect(memo.value(for: 0) == 0 && memo.value(for: 4) == 4)
        #expect(memo.value(for: 1) == nil)
    }

    @Test("costs count against the budget, and the entry just stored stays whatever its cost")
    func costs() {
        let memo = Memo<String, [UInt8]>(budget: 100)
        memo.store([1], for: "small", cost: 10)
        memo.store([2], for: "big", cost: 500)
        #expect(memo.value(for: "big") == [2])
        #expect(memo.value(for: "small") == nil)
    }

    @Test("a file key carries the file's identity: an edited file is another key, so its old value is never found")
    func fileKeys() throws {
        let path = TestSupport.temporaryDirectory("memo-file") + "/profile.bin"
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let memo = Memo<FileKey, String>(budget: 8)
        memo.store("one", for: FileKey(path: path))
        #expect(memo.value(for: FileKey(path: path)) == "one")
        try Data("three".utf8).write(to: URL(fileURLWithPath: path))
        #expect(memo.value(for: FileKey(path: path)) == nil)
    }

    @Test("threads asking at once all get the value, and the memo stays within its budget")
    func concurrent() {
        let memo = Memo<Int, Int>(budget: 64)
        let wrong = Memo<Int, Int>(budget: 1000) // records any thread that got a wrong value
        DispatchQueue.concurrentPerform(iterations: 400) { i in
            let k = i % 100
            if memo.value(for: k, make: { k * k }) != k * k { wrong.store(i, for: i) }
        }
        #expect(wrong.count == 0)
        #expect(memo.count <= 64)
    }
}
