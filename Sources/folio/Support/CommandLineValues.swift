import ArgumentParser
import FolioBuild
import FolioLayout
import FolioModel
import Foundation

/// The rules every command applies to what is typed on the command line: the report
/// folder (given, a path to its report.yaml, or the current folder), comma-separated
/// lists, and layout and preset names checked before anything is read. A wrong use is a
/// `ValidationError`: exit status 2 with a did-you-mean.
enum CommandLineValues {
    /// The report folder a command works on. `given` may be the folder or its report.yaml;
    /// without it, the current folder when it holds a report.yaml.
    static func reportFolder(_ given: String?, command: String) throws -> String {
        guard let given else {
            let here = FileManager.default.currentDirectoryPath
            if FileManager.default.fileExists(atPath: (here as NSString).appendingPathComponent(ReportLoader.fileName)) { return "." }
            throw ValidationError("""
                no report folder given, and there is no \(ReportLoader.fileName) in the current folder
                    hint: name the report folder, e.g. folio \(command) Reports/ningbo-2022, or run it inside a report folder
                """)
        }
        var isDirectory: ObjCBool = false
        if (given as NSString).lastPathComponent == ReportLoader.fileName,
           FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), !isDirectory.boolValue {
            let folder = (given as NSString).deletingLastPathComponent
            return folder.isEmpty ? "." : folder
        }
        return given
    }

    /// A comma-separated list, each item trimmed, empty items dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Checks layout and card preset names typed on the command line against the ones
    /// Folio has (when its files can be found; otherwise the command reports that).
    static func checkNames(layout: String?, cards: String?) throws {
        if let cards, list(cards).isEmpty { throw ValidationError("--cards needs at least one preset, e.g. --cards square,og") }
        guard layout != nil || cards != nil, case .success(let resources) = Resources.locate() else { return }
        let loader = LayoutLoader(directory: resources.layoutsDirectory)
        if let layout {
            try checkName(layout, option: "--layout", what: "brochure layout", in: loader.brochureNames())
        }
        for name in cards.map(list) ?? [] {
            try checkName(name, option: "--cards", what: "card preset", in: loader.cardNames())
        }
    }

    static func checkName(_ name: String, option: String, what: String, in available: [String]) throws {
        guard !available.contains(name) else { return }
        let known = "the \(what)s are \(available.joined(separator: ", ")); folio layouts describes them"
        let hint = Suggestions.closest(to: name, in: available).map { "did you mean '\($0)'? — \(known)" } ?? known
        throw ValidationError("\(option): there is no \(what) named '\(name)'\n    hint: \(hint)")
    }
}
