import FolioTestSupport
import Foundation
import Testing

/// The command line's conventions, through the real binary: lists are trimmed; every
/// wrong use exits 2 with a did-you-mean; --marks implies --print; every command that can
/// report a problem speaks JSON.
@Suite("Command-line conventions", .serialized)
struct CommandLineConventionTests {
    static func workspace() throws -> String {
        let work = TestSupport.temporaryDirectory("conventions")
        #expect(try CLI.run(["init", "r", "--edition", "2023", "-q"], cwd: work).status == 0)
        return work
    }

    @Test("--cards \"square, og\" is two presets: spaces around the commas do not count")
    func trimmedLists() throws {
        let work = try Self.workspace()
        let r = try CLI.run(["build", "r", "--out", "o", "--cards", " square, og ", "--no-brochure"], cwd: work)
        #expect(r.status == 0, "\(r.stderr)")
        let cards = ((FileManager.default.enumerator(atPath: work + "/o/cards")?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".png") }
        #expect(Set(cards.map { ($0 as NSString).deletingLastPathComponent }) == ["square", "og"])
        #expect(try CLI.run(["check", "r", "--cards", "square ,og"], cwd: work).status == 0)
    }

    @Test("an unknown preset or layout, a bad scale, an empty list: exit 2, with a did-you-mean where one fits, nothing written")
    func wrongUse() throws {
        let work = try Self.workspace()
        let cases: [([String], String)] = [
            (["build", "r", "--cards", "squar"], "did you mean 'square'?"),
            (["build", "r", "--cards", "square,stroy"], "did you mean 'story'?"),
            (["build", "r", "--layout", "brochure16k"], "did you mean 'brochure-16k'?"),
            (["check", "r", "--layout", "brochur"], "did you mean 'brochure'?"),
            (["watch", "r", "--cards", "ogg"], "did you mean 'og'?"),
            (["fonts", "r", "--layout", "brocure"], "did you mean 'brochure'?"),
            (["build", "r", "--scale", "9"], "--scale must be between 0.25 and 4"),
            (["build", "r", "--scale", "two"], "--scale"),
            (["build", "r", "--cards", " , "], "--cards needs at least one preset"),
        ]
        for (arguments, expected) in cases {
            let r = try CLI.run(arguments, cwd: work)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: work + "/out"), "a wrong command line writes nothing")
    }

    @Test("an unknown command: exit 2 with a did-you-mean; under --diagnostics json a usage error is one JSON item")
    func unknownCommandAndJSONUsage() throws {
        let work = try Self.workspace()
        let r = try CLI.run(["biuld", "r"], cwd: work)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: unknown command 'biuld'\n    hint: did you mean 'build'?"), "\(r.stderr)")
        let json = try CLI.run(["check", "r", "--cards", "squar", "--diagnostics", "json"], cwd: work)
        #expect(json.status == 2)
        #expect(json.stderr == "")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["code"] as? String == "usage")
        #expect((items.first?["hint"] as? String)?.hasPrefix("did you mean 'square'?") == true)
    }

    @Test("--marks implies --print: the print file is made, with its marks")
    func marksImplyPrint() throws {
        let work = try Self.workspace()
        let r = try CLI.run(["build", "r", "--out", "o", "--marks", "--no-cards"], cwd: work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("brochure-print.pdf"))
        let info = try TestSupport.run("pdfinfo", ["-box", work + "/o/brochure-print.pdf"])
        #expect(info.stdout.contains("TrimBox"))
        // Marks need room outside the bleed: the media box is larger than the plain print file's.
        let plain = try CLI.run(["build", "r", "--out", "p", "--print", "--no-cards"], cwd: work)
        #expect(plain.status == 0)
        let plainInfo = try TestSupport.run("pdfinfo", ["-box", work + "/p/brochure-print.pdf"])
        func mediaBox(_ text: String) -> String? { text.split(separator: "\n").first { $0.hasPrefix("Page    1 MediaBox") || $0.hasPrefix("MediaBox") }.map(String.init) }
        #expect(mediaBox(info.stdout) != mediaBox(plainInfo.stdout), "\(info.stdout)")
    }

    @Test("--diagnostics json on layouts, fonts and init: one array on stdout, nothing on stderr")
    func jsonEverywhere() throws {
        let work = try Self.workspace()
        let layouts = try CLI.run(["layouts", "--diagnostics", "json"], cwd: work)
        #expect(layouts.status == 0)
        #expect(layouts.stderr == "")
        #expect((try JSONSerialization.jsonObject(with: Data(layouts.stdout.utf8)) as? [Any])?.isEmpty == true)
        let made = try CLI.run(["init", "other", "--diagnostics", "json"], cwd: work)
        #expect(made.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [Any])?.isEmpty == true, "\(made.stdout)")
        let again = try CLI.run(["init", "r", "--diagnostics", "json"], cwd: work)
        #expect(again.status == 1)
        #expect(again.stderr == "")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])
        #expect(items.first?["code"] as? String == "report-exists")
        let yaml = work + "/r/report.yaml"
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        try text.replacingOccurrences(of: "title: 关键核心技术取得突破", with: "title: 关键核心技术取得突破\u{30000}")
            .write(toFile: yaml, atomically: true, encoding: .utf8)
        let fonts = try CLI.run(["fonts", "r", "--diagnostics", "json"], cwd: work)
        #expect(fonts.status == 1)
        #expect(fonts.stderr == "")
        let missing = try #require(try JSONSerialization.jsonObject(with: Data(fonts.stdout.utf8)) as? [[String: Any]])
        #expect(missing.first?["code"] as? String == "missing-glyph")
    }
}
