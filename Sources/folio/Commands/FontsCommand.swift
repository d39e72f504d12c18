import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "Show which font file serves each font role, and whether it covers a report's characters.",
        discussion: """
        For each font role of the brochure layout and the card presets: the family and \
        weight asked for, the file fontconfig serves it from (Folio's own set, \
        Fonts/fonts.conf), and, given a report, whether that face draws every character \
        of the report. Characters another face of the set draws instead are listed; a \
        character no face draws is an error (exit status 1) naming where it is written.

        Examples:
          folio fonts Reports/ningbo-2022
          folio fonts --layout brochure-16k
        """
    )

    @Argument(help: "A report folder (or its report.yaml) whose characters to check (default: the current folder, when it holds report.yaml).",
              completion: .directory)
    var report: String?

    @Option(name: .long, help: "Brochure layout (default: the report's, else brochure).")
    var layout: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try CommandLineValues.checkNames(layout: layout, cards: nil)
    }

    func run() throws {
        let console = Console(output)
        let here = FileManager.default.fileExists(atPath: ReportLoader.fileName)
        let report: String? = self.report != nil || here ? try CommandLineValues.reportFolder(self.report, command: "fonts") : nil
        let resources = console.resources(writes: false)
        let options = BuildOptions(reportDirectory: report ?? ".", layout: layout)
        let result: FontReport
        do {
            result = try Builder(resources: resources).fontReport(options, report: report != nil)
        } catch {
            console.fail(error, writes: false)
        }
        if let report {
            console.info("characters of \(DisplayPath.relative(report)): \(result.characters) different")
        }
        // One entry per role and face asked for, with the layouts that use it.
        var groups: [(key: String, roles: [FontReport.Role])] = []
        for role in result.roles {
            let key = "\(role.role)\u{0}\(role.family)\u{0}\(role.weight)"
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].roles.append(role) } else { groups.append((key, [role])) }
        }
        for (_, roles) in groups {
            let role = roles[0]
            let brochures = roles.filter { !$0.card }.map(\.layout)
            let cards = roles.filter(\.card).map(\.layout)
            let users = brochures + (cards.isEmpty ? [] : ["cards " + cards.joined(separator: ", ")])
            let file = DisplayPath.relative(role.face.ref.file) + (role.face.ref.index > 0 ? " #\(role.face.ref.index)" : "")
            console.info("\(role.role) (\(users.joined(separator: "; ")))")
            console.info("  asks for   \(role.family), \(Self.weightName(role.weight))")
            console.info("  served by  \(file) (\([role.face.family, role.face.style].filter { !$0.isEmpty }.joined(separator: " ")))")
            guard report != nil else { continue }
            if !role.missing.isEmpty {
                console.info("  covers     all but \(role.missing.count): no font draws \(role.missing.map(Self.describe).joined(separator: ", "))")
            } else if role.fallback.isEmpty {
                console.info("  covers     all \(result.characters) characters")
            } else {
                console.info("  covers     \(result.characters - role.fallback.count) of \(result.characters) characters; the rest come from other faces:")
                let byFile = Dictionary(grouping: role.fallback, by: \.file)
                for (file, list) in byFile.sorted(by: { $0.key < $1.key }) {
                    let shown = list.prefix(12).map { String(Character($0.scalar)) }.joined()
                    console.info("             \(list.count) from \(DisplayPath.relative(file)): \(shown)\(list.count > 12 ? "…" : "")")
                }
            }
        }
        let missing = result.missing
        if !missing.isEmpty {
            console.diagnostics(result.diagnostics)
            if output.diagnostics == .text {
                console.error("\(missing.count) character\(missing.count == 1 ? "" : "s") no font draws: \(missing.map(Self.describe).joined(separator: ", "))")
            }
            throw ExitCode(1)
        } else if output.diagnostics == .json {
            console.diagnostics([])
        }
    }

    static func describe(_ s: Unicode.Scalar) -> String {
        "\(Character(s)) (\(String(format: "U+%04X", s.value)))"
    }

    static func weightName(_ weight: Int) -> String {
        switch weight {
        case 400: return "regular"
        case 700: return "bold"
        default: return "weight \(weight)"
        }
    }
}
