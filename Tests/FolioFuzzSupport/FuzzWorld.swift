import FolioBuild
import FolioModel
import Foundation

/// A sandbox for fuzzing `folio check` in-process: a copy of the default report in a
/// temporary folder (with a few good and bad images beside it), a copy of the layouts,
/// Folio's fonts, and one `Builder` reused from case to case.
public final class FuzzWorld {
    /// What one case did.
    public enum Outcome: Equatable, Sendable {
        /// The input was accepted (possibly with warnings).
        case success(warnings: Int)
        /// The input was refused with diagnostics, at least one of them an error.
        case diagnostics(errors: Int, warnings: Int)
        /// Anything else: a thrown non-diagnostic error or a malformed diagnostic.
        case failure(String)
    }

    /// One case: which file was mutated, how, and the outcome.
    public struct CaseResult: Sendable {
        public var index: Int
        public var file: String
        public var steps: [String]
        public var input: [UInt8]
        public var outcome: Outcome
        public var codes: [String]
    }

    public let directory: String
    public let reportDirectory: String
    public let resources: Resources
    public let seed: UInt64
    private let baseReport: [UInt8]
    private let layouts: [(path: String, bytes: [UInt8])]
    private var builder: Builder
    private var casesSinceBuilder = 0

    /// Sets the sandbox up under a fresh temporary folder, from the repository at `repository`.
    public init(repository: String, seed: UInt64 = 0xF0_11_0) throws {
        self.seed = seed
        let fm = FileManager.default
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("folio-fuzz-\(getpid())-\(UUID().uuidString.prefix(6))")
        reportDirectory = (directory as NSString).appendingPathComponent("report")
        let root = (directory as NSString).appendingPathComponent("folio")
        try fm.createDirectory(atPath: (reportDirectory as NSString).appendingPathComponent("images/folder"), withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        try fm.copyItem(atPath: (repository as NSString).appendingPathComponent("Layouts"), toPath: (root as NSString).appendingPathComponent("Layouts"))
        try fm.createSymbolicLink(atPath: (root as NSString).appendingPathComponent("Fonts"),
                                  withDestinationPath: (repository as NSString).appendingPathComponent("Fonts"))
        resources = Resources(root: root)
        baseReport = [UInt8](try Data(contentsOf: URL(fileURLWithPath: (repository as NSString).appendingPathComponent("Reports/ningbo-2022/report.yaml"))))
        layouts = ["Layouts/brochure.yaml", "Layouts/cards/square.yaml"].map { relative in
            let path = (root as NSString).appendingPathComponent(relative)
            return (path, [UInt8](fm.contents(atPath: path) ?? Data()))
        }
        // Images the mutations name: good, broken, oversized, not images, and escapes.
        let images = (reportDirectory as NSString).appendingPathComponent("images")
        func write(_ name: String, _ bytes: [UInt8]) {
            fm.createFile(atPath: (images as NSString).appendingPathComponent(name), contents: Data(bytes))
        }
        write("ok.png", FuzzWorld.tinyPNG)
        var huge = FuzzWorld.tinyPNG
        huge.replaceSubrange(16..<24, with: [0, 0, 0x9C, 0x40, 0, 0, 0x9C, 0x40]) // 40000 × 40000
        write("huge.png", huge)
        write("bad.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF but nothing else".utf8))
        write("empty.png", [])
        write("text.png", Array("not an image\n".utf8))
        try? fm.createSymbolicLink(atPath: (images as NSString).appendingPathComponent("outside.png"), withDestinationPath: "/etc/hostname")
        try? fm.createSymbolicLink(atPath: (images as NSString).appendingPathComponent("loop.png"), withDestinationPath: "loop.png")
        builder = Builder(resources: resources)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A 1×1 PNG.
    static let tinyPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xC9, 0xFE, 0x92, 0xEF, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    public var reportFile: String { (reportDirectory as NSString).appendingPathComponent("report.yaml") }

    /// Makes the input of case `index` and writes it where Folio reads it: the report in
    /// four cases of five, a layout otherwise. Returns which file, the steps and the bytes.
    public func prepare(case index: Int) -> (file: String, steps: [String], bytes: [UInt8]) {
        var rng = SeededRandom(seed: seed, case: index)
        restore()
        let target = rng.int(0..<10)
        if target < 8 {
            let (bytes, steps) = Mutator.mutate(baseReport, rng: &rng)
            FileManager.default.createFile(atPath: reportFile, contents: Data(bytes))
            return ("report.yaml", steps, bytes)
        }
        let layout = layouts[target == 8 ? 0 : 1]
        let (bytes, steps) = Mutator.mutate(layout.bytes, rng: &rng)
        FileManager.default.createFile(atPath: layout.path, contents: Data(bytes))
        return (String(layout.path.dropFirst(resources.root.count + 1)), steps, bytes)
    }

    /// Puts the unmutated report and layouts back.
    public func restore() {
        FileManager.default.createFile(atPath: reportFile, contents: Data(baseReport))
        for layout in layouts { FileManager.default.createFile(atPath: layout.path, contents: Data(layout.bytes)) }
    }

    /// Runs case `index` through `Builder.check` (load, layouts, fonts, images and, with
    /// `layout`, the layout of the brochure and every card) and judges the outcome.
    public func run(case index: Int, layout: Bool = true) -> CaseResult {
        let (file, steps, bytes) = prepare(case: index)
        // A fresh builder now and then keeps the shaping cache from growing without end.
        casesSinceBuilder += 1
        if casesSinceBuilder > 2_000 {
            builder = Builder(resources: resources)
            casesSinceBuilder = 0
        }
        var outcome: Outcome
        var codes: [String] = []
        do {
            let warnings = try builder.check(BuildOptions(reportDirectory: reportDirectory), layout: layout)
            codes = warnings.map(\.code)
            outcome = .success(warnings: warnings.count)
            if let problem = FuzzWorld.problems(warnings, input: bytes, file: file).first { outcome = .failure(problem) }
            if warnings.hasErrors { outcome = .failure("check returned errors without throwing") }
        } catch BuildError.input(let list) {
            codes = list.map(\.code)
            let errors = list.filter { $0.severity == .error }.count
            outcome = errors > 0 ? .diagnostics(errors: errors, warnings: list.count - errors)
                : .failure("BuildError.input without an error")
            if let problem = FuzzWorld.problems(list, input: bytes, file: file).first { outcome = .failure(problem) }
        } catch {
            outcome = .failure("non-diagnostic error: \(error)")
        }
        return CaseResult(index: index, file: file, steps: steps, input: bytes, outcome: outcome, codes: codes)
    }

    /// What is wrong with a list of diagnostics, if anything: each needs a code, a
    /// one-line message of sane length, and a place inside the file it names.
    public static func problems(_ list: [Diagnostic], input: [UInt8], file: String) -> [String] {
        var out: [String] = []
        let lineCount = input.split(separator: 0x0A, omittingEmptySubsequences: false).count
            + input.filter { $0 == 0x0D }.count // lone CRs count as line ends too
        for d in list {
            let head = "\(d.code): \(d.message.prefix(120))"
            if d.code.isEmpty || !d.code.allSatisfy({ ("a"..."z").contains($0) || $0.isASCII && $0.isNumber || $0 == "-" }) { out.append("bad code in \(head)") }
            if d.message.isEmpty || d.message.contains("\n") { out.append("message not one line: \(head)") }
            if d.message.count > Diagnostic.maxMessage + 1 { out.append("message of \(d.message.count) characters: \(head)") }
            if let hint = d.hint, hint.count > Diagnostic.maxHint + 1 || hint.contains("\n") { out.append("hint too long or not one line: \(head)") }
            if d.message.unicodeScalars.contains(where: { $0.value < 0x20 }) { out.append("control character in message: \(head)") }
            if let l = d.location {
                if l.line < 1 || l.column < 1 { out.append("place \(l.line):\(l.column) out of range: \(head)") }
                if l.file.hasSuffix(file) && l.line > lineCount + 1 {
                    out.append("line \(l.line) past the end (\(lineCount) lines): \(head)")
                }
            }
        }
        return out
    }
}
