// folio-fuzz: runs many mutated reports and layouts through `folio check` in-process and
// asserts that each ends in success or diagnostics — never a crash, a hang or another
// error. `make fuzz` runs it; see docs/errors.md.
//
//   folio-fuzz [--cases N] [--from K] [--seed S] [--workers W] [--timeout SECONDS]
//              [--repository PATH] [--out DIR] [--layout-every N]
//
// The parent splits the cases between worker processes and watches them: a worker that
// dies is a crash and one that stops advancing is a hang; either way the input is saved
// to --out and the worker restarts after that case. With --layout-every N, only every
// Nth case is laid out (the others stop after the data, layouts, fonts and images).
import FolioFuzzSupport
import Foundation

struct Arguments {
    var cases = 100_000
    var from = 0
    var seed: UInt64 = 0xF0110
    var workers = 2
    var timeout: Double = 120
    var repository = FileManager.default.currentDirectoryPath
    var out = "out/fuzz"
    var worker = false
    var status = ""
    var results = ""
    var layoutEvery = 1

    init(_ argv: [String]) {
        var i = 1
        func value() -> String {
            i += 1
            guard i < argv.count else { fail("\(argv[i - 1]) needs a value") }
            return argv[i]
        }
        while i < argv.count {
            switch argv[i] {
            case "--cases": cases = Int(value()) ?? cases
            case "--from": from = Int(value()) ?? from
            case "--seed": seed = UInt64(value()) ?? seed
            case "--workers": workers = max(1, Int(value()) ?? workers)
            case "--timeout": timeout = Double(value()) ?? timeout
            case "--repository": repository = value()
            case "--out": out = value()
            case "--worker": worker = true
            case "--status": status = value()
            case "--results": results = value()
            case "--layout-every": layoutEvery = max(1, Int(value()) ?? 1)
            case "-h", "--help":
                print("usage: folio-fuzz [--cases N] [--from K] [--seed S] [--workers W] [--timeout SECONDS] [--repository PATH] [--out DIR]")
                exit(0)
            default: fail("unknown argument \(argv[i])")
            }
            i += 1
        }
    }
}

/// Prints a line at once (standard output to a file is otherwise held back in a buffer).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("folio-fuzz: \(message)\n".utf8))
    exit(2)
}

// MARK: - Worker

