import Foundation

/// Staging: every output is written to a temporary file next to its target first, and
/// renamed only when the whole build has succeeded.
extension Builder {
    /// A file written next to its target, waiting for the commit.
    struct Staged: Sendable {
        var temp: String
        var final: String
        var record: Manifest.Output
    }

    /// An error of the PDF job, with the files it had staged before it (to remove them).
    struct StagedFailure: Error {
        var staged: [Staged]
        var error: Error
    }

    /// Writes `data` to a temporary file next to `out`; its path and manifest record.
    static func stage(_ data: Data, _ out: PlannedOutput, outDir: String) throws -> (String, Manifest.Output) {
        let final = (outDir as NSString).appendingPathComponent(out.path)
        let dir = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = (dir as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(getpid()).tmp")
        try AtomicFile.writeTemporary(data, to: temp)
        return (temp, Manifest.Output(path: out.path, kind: out.kind, event: out.event, preset: out.preset, inputs: out.inputs,
                                      sha256: Fingerprint.sha256(data), size: data.count))
    }
}
