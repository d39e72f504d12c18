import FolioFuzzSupport
import FolioTestSupport
import Foundation
import Testing

/// Deterministic fuzzing of the default report and layouts (see `Mutator`): every case
/// must end in success or in diagnostics with at least one error — never a crash, a hang
/// or another error. `make fuzz` runs the same cases by the hundred thousand.
@Suite("Fuzzing", .timeLimit(.minutes(20)))
struct FuzzTests {
    static let shards = 4
    static let casesPerShard = 500

    @Test("2,000 mutated inputs through check (every 16th also laid out): success or diagnostics, nothing else",
          arguments: 0..<shards)
    func inProcess(shard: Int) throws {
        let world = try FuzzWorld(repository: TestSupport.root)
        var accepted = 0, refused = 0
        let start = shard * Self.casesPerShard
        for index in start..<(start + Self.casesPerShard) {
            let result = world.run(case: index, layout: index % 16 == 0)
            switch result.outcome {
            case .success: accepted += 1
            case .diagnostics: refused += 1
            case .failure(let why):
                Issue.record("case \(index) [\(result.file)] \(result.steps.joined(separator: "; ")): \(why)")
            }
        }
        #expect(accepted + refused == Self.casesPerShard)
        // Both outcomes occur: the mutations neither all break nor all miss the input.
        #expect(accepted > Self.casesPerShard / 20)
        #expect(refused > Self.casesPerShard / 2)
    }

    @Test("a sample through the real binary: exit 0 exactly when accepted, 1 exactly when refused")
    func throughTheBinary() throws {
        let world = try FuzzWorld(repository: TestSupport.root, seed: 77)
        var statuses: Set<Int32> = []
        for index in stride(from: 0, to: 160, by: 10) {
            let expected = world.run(case: index, layout: true)
            // run() restores nothing: the mutated file is still in place for the binary.
            let r = try TestSupport.run(CLI.executable, ["check", world.reportDirectory], cwd: world.directory,
                                        environment: ["FOLIO_HOME": world.resources.root, "NO_COLOR": "1"])
            statuses.insert(r.status)
            switch expected.outcome {
            case .success:
                #expect(r.status == 0, "case \(index) \(expected.steps): \(r.stderr.prefix(300))")
            case .diagnostics(let errors, _):
                #expect(r.status == 1, "case \(index) \(expected.steps)")
                #expect(r.stderr.hasSuffix(errors == 1 ? "1 error\n" : "\(errors) errors\n") || r.stderr.contains("\(errors) error"),
                        "case \(index): \(r.stderr.suffix(200))")
            case .failure(let why):
                Issue.record("case \(index): \(why)")
            }
        }
        #expect(statuses == [0, 1])
    }
}
