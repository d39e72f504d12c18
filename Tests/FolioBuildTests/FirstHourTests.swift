import FolioTestSupport
import Foundation
import Testing

/// A new user's first hour with the real `folio` binary: init, fonts, layouts, help,
/// progress and the conventions of the command line.
@Suite("A user's first hour", .serialized)
struct FirstHourTests {
    static let environment = ["FOLIO_HOME": TestSupport.root, "NO_COLOR": "1"]

    static func folio(_ arguments: [String], in cwd: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupport.run(RunningProcess.folio, arguments, cwd: cwd, environment: environment)
    }

    static func pngs(under dir: String) -> [String] {
        ((FileManager.default.enumerator(atPath: dir)?.allObjects as? [String]) ?? []).filter { $0.hasSuffix(".png") }.sorted()
    }

    // MARK: - init

    @Test("folio init makes a report that checks and builds at once, without a warning: a brochure and 2 × 5 cards")
    func initBuilds() throws {
        let work = TestSupport.temporaryDirectory("init")
        let made = try Self.folio(["init", "Reports/ningbo-2023", "--edition", "2023"], in: work)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr == "")
        #expect(made.stdout.contains("made Reports/ningbo-2023/"))
        #expect(made.stdout.contains("folio build Reports/ningbo-2023"), "the next command is printed")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: work + "/Reports/ningbo-2023/images", isDirectory: &isDirectory) && isDirectory.boolValue)
        let yaml = try String(contentsOfFile: work + "/Reports/ningbo-2023/report.yaml", encoding: .utf8)
        #expect(yaml.contains("edition: 2023"))
        #expect(yaml.contains("published: 2024-02-01"))
        #expect(yaml.contains("charts: [hitech-total]"), "the first event names the chart")
        #expect(yaml.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.count >= 5, "it is commented")

        let check = try Self.folio(["check", "Reports/ningbo-2023"], in: work)
        #expect(check.status == 0)
        #expect(check.stderr == "", "no warnings")
        #expect(check.stdout == "Reports/ningbo-2023: no errors\n")