/// Runs cases [from, from + cases); before each, writes its index to the status file;
/// appends one line per failure and a final tally to the results file.
func runWorker(_ args: Arguments) -> Never {
    let world: FuzzWorld
    do { world = try FuzzWorld(repository: args.repository, seed: args.seed) } catch { fail("cannot set up: \(error)") }
    let status = open(args.status, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard status >= 0 else { fail("cannot write \(args.status)") }
    guard let results = FileHandle(forWritingAtPath: args.results) else { fail("cannot write \(args.results)") }
    results.seekToEndOfFile()
    for index in args.from..<(args.from + args.cases) {
        var text = String(index)
        text = text.padding(toLength: 20, withPad: " ", startingAt: 0)
        _ = text.withCString { pwrite(status, $0, 20, 0) }
        let result = world.run(case: index, layout: index % args.layoutEvery == 0)
        // One line per case, so that a worker killed half-way still leaves its count.
        switch result.outcome {
        case .success: results.write(Data("accepted \(index)\n".utf8))
        case .diagnostics: results.write(Data("refused \(index)\n".utf8))
        case .failure(let why):
            let line = "failure \(index) [\(result.file)] \(result.steps.joined(separator: "; ")): \(why)\n"
            results.write(Data(line.utf8))
        }
    }
    try? results.close()
    close(status)
    exit(0)
}

// MARK: - Parent

final class Worker {
    let number: Int
    var next: Int
    let end: Int
    let statusPath: String
    let resultsPath: String
    var process: Process?
    var lastIndex = -1
    var lastChange = Date()

    init(number: Int, range: Range<Int>, dir: String) {
        self.number = number
        next = range.lowerBound
        end = range.upperBound
        statusPath = (dir as NSString).appendingPathComponent("worker-\(number).status")
        resultsPath = (dir as NSString).appendingPathComponent("worker-\(number).results")
        FileManager.default.createFile(atPath: resultsPath, contents: nil)
    }

    var current: Int? {
        guard let text = try? String(contentsOfFile: statusPath, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func start(_ args: Arguments) throws {
        FileManager.default.createFile(atPath: statusPath, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.fileExists(atPath: p.executableURL!.path) {
            p.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        }
        p.arguments = ["--worker", "--from", String(next), "--cases", String(end - next), "--seed", String(args.seed),
                       "--repository", args.repository, "--status", statusPath, "--results", resultsPath,
                       "--layout-every", String(args.layoutEvery)]
        try p.run()
        process = p
        lastIndex = -1
        lastChange = Date()
    }
}

func runParent(_ args: Arguments) -> Never {
    let fm = FileManager.default
    try? fm.createDirectory(atPath: args.out, withIntermediateDirectories: true)
    // Inputs saved by an earlier run would read as this run's.
    for name in (try? fm.contentsOfDirectory(atPath: args.out)) ?? [] where name.hasPrefix("crash-") || name.hasPrefix("hang-") {
        try? fm.removeItem(atPath: (args.out as NSString).appendingPathComponent(name))
    }
    let started = Date()
    var workers: [Worker] = []
    let per = (args.cases + args.workers - 1) / args.workers
    for n in 0..<args.workers {
        let lo = args.from + n * per, hi = min(args.from + args.cases, lo + per)
        if lo < hi { workers.append(Worker(number: n, range: lo..<hi, dir: args.out)) }
    }
    var crashes: [String] = []
    var regenerator: FuzzWorld?
    func save(_ index: Int, _ kind: String) -> String {
        if regenerator == nil { regenerator = try? FuzzWorld(repository: args.repository, seed: args.seed) }
        guard let world = regenerator else { return "\(kind) at case \(index)" }
        let (file, steps, bytes) = world.prepare(case: index)
        let path = (args.out as NSString).appendingPathComponent("\(kind)-\(index)-\((file as NSString).lastPathComponent)")
        fm.createFile(atPath: path, contents: Data(bytes))
        return "\(kind) at case \(index) [\(file)] \(steps.joined(separator: "; ")) → \(path)"
    }
    do { for w in workers { try w.start(args) } } catch { fail("cannot start a worker: \(error)") }
    var lastReport = Date()
    while workers.contains(where: { $0.process != nil }) {
        Thread.sleep(forTimeInterval: 0.5)
        for w in workers {
            guard let p = w.process else { continue }
            let current = w.current
            if let c = current, c != w.lastIndex { w.lastIndex = c; w.lastChange = Date() }
            if !p.isRunning {
                w.process = nil
                if p.terminationReason == .uncaughtSignal || p.terminationStatus != 0 {
                    let index = current ?? w.next
                    let line = save(index, "crash") + " (status \(p.terminationStatus))"
                    crashes.append(line)
                    say(line)
                    w.next = index + 1
                    if w.next < w.end { try? w.start(args) }
                }
            } else if Date().timeIntervalSince(w.lastChange) > args.timeout, let index = current {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                w.process = nil
                let line = save(index, "hang") + " (no progress for \(Int(args.timeout)) s)"
                crashes.append(line)
                say(line)
                w.next = index + 1
                if w.next < w.end { try? w.start(args) }
            }
        }
        if Date().timeIntervalSince(lastReport) > 30 {
            lastReport = Date()
            let progress = workers.map { w in "worker \(w.number): case \(w.current ?? w.next) of \(w.end)" }.joined(separator: ", ")
            say("\(Int(Date().timeIntervalSince(started))) s — \(progress)")
        }
    }
    var success = 0, refused = 0, failures = 0
    var failureLines: [String] = []
    for w in workers {
        let text = (try? String(contentsOfFile: w.resultsPath, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("accepted ") {
                success += 1
            } else if line.hasPrefix("refused ") {
                refused += 1
            } else if line.hasPrefix("failure ") {
                failures += 1
                failureLines.append(String(line))
            }
        }
    }
    let seconds = Date().timeIntervalSince(started)
    for line in failureLines.prefix(50) { say(line) }
    say("""
    folio-fuzz: \(args.cases) cases from \(args.from) (seed \(args.seed)) in \(String(format: "%.0f", seconds)) s \
    (\(String(format: "%.0f", Double(args.cases) / max(seconds, 0.001))) cases/s, \(args.workers) workers)
      accepted: \(success), refused with diagnostics: \(refused), failures: \(failures), crashes or hangs: \(crashes.count)
    """)
    let ok = failures == 0 && crashes.isEmpty && success + refused == args.cases
    if success + refused + failures + crashes.count != args.cases {
        say("  (counts do not add up to \(args.cases): a worker stopped early)")
    }
    exit(ok ? 0 : 1)
}

let arguments = Arguments(CommandLine.arguments)
if arguments.worker { runWorker(arguments) } else { runParent(arguments) }
