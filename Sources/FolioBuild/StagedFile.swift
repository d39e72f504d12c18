import FolioModel
import Foundation

/// Stage 4's unit: an output written to a temporary file next to its target, with its
/// manifest record, waiting for the commit to rename it. Every output is staged first and
/// renamed only when the whole build has succeeded, so a failed build leaves the previous
/// outputs exactly as they were.
struct StagedFile: Sendable {
    var temp: String
    var final: String
    var record: Manifest.Output

    /// Writes `data` to a temporary file next to `out` in `outDir`.
    init(_ data: Data, _ out: PlannedOutput, outDir: String) throws {
        final = (outDir as NSString).appendingPathComponent(out.path)
        let dir = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        temp = (dir as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(getpid()).tmp")
        try AtomicFile.writeTemporary(data, to: temp)
        record = Manifest.Output(path: out.path, kind: out.kind, event: out.event, preset: out.preset, inputs: out.inputs,
                                 sha256: Fingerprint.sha256(data), size: data.count)
    }

    /// Removes the temporary files of `files` (a failed build's).
    static func discard(_ files: [StagedFile]) {
        for file in files { unlink(file.temp) }
    }
}

/// An error of a job that had staged files before it failed (they are to be removed).
struct StagedFailure: Error {
    var staged: [StagedFile]
    var error: Error
}
