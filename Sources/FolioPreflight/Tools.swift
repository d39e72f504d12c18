import Foundation

/// A tool that is not on the PATH, with the Debian package that installs it.
public struct MissingTool: Error, CustomStringConvertible {
    public var tool: String
    public var package: String
    public var description: String {
        "preflight needs `\(tool)`, which is not on the PATH: install the Debian package `\(package)` "
            + "(apt-get install \(package), or run `make deps`)"
    }
}

/// The command-line tools preflight runs, and what is wrong when one is missing.
struct Tools: Sendable {
    typealias Missing = MissingTool

    /// A tool that ran and failed.
    struct Failed: Error, CustomStringConvertible {
        var tool: String
        var status: Int32
        var messages: String
        var description: String { "`\(tool)` failed (exit status \(status)): \(messages.prefix(600))" }
    }

    static let packages = ["qpdf": "qpdf", "pdfimages": "poppler-utils", "pdffonts": "poppler-utils", "gs": "ghostscript"]

    var searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

    func path(of tool: String) throws -> String {
        for dir in searchPath.split(separator: ":") {
            let candidate = (String(dir) as NSString).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(tool: tool, package: Self.packages[tool] ?? tool)
    }

    /// Runs `tool` and returns its standard output; `allowed` exit statuses count as success.
    func run(_ tool: String, _ arguments: [String], allowed: Set<Int32> = [0]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        process.arguments = arguments
        let out = Pipe()
        // Standard error goes to a file, so it cannot fill up and block the tool.
        let errorPath = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-\(tool)-\(UUID().uuidString.prefix(8)).err")
        FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let err = FileHandle(forWritingAtPath: errorPath)
        process.standardOutput = out
        process.standardError = err ?? FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        try? err?.close()
        let errors = FileManager.default.contents(atPath: errorPath) ?? Data()
        process.waitUntilExit()
        guard allowed.contains(process.terminationStatus) else {
            throw Failed(tool: tool, status: process.terminationStatus, messages: String(decoding: errors, as: UTF8.self))
        }
        return data
    }
}
