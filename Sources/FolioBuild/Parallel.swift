import Foundation

/// Bounded parallel work with structured concurrency: at most one task per core runs at
/// a time, results come back in input order, and a cancelled build starts nothing new.
enum Parallel {
    /// How many tasks run at once: the cores this process may use.
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for every `i` in `0..<count`, at most `width` at a time; the results in
    /// order. Work not started when the task is cancelled fails with `CancellationError`.
    static func map<T: Sendable>(count: Int, _ body: @escaping @Sendable (Int) throws -> T) async -> [Result<T, Error>] {
        await withTaskGroup(of: (Int, Result<T, Error>).self) { group in
            var results = [Result<T, Error>?](repeating: nil, count: count)
            var next = 0
            func start(_ group: inout TaskGroup<(Int, Result<T, Error>)>) {
                let i = next
                next += 1
                group.addTask {
                    if Task.isCancelled { return (i, .failure(CancellationError())) }
                    return (i, Result { try body(i) })
                }
            }
            while next < min(width, count) { start(&group) }
            while let (i, result) = await group.next() {
                results[i] = result
                if next < count { start(&group) }
            }
            return results.map { $0 ?? .failure(CancellationError()) }
        }
    }
}
