import Foundation

/// Where Folio finds its own files (`Layouts/`, `Fonts/`, and any other folder of
/// `folders`). In order:
/// 1. `$FOLIO_HOME`, when set: an explicit choice wins (a test's or a user's modified copy),
///    and one that does not hold Folio's files is an error rather than silently passed over;
/// 2. the real path of the running executable (links resolved): the folder it is in, or,
///    for a binary in a build folder (`<package>/.build/<config>/folio`), the package root;
/// 3. `<prefix>/share/folio`, where `<prefix>` is the folder above the executable's
///    `bin/` (what `make install` makes).
/// The current folder never counts: Folio runs the same from anywhere.
public struct Resources: Hashable, Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The folders of Folio's own files, found and installed together (`make install`
    /// copies those that exist). Adding one here is all a new kind of resource needs.
    public static let folders = ["Layouts", "Fonts", "Profiles"]
    /// Files that must exist for a folder to be Folio's: the default layout and the font set.
    static let markers = ["Layouts/brochure.yaml", "Fonts/fonts.conf"]

    public var layoutsDirectory: String { folder("Layouts") }
    public var fontConfig: String { (root as NSString).appendingPathComponent("Fonts/fonts.conf") }
    public var fontsDirectory: String { folder("Fonts") }
    /// The ICC profiles of the print file's printing conditions.
    public var profilesDirectory: String { folder("Profiles") }

    /// `root/name` (one of `folders`).
    public func folder(_ name: String) -> String {
        (root as NSString).appendingPathComponent(name)
    }

    /// The running executable's real path (links resolved). `/proc/self/exe` names it even
    /// when it was started through `PATH` by a bare name or through a symbolic link.
    public static var executablePath: String {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return exe }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
    }

    /// The places looked at, in order, for an executable at `executable` and the given
    /// `FOLIO_HOME` (nil or empty: unset). No place appears twice.
    public static func candidates(executable: String, home: String?) -> [String] {
        var list: [String] = []
        if let home, !home.isEmpty { list.append(URL(fileURLWithPath: home).standardizedFileURL.path) }
        let bin = URL(fileURLWithPath: executable).standardizedFileURL.deletingLastPathComponent()
        list.append(bin.path)
        // A build folder: <package>/.build/<config>/folio or <package>/.build/<triple>/<config>/folio.
        let parts = bin.pathComponents
        if let i = parts.lastIndex(of: ".build"), i > 0 {
            list.append(NSString.path(withComponents: Array(parts[..<i])))
        }
        list.append(bin.deletingLastPathComponent().appendingPathComponent("share/folio").path)
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    /// Finds the resources, or the places looked at.
    public static func locate() -> Result<Resources, LocateError> {
        let home = ProcessInfo.processInfo.environment["FOLIO_HOME"]
        if let home, !home.isEmpty {
            let path = URL(fileURLWithPath: home).standardizedFileURL.path
            return isRoot(path) ? .success(Resources(root: path)) : .failure(LocateError(tried: [path], homeSet: true))
        }
        let places = candidates(executable: executablePath, home: home)
        if let found = places.first(where: isRoot) { return .success(Resources(root: found)) }
        return .failure(LocateError(tried: places, homeSet: !(home ?? "").isEmpty))
    }

    static func isRoot(_ path: String) -> Bool {
        markers.allSatisfy { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
    }

    public struct LocateError: Error, CustomStringConvertible {
        public var tried: [String]
        public var homeSet = false
        public var description: String {
            if homeSet, let home = tried.first {
                return "FOLIO_HOME is \(home), which does not hold Folio's Layouts/brochure.yaml and Fonts/fonts.conf"
            }
            return "cannot find Folio's Layouts/ and Fonts/ (looked in \(tried.joined(separator: ", ")))"
        }
        /// What to do about it.
        public var hint: String {
            homeSet ? "unset FOLIO_HOME to use the files installed with folio, or point it at the folder that holds Layouts/ and Fonts/"
                : "run `make install`, or set FOLIO_HOME to the folder that holds Layouts/ and Fonts/"
        }
    }
}
