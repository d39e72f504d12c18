import FolioBuild
import FolioTestSupport
import Foundation
import Testing

/// `make install` into a temporary prefix, then every command run from a folder that has
/// nothing to do with the repository, with no FOLIO_HOME: Folio finds its files from
/// its own executable (links resolved), from the build folder, and from PREFIX/share/folio.
@Suite("Installed like a real tool", .serialized)
struct InstallTests {
    /// Runs `program` with FOLIO_HOME removed from the environment.
    static func run(_ program: String, _ arguments: [String], cwd: String,
                    environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupport.run("/usr/bin/env", ["-u", "FOLIO_HOME", "NO_COLOR=1", program] + arguments, cwd: cwd, environment: environment)
    }

    /// Installs the debug binary into `prefix` the way `make install` does (`install-files`
    /// is `make install` without the release build).
    static func install(prefix: String, destdir: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        var arguments = ["-s", "-C", TestSupport.root, "install-files", "PREFIX=\(prefix)", "FOLIO_BIN=\(RunningProcess.folio)"]
        if let destdir { arguments.append("DESTDIR=\(destdir)") }
        return try TestSupport.run("make", arguments)
    }

    static func files(under dir: String) -> [String] {
        let fm = FileManager.default
        return ((fm.enumerator(atPath: dir)?.allObjects as? [String]) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: (dir as NSString).appendingPathComponent(name), isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    @Test("make install puts the binary, Layouts/ and Fonts/, completions and a man page under PREFIX; every command then runs from an unrelated folder; make uninstall removes it all")
    func installAndRunAnywhere() throws {
        let prefix = TestSupport.temporaryDirectory("prefix")
        let installed = try Self.install(prefix: prefix)
        #expect(installed.status == 0, "\(installed.stderr)")
        let files = Self.files(under: prefix)
        for expected in ["bin/folio", "share/folio/Layouts/brochure.yaml", "share/folio/Layouts/cards/square.yaml",
                         "share/folio/Fonts/fonts.conf", "share/bash-completion/completions/folio",
                         "share/zsh/site-functions/_folio", "share/fish/vendor_completions.d/folio.fish", "share/man/man1/folio.1"] {
            #expect(files.contains(expected), "\(expected) is not installed: \(files.prefix(20))")
        }
        if FileManager.default.fileExists(atPath: TestSupport.path("Profiles")) {
            #expect(files.contains { $0.hasPrefix("share/folio/Profiles/") }, "Profiles/ is installed with the rest")
        }
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/folio", encoding: .utf8)
        #expect(bash.contains("init") && bash.contains("layouts"))
        // The man page is a real one: groff formats it, and it names every command.
        let man = try TestSupport.run("groff", ["-k", "-man", "-Tutf8", "-P", "-cbou", prefix + "/share/man/man1/folio.1"])
        #expect(man.status == 0)
        for command in ["folio init", "folio build", "folio check", "folio watch", "folio fonts", "folio layouts", "FOLIO_HOME"] {
            #expect(man.stdout.uppercased().contains(command.uppercased()), "\(command): \(man.stdout.prefix(300))")
        }

        // Every command, from an unrelated folder, with the installed binary found through PATH.
        let work = TestSupport.temporaryDirectory("elsewhere")
        let path = ["PATH": prefix + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let layouts = try Self.run("folio", ["layouts"], cwd: work, environment: path)
        #expect(layouts.status == 0, "\(layouts.stderr)")
        #expect(layouts.stdout.hasPrefix("brochure layouts (\(prefix)/share/folio/Layouts/):"), "\(layouts.stdout)")
        #expect(try Self.run("folio", ["init", "r", "--edition", "2023", "-q"], cwd: work, environment: path).status == 0)
        let check = try Self.run("folio", ["check", "r"], cwd: work, environment: path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "r: no errors\n")
        let build = try Self.run("folio", ["build", "r", "--cards", "square"], cwd: work, environment: path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: work + "/out/r/brochure.pdf"))
        let fonts = try Self.run("folio", ["fonts", "r"], cwd: work, environment: path)
        #expect(fonts.status == 0, "\(fonts.stderr)")
        #expect(fonts.stdout.contains("covers     all"))
        let help = try Self.run("folio", ["build", "--help"], cwd: work, environment: path)
        #expect(help.status == 0)
        let watch = try RunningProcess("/usr/bin/env", ["-u", "FOLIO_HOME", prefix + "/bin/folio", "watch", "r", "--cards", "square"], cwd: work)
        defer { watch.terminate() }
        #expect(watch.wait(timeout: 120) { watch.text.contains("— watching r") }, "\(watch.text)")
        kill(watch.process.processIdentifier, SIGINT)
        watch.process.waitUntilExit()
        #expect(watch.process.terminationStatus == 0, "\(watch.text)")

        // Through a symbolic link in another folder of PATH, called by its bare name.
        let links = TestSupport.temporaryDirectory("links")
        try FileManager.default.createSymbolicLink(atPath: links + "/folio", withDestinationPath: prefix + "/bin/folio")
        let linked = try Self.run("folio", ["check", "r"], cwd: work, environment: ["PATH": links + ":/usr/bin:/bin"])
        #expect(linked.status == 0, "\(linked.stderr)")

        let removed = try TestSupport.run("make", ["-s", "-C", TestSupport.root, "uninstall", "PREFIX=\(prefix)"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(Self.files(under: prefix) == [], "make uninstall leaves files behind")
    }

    @Test("DESTDIR is put before every installed path")
    func destdir() throws {
        let stage = TestSupport.temporaryDirectory("destdir")
        let installed = try Self.install(prefix: "/usr/local", destdir: stage)
        #expect(installed.status == 0, "\(installed.stderr)")
        let files = Self.files(under: stage)
        #expect(files.contains("usr/local/bin/folio"))
        #expect(files.contains("usr/local/share/folio/Layouts/brochure.yaml"))
        #expect(files.contains("usr/local/share/man/man1/folio.1"))
    }

    @Test("the build folder's binary, run directly or through a link, finds the package it was built in")
    func fromTheBuildFolder() throws {
        let work = TestSupport.temporaryDirectory("elsewhere")
        let direct = try Self.run(RunningProcess.folio, ["layouts"], cwd: work)
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(direct.stdout.hasPrefix("brochure layouts (\(TestSupport.root)/Layouts/):"))
        let link = work + "/folio-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: RunningProcess.folio)
        let linked = try Self.run(link, ["check", TestSupport.path("Reports/ningbo-2022")], cwd: work)
        #expect(linked.status == 0, "\(linked.stderr)")
    }

    @Test("with no Folio files anywhere, every command says so and exits 2 (never swift-argument-parser's internal message)")
    func nowhere() throws {
        // A copy of the binary in a folder with no share/folio and no build folder above it.
        let lonely = TestSupport.temporaryDirectory("lonely") + "/bin"
        try FileManager.default.createDirectory(atPath: lonely, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RunningProcess.folio, toPath: lonely + "/folio")
        let work = TestSupport.temporaryDirectory("elsewhere")
        FileManager.default.createFile(atPath: work + "/report.yaml", contents: Data("title: x\n".utf8))
        for arguments in [["layouts"], ["check"], ["build"], ["fonts"], ["layouts", "--diagnostics", "json"]] {
            let r = try Self.run(lonely + "/folio", arguments, cwd: work)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(!(r.stdout + r.stderr).contains("Can't read a value"), "\(arguments)")
            #expect((r.stdout + r.stderr).contains("cannot find Folio's Layouts/ and Fonts/ (looked in \(lonely), "), "\(arguments): \(r.stderr)")
        }
        let home = try TestSupport.run(lonely + "/folio", ["layouts"], cwd: work, environment: ["FOLIO_HOME": work])
        #expect(home.status == 2)
        #expect(home.stderr.hasPrefix("error: FOLIO_HOME is \(work), which does not hold Folio's Layouts/brochure.yaml and Fonts/fonts.conf\n"),
                "\(home.stderr)")
        // A wrong FOLIO_HOME is not passed over silently, even where the files could be found otherwise.
        let wrong = try TestSupport.run(RunningProcess.folio, ["layouts"], cwd: work, environment: ["FOLIO_HOME": work])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("unset FOLIO_HOME"))
    }

    @Test("the places looked at: FOLIO_HOME, the executable's folder, the package of a build folder, PREFIX/share/folio; none twice")
    func candidates() {
        #expect(Resources.candidates(executable: "/src/folio/.build/debug/folio", home: nil)
            == ["/src/folio/.build/debug", "/src/folio", "/src/folio/.build/share/folio"])
        #expect(Resources.candidates(executable: "/src/folio/.build/x86_64-unknown-linux-gnu/release/folio", home: "/h").prefix(3)
            == ["/h", "/src/folio/.build/x86_64-unknown-linux-gnu/release", "/src/folio"])
        #expect(Resources.candidates(executable: "/usr/local/bin/folio", home: "") == ["/usr/local/bin", "/usr/local/share/folio"])
    }

    @Test("the Makefile installs exactly the folders the locator knows")
    func makefileFolders() throws {
        let makefile = try String(contentsOfFile: TestSupport.path("Makefile"), encoding: .utf8)
        let line = try #require(makefile.split(separator: "\n").first { $0.hasPrefix("RESOURCE_FOLDERS :=") })
        #expect(line.split(separator: " ").dropFirst(2).map(String.init) == Resources.folders)
    }
}
