import FolioModel

/// Why a build stopped.
public enum BuildError: Error, CustomStringConvertible {
    /// Problems in the input, each with its place (exit status 1).
    case input([Diagnostic])
    /// A file could not be written.
    case io(String)
    /// A required program or resource is missing.
    case environment(String)

    public var description: String {
        switch self {
        case .input(let d): return d.map(\.description).joined(separator: "\n")
        case .io(let s): return s
        case .environment(let s): return s
        }
    }
}
