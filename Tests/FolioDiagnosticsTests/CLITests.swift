import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// What the `folio` command prints and how it exits.
@Suite("Command line diagnostics")
struct CLITests {
    static let broken = """
    title: 年度报告
    publisher: 科技局
    edition: 2022
    published: 2023-02-30
    events:
      - id: first
        title: 第一件
        body: [正文]
        figurs: []

    """

    static let expected = """
    report/report.yaml:4:12: error: `published` in the report is `2023-02-30`, which is not a date: 2023-02 has only 28 days
        published: 2023-02-30
                   ^
        hint: write the date as YYYY-MM-DD, e.g. 2023-02-01
    report/report.yaml:9:5: error: `figurs` in event 1 (first) is not a key; it looks like `figures`, and its value would be lost
            figurs: []
            ^
        hint: rename it to `figures:`
    2 errors

    """

    @Test("check: exit 1, every problem as path:line:col with excerpt and hint, a summary, nothing on stdout")
    func brokenReport() throws {
        let dir = CLI.workspace(Self.broken)
        let r = try CLI.run(["check", "report"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == Self.expected)
        #expect(r.stdout == "")
    }

    @Test("build: the same diagnostics, then a line saying nothing was written")
    func brokenBuild() throws {
        let dir = CLI.workspace(Self.broken)
        let r = try CLI.run(["build", "report", "--out", "out"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == Self.expected + "nothing was written; previous outputs are unchanged\n")
        #expect(!FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("out")))
    }

    @Test("exit 0 for the default report; exit 2 for wrong usage")
    func exitCodes() throws {
        let ok = try CLI.run(["check", TestSupport.path("Reports/ningbo-2022")], cwd: TestSupport.root)
        #expect(ok.status == 0)
        #expect(ok.stdout == "Reports/ningbo-2022: no errors\n")
        #expect(ok.stderr == "")
        let usage = try CLI.run(["check", "Reports/ningbo-2022", "--no-such-option"], cwd: TestSupport.root)
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("Error: Unknown option '--no-such-option'"))
        let missing = try CLI.run(["check"], cwd: TestSupport.root)
        #expect(missing.status == 2)
    }

    @Test("a report folder that does not exist, or has no report.yaml")
    func noReport() throws {
        let dir = CLI.workspace("")
        let r = try CLI.run(["check", "nowhere"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
        error: nowhere does not exist
            hint: give the report folder (the one holding report.yaml), e.g. folio check Reports/ningbo-2022
        1 error

        """)
        try FileManager.default.createDirectory(atPath: (dir as NSString).appendingPathComponent("empty"), withIntermediateDirectories: true)
        let r2 = try CLI.run(["check", "empty"], cwd: dir)
        #expect(r2.stderr == """
        error: there is no report.yaml in empty
            hint: a report folder holds a report.yaml; `folio init empty` makes one to start from
        1 error

        """)
    }

    @Test("colour on a terminal; none through a pipe or under NO_COLOR")
    func colour() throws {
        let dir = CLI.workspace(Self.broken)
        // Through a pipe, without NO_COLOR: plain.
        let piped = try CLI.run(["check", "report"], cwd: dir, environment: [:])
        #expect(piped.stderr == Self.expected)
        // On a terminal (script(1) gives the command a pseudo-terminal): coloured.
        let command = "\(CLI.executable) check report"
        let tty = try TestSupport.run("script", ["-qec", command, "/dev/null"], cwd: dir,
                                      environment: ["FOLIO_HOME": TestSupport.root, "TERM": "xterm", "NO_COLOR": ""])
        #expect(tty.status == 1)
        #expect(tty.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(tty.stdout.contains("\u{1B}[1;36mhint:\u{1B}[0m rename it to `figures:`"))
        let noColor = try TestSupport.run("script", ["-qec", command, "/dev/null"], cwd: dir,
                                          environment: ["FOLIO_HOME": TestSupport.root, "TERM": "xterm", "NO_COLOR": "1"])
        #expect(noColor.status == 1)
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(noColor.stdout.replacingOccurrences(of: "\r\n", with: "\n") == Self.expected)
    }

    @Test("--diagnostics json: one array on stdout, nothing else, for failures and successes alike")
    func json() throws {
        let dir = CLI.workspace(Self.broken)
        let r = try CLI.run(["check", "report", "--diagnostics", "json"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["code"] as? String == "bad-date")
        #expect(items[0]["file"] as? String == "report/report.yaml")
        #expect(items[0]["line"] as? Int == 4)
        #expect(items[0]["column"] as? Int == 12)
        #expect(items[0]["severity"] as? String == "error")
        #expect(items[1]["hint"] as? String == "rename it to `figures:`")
        let ok = try CLI.run(["check", TestSupport.path("Reports/ningbo-2022"), "--diagnostics", "json"], cwd: TestSupport.root)
        #expect(ok.status == 0)
        #expect(ok.stdout == "[\n\n]\n")
        let build = try CLI.run(["build", "report", "--out", "out", "--diagnostics", "json"], cwd: dir)
        #expect(build.status == 1)
        #expect(build.stderr == "")
        #expect((try JSONSerialization.jsonObject(with: Data(build.stdout.utf8)) as? [Any])?.count == 2)
    }

    @Test("--quiet keeps the errors and drops the warnings")
    func quiet() throws {
        let dir = CLI.workspace(Self.broken)
        let r = try CLI.run(["check", "report", "--quiet"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
        report/report.yaml:4:12: error: `published` in the report is `2023-02-30`, which is not a date: 2023-02 has only 28 days
            published: 2023-02-30
                       ^
            hint: write the date as YYYY-MM-DD, e.g. 2023-02-01
        report/report.yaml:9:5: error: `figurs` in event 1 (first) is not a key; it looks like `figures`, and its value would be lost
                figurs: []
                ^
            hint: rename it to `figures:`
        2 errors

        """)
    }

    @Test("a layout or card preset that does not exist, named in the report or on the command line")
    func unknownLayouts() throws {
        let yaml = Self.broken.replacingOccurrences(of: "published: 2023-02-30", with: "published: 2023-02-01\nlayout: brochur\ncards: [square, og]")
        let dir = CLI.workspace(yaml)
        let home = try CLI.home(in: dir)
        let r = try CLI.run(["check", "report"], cwd: dir, environment: ["NO_COLOR": "1", "FOLIO_HOME": home])
        #expect(r.status == 1)
        #expect(r.stderr == """
        report/report.yaml:5:9: error: there is no layout named `brochur`
            layout: brochur
                    ^
            hint: did you mean `brochure`? (available in Layouts/: `brochure`)
        report/report.yaml:6:17: error: there is no card preset named `og`
            cards: [square, og]
                            ^
            hint: available in Layouts/cards/: `square`
        report/report.yaml:11:5: error: `figurs` in event 1 (first) is not a key; it looks like `figures`, and its value would be lost
                figurs: []
                ^
            hint: rename it to `figures:`
        3 errors

        """)
        // Names typed on the command line are wrong use of it: exit 2, with a did-you-mean.
        let cli = try CLI.run(["check", "report", "--cards", "sqare"], cwd: dir, environment: ["NO_COLOR": "1", "FOLIO_HOME": home])
        #expect(cli.status == 2)
        #expect(cli.stderr.hasPrefix("""
        Error: --cards: there is no card preset named 'sqare'
            hint: did you mean 'square'? — the card presets are square; folio layouts describes them

        """), "\(cli.stderr)")
        let path = try CLI.run(["check", "report", "--layout", "../../etc/passwd"], cwd: dir, environment: ["NO_COLOR": "1", "FOLIO_HOME": home])
        #expect(path.status == 2)
        #expect(path.stderr.hasPrefix("Error: --layout: there is no brochure layout named '../../etc/passwd'\n"))
    }
}
