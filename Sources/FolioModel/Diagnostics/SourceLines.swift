import Foundation

extension Array where Element == Diagnostic {
    /// Fills in the source line of diagnostics that point into a file but came without
    /// one (from layout or build steps), reading each file once. Files that cannot be
    /// read leave the diagnostic as it was.
    public func withSourceLines() -> [Diagnostic] {
        var files: [String: SourceFile?] = [:]
        return map { d in
            guard d.sourceLine == nil, let location = d.location else { return d }
            if files[location.file] == nil {
                var ignored: [Diagnostic] = []
                files[location.file] = .some(SourceFile.read(path: location.file, displayPath: location.file,
                                                             limits: .default, diagnostics: &ignored))
            }
            var copy = d
            copy.sourceLine = files[location.file]??.line(location.line)
            return copy
        }
    }
}
