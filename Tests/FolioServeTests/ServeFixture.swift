import Foundation
import FolioTestSupport

/// A running `folio serve` of a copy of the default report (cards: square and
/// wechat-cover), on a free port, with its own output folder.
final class ServeFixture {
    let work: String
    let report: String
    let out: String
    let process: RunningProcess
    private(set) var url = ""

    /// The folio executable of this build.
    static let folio: String = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("folio").path,
            TestSupport.path(".build/debug/folio"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    static let environment = ["FOLIO_HOME": TestSupport.root, "NO_COLOR": "1"]

    init(out: String? = nil, extra: [String] = []) throws {
        work = TestSupport.temporaryDirectory("serve")
        report = work + "/ningbo-2022"
        try FileManager.default.copyItem(atPath: TestSupport.path("Reports/ningbo-2022"), toPath: report)
        self.out = out ?? work + "/out"
        process = try RunningProcess(Self.folio, ["serve", report, "--out", self.out, "--port", "0",
                                                  "--cards", "square,wechat-cover"] + extra, environment: Self.environment)
    }

    /// Waits for the URL and the first build; false if the server did not get there.
    func waitUntilBuilt(timeout: Double = 300) -> Bool {
        let ready = process.wait(timeout: timeout) {
            !process.process.isRunning || (text.contains(" at http://") && (text.contains("] built") || text.contains("first build failed")))
        }
        guard ready, process.process.isRunning,
              let range = text.range(of: #"http://[0-9.:\[\]]+/"#, options: .regularExpression) else { return false }
        url = String(text[range])
        return true
    }

    var text: String { process.text }

    /// Ctrl-C, then the exit status (nil if it did not stop within `timeout`).
    func interrupt(timeout: Double = 20) -> Int32? {
        kill(process.process.processIdentifier, SIGINT)
        guard process.wait(timeout: timeout, until: { !process.process.isRunning }) else {
            process.terminate()
            return nil
        }
        return process.process.terminationStatus
    }

    deinit {
        process.terminate()
    }
}
