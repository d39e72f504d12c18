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

extension SourceLocation {
    /// The place of the first `scalar` at or after this place in its file (looking at
    /// most `lines` lines down: a paragraph may run over several), so that a caret points
    /// at the offending character rather than at the start of the value. This place when
    /// the file cannot be read or the character is not found as written.
    public func moved(to scalar: Unicode.Scalar, lines: Int = 200) -> SourceLocation {
        var ignored: [Diagnostic] = []
        guard let source = SourceFile.read(path: file, displayPath: file, limits: .default, diagnostics: &ignored) else { return self }
        for n in line..<(line + lines) {
            guard let text = source.line(n) else { break }
            let scalars = Array(text.unicodeScalars)
            let start = n == line ? max(0, column - 1) : 0
            if start < scalars.count, let i = scalars[start...].firstIndex(of: scalar) {
                return SourceLocation(file: file, line: n, column: i + 1)
            }
        }
        return self
    }
}
