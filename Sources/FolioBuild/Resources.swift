import Foundation

/// Where Folio finds its layouts and fonts: `$FOLIO_HOME`, else the first folder above
/// the executable or the current directory that holds `Layouts/` and `Fonts/fonts.conf`.
public struct Resources: Hashable, Sendable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public var layoutsDirectory: String { (root as NSString).appendingPathComponent("Layouts") }
    public var fontConfig: String { (root as NSString).appendingPathComponent("Fonts/fonts.conf") }
    public var fontsDirectory: String { (root as NSString).appendingPathComponent("Fonts") }
    /// The ICC profiles of the print file's printing conditions.
    public var profilesDirectory: String { (root as NSString).appendingPathComponent("Profiles") }

    /// Finds the resources, or nil with the places looked at.
    public static func locate() -> Result<Resources, LocateError> {
        var tried: [String] = []
        if let home = ProcessInfo.processInfo.environment["FOLIO_HOME"], !home.isEmpty {
            if isRoot(home) { return .success(Resources(root: home)) }
            tried.append(home)
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [exe.path, FileManager.default.currentDirectoryPath] {
            var dir = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<8 {
                if isRoot(dir.path) { return .success(Resources(root: dir.path)) }
                tried.append(dir.path)
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return .failure(LocateError(tried: tried))
    }

    static func isRoot(_ path: String) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: (path as NSString).appendingPathComponent("Layouts/brochure.yaml"))
            && fm.fileExists(atPath: (path as NSString).appendingPathComponent("Fonts/fonts.conf"))
    }

    public struct LocateError: Error, CustomStringConvertible {
        public var tried: [String]
        public var description: String {
            "cannot find Folio's Layouts/ and Fonts/ (looked in \(tried.prefix(4).joined(separator: ", "))…); "
                + "run folio from its repository or set FOLIO_HOME to it"
        }
    }
}
