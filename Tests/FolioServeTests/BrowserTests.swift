import Foundation
import Testing
import FolioTestSupport

@Suite("folio serve in a real browser")
struct BrowserTests {
    /// Debian's chromium driven by Playwright for Python: Tests/FolioServeTests/browser_test.py.
    @Test("pages, contents and cards shown; a save updates in place; a broken save shows its diagnostic until fixed")
    func browser() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #expect(chromium != nil, "chromium is missing: run `make test-deps` (Debian package chromium)")
        let playwright = try TestSupport.run("python3", ["-c", "import playwright.sync_api"])
        #expect(playwright.status == 0, "playwright for Python is missing: run `make test-deps` (PyPI playwright)")
        guard chromium != nil, playwright.status == 0 else { return }

        let serve = try ServeFixture()
        defer { _ = serve.interrupt() }
        #expect(serve.waitUntilBuilt(), "folio serve did not start: \(serve.text)")
        let script = TestSupport.path("Tests/FolioServeTests/browser_test.py")
        let result = try TestSupport.run("python3", [script, serve.url, serve.report, serve.out])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)\n--- folio serve:\n\(serve.text)")
        #expect(result.stdout.contains(" passed, 0 failed"))
    }
}
