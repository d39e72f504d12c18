import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new report: a commented report.yaml with two example events and a chart.",
        discussion: """
        Makes the folder (and its parents) if needed, writes report.yaml and an images/ \
        folder, and prints the next command to run. The new report builds at once; replace \
        the examples with the year's events. An existing report.yaml is never overwritten \
        unless --force is given.

        Examples:
          folio init Reports/ningbo-2023 --edition 2023
          folio check Reports/ningbo-2023
          folio build Reports/ningbo-2023
        """
    )

    @Argument(help: "The folder of the new report.", completion: .directory)
    var path: String

    @Option(name: .long, help: "The year the report covers (default: last year).")
    var edition: Int?

    @Option(name: .long, help: "Publication date, YYYY-MM-DD (default: 1 February of the year after the edition).")
    var published: String?

    @Flag(name: .long, help: "Overwrite an existing report.yaml.")
    var force = false

    @Flag(name: .customLong("with-data"), help: "Also make data/stats.xlsx, with a chart that reads its numbers from it.")
    var withData = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let edition, !(1900...2999).contains(edition) { throw ValidationError("--edition must be a year such as 2023") }
        if let published, !ReportTemplate.isDate(published) {
            throw ValidationError("--published must be a date YYYY-MM-DD, e.g. 2024-02-01")
        }
    }

    func run() throws {
        let fm = FileManager.default
        let yamlPath = (path as NSString).appendingPathComponent(ReportLoader.fileName)
        let images = (path as NSString).appendingPathComponent("images")
        let shown = DisplayPath.relative(path)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            fail(code: "cannot-write", "\(shown) is a file, not a folder", hint: "choose a new folder name, e.g. Reports/my-report")
        }
        if fm.fileExists(atPath: yamlPath) && !force {
            fail(code: "report-exists", "\(DisplayPath.relative(yamlPath)) already exists; nothing was written",
                 hint: "choose a new folder, or add --force to replace it with the example")
        }
        let year = edition ?? (Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
        let date = published ?? String(format: "%04d-02-01", year + 1)
        do {
            try fm.createDirectory(atPath: images, withIntermediateDirectories: true)
            var yaml = ReportTemplate.reportYAML(edition: year, published: date)
            if withData { // a data/ folder with a workbook, and a chart that reads it
                let workbook = (path as NSString).appendingPathComponent(DataTemplate.file)
                try fm.createDirectory(atPath: (workbook as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if force || !fm.fileExists(atPath: workbook) { try DataTemplate.workbook(edition: year).write(to: URL(fileURLWithPath: workbook)) }
                yaml = DataTemplate.report(yaml, edition: year)
            }
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: yamlPath), options: .atomic)
            let readme = (images as NSString).appendingPathComponent("README.txt")
            if !fm.fileExists(atPath: readme) {
                try Data(ReportTemplate.imagesReadme.utf8).write(to: URL(fileURLWithPath: readme))
            }
        } catch {
            fail(code: "cannot-write", "cannot write \(shown): \(error.localizedDescription)", hint: "check the folder's permissions and free space")
        }
        Console(output).info("""
            made \(shown)/
              report.yaml         the report: title, publisher, two example events, one chart
              images/             pictures the report names (see images/README.txt)\(withData ? "\n  data/stats.xlsx     the numbers of the chart new-hitech (edit, save, rebuild)" : "")
            next: edit \(DisplayPath.relative(yamlPath)), then run
              folio check \(Self.shellQuoted(shown))
              folio build \(Self.shellQuoted(shown))
            """)
        if output.diagnostics == .json { Console(output).diagnostics([]) } // no problem: an empty array, as every command
    }

    /// Reports the problem (as text or JSON, like every command) and exits: 2 when the
    /// folder cannot be written, 1 otherwise.
    private func fail(code: String, _ message: String, hint: String) -> Never {
        let console = Console(output)
        console.diagnostics([.error(code, at: nil, message, hint: hint)])
        Foundation.exit(Console.environmentCodes.contains(code) ? 2 : 1)
    }

    /// `path` as a shell word: quoted only when it needs it.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+".unicodeScalars.contains($0) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
