import FolioModel
import Foundation

/// The output folder: where it is, its checks, and its preparation before anything is
/// staged in it (see `StagedFile`).
extension Builder {
    /// The output folder when none is given: `out/<report folder name>` in the current
    /// folder; when that would be the report folder or inside it (the user stands in it),
    /// `out/<name>` in the nearest folder above the report that has an `out/` folder or a
    /// `.git`, else in the report folder's parent. Never inside the report folder.
    public static func defaultOutputDirectory(report: String, cwd: String = FileManager.default.currentDirectoryPath) -> String {
        func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let reportDir = real(report)
        let name = URL(fileURLWithPath: reportDir).lastPathComponent
        let here = real(cwd)
        if here != reportDir && !here.hasPrefix(reportDir + "/") {
            return (here as NSString).appendingPathComponent("out/\(name)")
        }
        let parent = (reportDir as NSString).deletingLastPathComponent
        var dir = parent
        while dir != "/" && !dir.isEmpty {
            let fm = FileManager.default
            if fm.fileExists(atPath: (dir as NSString).appendingPathComponent("out"))
                || fm.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) {
                return (dir as NSString).appendingPathComponent("out/\(name)")
            }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return (parent as NSString).appendingPathComponent("out/\(name)")
    }

    /// The output folder (`--out`, else `defaultOutputDirectory`), and what is wrong
    /// with it: it may not be the report folder or inside it, nor one of Folio's own
    /// folders, nor a file. Nothing is created here.
    public func outputDirectory(_ options: BuildOptions) -> (String, [Diagnostic]) {
        func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let reportDir = real(options.reportDirectory)
        let fallback = Self.defaultOutputDirectory(report: options.reportDirectory)
        let dir = real(options.outputDirectory ?? fallback)
        let shown = DisplayPath.relative(dir)
        let hint = "write the outputs elsewhere, e.g. --out \(DisplayPath.relative(fallback))"
        if dir == reportDir {
            return (dir, [.error("bad-output", at: nil, "the output folder \(shown) is the report folder", hint: hint)])
        }
        if dir.hasPrefix(reportDir + "/") {
            return (dir, [.error("bad-output", at: nil, "the output folder \(shown) is inside the report folder", hint: hint)])
        }
        let root = real(resources.root)
        if dir == root || dir == "/" {
            return (dir, [.error("bad-output", at: nil, "the output folder \(shown) is Folio's own folder", hint: hint)])
        }
        for folder in ["Sources", "Reports", "Tests", "docs", ".git", ".build"] + Resources.folders {
            let f = real((resources.root as NSString).appendingPathComponent(folder))
            if dir == f || dir.hasPrefix(f + "/") {
                return (dir, [.error("bad-output", at: nil, "the output folder \(shown) is inside Folio's \(folder) folder", hint: hint)])
            }
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue {
            return (dir, [.error("bad-output", at: nil, "the output folder \(shown) is a file",
                                 hint: "remove the file or choose another folder with --out")])
        }
        return (dir, [])
    }

    /// Creates the output folder, takes its lock (if the folder was just made), and
    /// (before anything is staged) clears temporary files a killed build left there: with
    /// the lock held, no live build's files are there. Called only once the inputs are
    /// known to be good.
    func prepare(_ dir: String, sweep: Bool, lock: OutputLock) throws {
        let wasHeld = lock.isHeld
        // mkdir -p, so that a failure names the system's reason ("Permission denied").
        var path = ""
        var madeHere = false
        for part in dir.split(separator: "/") {
            path += "/" + part
            madeHere = false
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { continue }
            if mkdir(path, 0o755) == 0 {
                madeHere = true
            } else if errno != EEXIST {
                throw BuildError.io("cannot create the output folder \(DisplayPath.relative(dir)): \(String(cString: strerror(errno)))")
            }
        }
        lock.acquire(waiting: waiting)
        // The folder did not exist when this build started (it read no manifest), and
        // another build made it since: what this build planned is stale. Start again.
        if !wasHeld && lock.isHeld && !madeHere { throw OutputLock.Contended() }
        if sweep { AtomicFile.sweep(dir) }
    }
}
