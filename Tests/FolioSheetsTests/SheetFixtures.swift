import FolioTestSupport
import Foundation

/// The spreadsheets of these tests, written by openpyxl through Tests/Scripts/make_sheets.py
/// into a temporary folder once per test run.
enum SheetFixtures {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static let script = TestSupport.path("Tests/Scripts/make_sheets.py")

    private static let made: Result<String, Missing> = {
        let dir = TestSupport.temporaryDirectory("sheets")
        do {
            let r = try TestSupport.run("python3", [script, "fixtures", dir])
            guard r.status == 0 else {
                return .failure(Missing(description: "the test spreadsheets could not be written (\(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); openpyxl comes with `make test-deps`"))
            }
            return .success(dir)
        } catch {
            return .failure(Missing(description: "python3 cannot be run (\(error)); `make test-deps` installs openpyxl"))
        }
    }()

    /// The folder of the test files; throws (naming `make test-deps`) when openpyxl is missing.
    static func directory() throws -> String {
        try made.get()
    }

    static func path(_ name: String) throws -> String {
        (try directory() as NSString).appendingPathComponent(name)
    }

    /// Writes the example workbook (Reports/ningbo-2022-sheets/data/stats.xlsx) to `path`,
    /// with `changes` such as `高企!B3=5400`.
    static func writeExample(to path: String, changes: [String] = []) throws {
        let r = try TestSupport.run("python3", [script, "example", path] + changes)
        guard r.status == 0 else { throw Missing(description: "make_sheets.py example failed: \(r.stderr); `make test-deps` installs openpyxl") }
    }
}
