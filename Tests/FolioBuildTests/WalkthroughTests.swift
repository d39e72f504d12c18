import FolioTestSupport
import Foundation
import Testing

/// docs/walkthrough.md, replayed: every command of its ```console and ```sh blocks runs,
/// in order, in an empty folder, and prints what the doc shows.
@Suite("The walk-through", .serialized)
struct WalkthroughTests {
    /// One command of the doc and the output it shows (nil: not compared).
    struct Step {
        var command: String
        var expected: [String]?
        var line: Int
    }

    static let docPath = TestSupport.path("docs/walkthrough.md")

    /// The commands of the doc's shell blocks, in order. In a `console` block a command
    /// starts with `$ ` and the lines up to the next command are its output; in an `sh`
    /// block every line that is not a comment is a command.
    static func steps(_ text: String) -> [Step] {
        var steps: [Step] = []
        var block: String?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            if let kind = block {
                if line == "```" { block = nil; continue }
                if kind == "console" {
                    if line.hasPrefix("$ ") {
                        steps.append(Step(command: String(line.dropFirst(2)), expected: [], line: index + 1))
                    } else if !steps.isEmpty {
                        steps[steps.count - 1].expected?.append(line)
                    }
                } else if !line.isEmpty && !line.hasPrefix("#") {
                    steps.append(Step(command: line, expected: nil, line: index + 1))
                }
            } else if line == "```console" || line == "```sh" {
                block = String(line.dropFirst(3))
            }
        }
        return steps
    }

    /// Whether `actual` is what the doc shows: `…` alone on a line stands for any lines,
    /// `…` inside a line for any text.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            return (actual.startIndex...actual.endIndex).contains { matches(expected.dropFirst(), actual[$0...]) }
        }
        guard let line = actual.first, lineMatches(first, line) else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        guard pattern.contains("…") else { return pattern == line }
        let regex = "^" + pattern.components(separatedBy: "…").map(NSRegularExpression.escapedPattern).joined(separator: ".*") + "$"
        return line.range(of: regex, options: .regularExpression) != nil
    }

    @Test("the doc's commands are found: init, edit, check, build, fonts")
    func extraction() throws {
        let steps = Self.steps(try String(contentsOfFile: Self.docPath, encoding: .utf8))
        let commands = steps.map { $0.command.split(separator: " ").prefix(2).joined(separator: " ") }
        for needed in ["folio init", "sed -i", "folio check", "folio build", "folio fonts", "folio layouts", "echo $?"] {
            #expect(commands.contains(needed), "the walk-through has no `\(needed)`")
        }
        #expect(Self.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        #expect(Self.matches(["a", "…"], ["a"]))
        #expect(!Self.matches(["a", "b"], ["a", "b", "c"]))
        #expect(Self.lineMatches("in …s", "in 0.93s"))
        #expect(!Self.lineMatches("in …s", "in 0.93"))
    }

    @Test("every command of docs/walkthrough.md runs as written and prints what the doc shows")
    func replay() throws {
        let steps = Self.steps(try String(contentsOfFile: Self.docPath, encoding: .utf8))
        let work = TestSupport.temporaryDirectory("walkthrough")
        let bin = (RunningProcess.folio as NSString).deletingLastPathComponent
        let environment = ["FOLIO_HOME": TestSupport.root, "NO_COLOR": "1",
                           "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        var previous: (step: Step, status: Int32)?
        for (i, step) in steps.enumerated() {
            if step.command == "echo $?" {
                // The status of the command before, which the doc shows.
                let shown = previous.map { "\($0.status)" }
                #expect(step.expected == [shown ?? "?"], "docs/walkthrough.md:\(step.line)")
                previous = nil
                continue
            }
            if let previous, previous.status != 0 {
                Issue.record("docs/walkthrough.md:\(previous.step.line): `\(previous.step.command)` exited \(previous.status)")
            }
            let r = try TestSupport.run("/bin/bash", ["-c", step.command], cwd: work, environment: environment)
            previous = (step, r.status)
            if let expected = step.expected {
                var actual = (r.stdout + r.stderr).components(separatedBy: "\n")
                if actual.last == "" { actual.removeLast() }
                actual = actual.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                #expect(Self.matches(expected[...], actual[...]),
                        "docs/walkthrough.md:\(step.line): `\(step.command)` printed\n\(actual.joined(separator: "\n"))\nnot\n\(expected.joined(separator: "\n"))")
            }
            if i == steps.count - 1, r.status != 0 {
                Issue.record("docs/walkthrough.md:\(step.line): `\(step.command)` exited \(r.status)")
            }
        }
        // What the walk-through promised is there.
        let out = work + "/out/ningbo-2023"
        let text = try TestSupport.run("pdftotext", [out + "/brochure.pdf", "-"])
        #expect(text.stdout.contains("2023年度宁波科技创新10件大事"))
        #expect(text.stdout.contains("宁波市科学技术局"))
        #expect(FileManager.default.fileExists(atPath: out + "/brochure-print.pdf"))
        let cards = ((FileManager.default.enumerator(atPath: out + "/cards")?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".png") }
        #expect(cards.count == 10)
        #expect(FileManager.default.fileExists(atPath: out + "/cards/index.html"))
    }
}