        let build = try Self.folio(["build", "Reports/ningbo-2023"], in: work)
        #expect(build.status == 0)
        #expect(build.stderr == "", "no warnings, and no progress line in a pipe")
        #expect(build.stdout.hasPrefix("wrote brochure.pdf ("))
        #expect(build.stdout.contains(" pages), 10 cards to out/ningbo-2023/ in "))
        let cards = Self.pngs(under: work + "/out/ningbo-2023/cards")
        #expect(cards.count == 10)
        #expect(cards.contains("square/01-innovation-park.png"))
        #expect(cards.contains("wechat-cover/02-key-technology.png"))
        let text = try TestSupport.run("pdftotext", [work + "/out/ningbo-2023/brochure.pdf", "-"])
        #expect(text.stdout.contains("2023年度科技创新大事"))
        #expect(text.stdout.contains("关键核心技术取得突破"))
        #expect(text.stdout.contains("高新技术企业总数"), "the chart is drawn")
    }

    @Test("folio init refuses to overwrite a report.yaml (exit 1, the file untouched) unless --force")
    func initRefusesOverwrite() throws {
        let work = TestSupport.temporaryDirectory("init")
        #expect(try Self.folio(["init", "mine", "-q"], in: work).status == 0)
        let yaml = work + "/mine/report.yaml"
        try "title: 我的报告\n".write(toFile: yaml, atomically: true, encoding: .utf8)
        let again = try Self.folio(["init", "mine"], in: work)
        #expect(again.status == 1)
        #expect(again.stdout == "")
        #expect(again.stderr.hasPrefix("error: mine/report.yaml already exists; nothing was written\n"))
        #expect(again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: yaml, encoding: .utf8) == "title: 我的报告\n")
        let forced = try Self.folio(["init", "mine", "--force", "--edition", "2030"], in: work)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: yaml, encoding: .utf8).contains("edition: 2030"))
        // A file where the folder should be is the environment's problem: exit 2.
        _ = FileManager.default.createFile(atPath: work + "/afile", contents: Data())
        let onFile = try Self.folio(["init", "afile"], in: work)
        #expect(onFile.status == 2)
        #expect(onFile.stderr.contains("afile is a file, not a folder"))
        // A date that is not a date is wrong usage.
        #expect(try Self.folio(["init", "other", "--published", "2024-02-30"], in: work).status == 2)
    }

    // MARK: - fonts

    @Test("folio fonts names the file serving each role and says the default report is covered")
    func fontsCovered() throws {
        let r = try Self.folio(["fonts", "Reports/ningbo-2022"], in: TestSupport.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("characters of Reports/ningbo-2022: ") == true)
        // Each role once, with every layout that uses it.
        #expect(lines.contains("serif (brochure; cards og, portrait, square, story)"), "\(lines)")
        #expect(lines.contains("numerals (brochure)"))
        let serif = try #require(lines.firstIndex(of: "serif (brochure; cards og, portrait, square, story)"))
        #expect(lines[serif + 1] == "  asks for   Noto Serif CJK SC, regular")
        #expect(lines[serif + 2].hasPrefix("  served by  /"))
        #expect(lines[serif + 2].contains("NotoSerifCJK-Regular"))
        #expect(lines[serif + 2].hasSuffix("(Noto Serif CJK SC Regular)"))
        let boldSans = try #require(lines.firstIndex { $0.hasPrefix("sans-bold (") })
        #expect(lines[boldSans + 2].contains("NotoSansCJK-Bold"))
        let covers = lines.filter { $0.hasPrefix("  covers") }
        #expect(covers.count == 5)
        #expect(covers.allSatisfy { $0.hasPrefix("  covers     all ") && $0.hasSuffix(" characters") })
    }

    @Test("folio fonts exits 1 naming a character no font draws, and where it is written")
    func fontsUncovered() throws {
        let work = TestSupport.temporaryDirectory("fonts")
        #expect(try Self.folio(["init", "r", "-q"], in: work).status == 0)
        let yaml = work + "/r/report.yaml"
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
            .replacingOccurrences(of: "title: 关键核心技术取得突破", with: "title: 关键核心技术取得突破\u{30000}")
        try text.write(toFile: yaml, atomically: true, encoding: .utf8)
        let r = try Self.folio(["fonts", "r", "--layout", "brochure-16k"], in: work)
        #expect(r.status == 1)
        #expect(r.stdout.contains("  covers     all but 1: no font draws \u{30000} (U+30000)"))
        #expect(r.stderr.contains("r/report.yaml:"))
        #expect(r.stderr.contains("event 2 (key-technology): `title` has the character `\u{30000}` (U+30000)"))
        #expect(r.stderr.hasSuffix("1 character no font draws: \u{30000} (U+30000)\n"))
        #expect(r.stdout.contains("(brochure-16k; cards"), "the layout asked for is the one shown")
    }

    // MARK: - layouts

    @Test("folio layouts lists brochures in mm and card presets in px, with their descriptions")
    func layouts() throws {
        let r = try Self.folio(["layouts"], in: TestSupport.root)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("brochure 210×297 mm A4 portrait, one column, deep blue and gold"))
        #expect(lines.contains("brochure-16k 210×285 mm 210×285 mm, facing pages, two columns, red and charcoal"))
        for (name, size) in [("square", "1080×1080"), ("portrait", "1080×1440"), ("story", "1080×1920"),
                             ("wechat-cover", "900×383"), ("og", "1200×630")] {
            #expect(lines.contains { $0.hasPrefix("\(name) \(size) px \(size) (") }, "\(name)")
        }
        #expect(lines.first == "brochure layouts (Layouts/):")
        #expect(lines.contains("card presets (Layouts/cards/):"))
    }

    // MARK: - conventions

    @Test("every command's --help has an example, and the command list is the one tested")
    func helpHasExamples() throws {
        let root = try Self.folio(["--help"], in: TestSupport.root)
        let section = root.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let first = line.split(separator: " ").first, !line.hasPrefix("   ") else { return nil }
            return first.first?.isLetter == true ? String(first) : nil
        }.filter { $0 != "See" }
        #expect(commands == ["init", "build", "check", "watch", "serve", "fonts", "layouts", "preflight"])
        #expect(root.stdout.contains("Example"))
        for command in commands {
            let help = try Self.folio([command, "--help"], in: TestSupport.root)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help has no example")
            #expect(help.stdout.contains("  folio \(command)"), "\(command)'s example runs \(command)")
        }
    }

    @Test("--version, and completion scripts for bash, zsh and fish that know every command")
    func versionAndCompletions() throws {
        let version = try Self.folio(["--version"], in: TestSupport.root)
        #expect(version.status == 0)
        #expect(version.stdout == "folio 0.1.0\n")
        for shell in ["bash", "zsh", "fish"] {
            let script = try Self.folio(["--generate-completion-script", shell], in: TestSupport.root)
            #expect(script.status == 0)
            for command in ["init", "build", "fonts", "layouts", "edition", "cards"] {
                #expect(script.stdout.contains(command), "\(shell) completion lacks \(command)")
            }
        }
    }

    @Test("progress on a terminal only, erased; the last line says what was written where and how long it took")
    func progress() throws {
        let work = TestSupport.temporaryDirectory("progress")
        #expect(try Self.folio(["init", "r", "-q"], in: work).status == 0)
        let command = "\(RunningProcess.folio) build r --out o --cards square,og"
        let tty = try TestSupport.run("script", ["-qec", command, "/dev/null"], cwd: work,
                                      environment: ["FOLIO_HOME": TestSupport.root, "TERM": "xterm"])
        #expect(tty.status == 0)
        let erase = "\r\u{1B}[2K"
        #expect(tty.stdout.contains("\(erase)laid out "))
        #expect(tty.stdout.contains("\(erase)rendered 1/4 cards\(erase)"))
        #expect(tty.stdout.contains("\(erase)rendered 4/4 cards\(erase)"))
        let last = try #require(tty.stdout.components(separatedBy: erase).last)
        #expect(last.hasPrefix("wrote brochure.pdf ("))
        #expect(last.contains("pages), 4 cards to o/ in "))
        #expect(last.hasSuffix("s\r\n"))

        // Through a pipe: the last line only.
        let piped = try Self.folio(["build", "r", "--out", "o2", "--cards", "square,og"], in: work)
        #expect(piped.stderr == "")
        #expect(!piped.stdout.contains("\r"))
        #expect(piped.stdout.split(separator: "\n").count == 1)
        // --quiet: nothing; --verbose: every file, relative to where the user stands.
        let quiet = try Self.folio(["build", "r", "--out", "o3", "--cards", "square", "-q"], in: work)
        #expect(quiet.stdout == "" && quiet.stderr == "")
        let verbose = try Self.folio(["build", "r", "--out", "o4", "--cards", "square", "-v"], in: work)
        #expect(verbose.stdout.contains("wrote o4/brochure.pdf\n"))
        #expect(verbose.stdout.contains("wrote o4/cards/square/01-innovation-park.png\n"))
        let again = try Self.folio(["build", "r", "--out", "o4", "--cards", "square"], in: work)
        #expect(again.stdout.hasPrefix("o4: up to date (3 outputs) in "))
    }
}
