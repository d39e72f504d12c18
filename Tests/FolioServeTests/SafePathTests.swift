import Foundation
import Testing
@testable import FolioServe
import FolioTestSupport

@Suite("SafePath: only files inside the output folder")
struct SafePathTests {
    /// out/ with a manifest, a card and symbolic links out of it; secret.txt beside it.
    static func folder() throws -> (root: String, out: String) {
        let root = TestSupport.temporaryDirectory("safe-path")
        let out = root + "/out"
        let fm = FileManager.default
        try fm.createDirectory(atPath: out + "/cards/square", withIntermediateDirectories: true)
        fm.createFile(atPath: out + "/manifest.json", contents: Data("{}".utf8))
        fm.createFile(atPath: out + "/cards/square/01-a.png", contents: Data("png".utf8))
        fm.createFile(atPath: out + "/.folio-serve.lock", contents: Data("1".utf8))
        fm.createFile(atPath: root + "/secret.txt", contents: Data("secret".utf8))
        try fm.createSymbolicLink(atPath: out + "/link-out.txt", withDestinationPath: root + "/secret.txt")
        try fm.createSymbolicLink(atPath: out + "/dir-out", withDestinationPath: root)
        try fm.createSymbolicLink(atPath: out + "/link-in.json", withDestinationPath: out + "/manifest.json")
        return (root, out)
    }

    @Test("files of the folder resolve, with encoded names too")
    func inside() throws {
        let (_, out) = try Self.folder()
        let safe = SafePath(root: out)
        #expect(safe.resolve(encoded: "manifest.json") == safe.root + "/manifest.json")
        #expect(safe.resolve(encoded: "cards/square/01-a.png") == safe.root + "/cards/square/01-a.png")
        #expect(safe.resolve(encoded: "cards/square/01%2Da.png") == safe.root + "/cards/square/01-a.png")
        #expect(safe.resolve(encoded: "link-in.json") == safe.root + "/manifest.json")
    }

    @Test("parent folders, encoded dots and slashes, absolute paths, hidden files, folders", arguments: [
        "../secret.txt", "%2e%2e/secret.txt", "%2E%2E/secret.txt", "..%2fsecret.txt", "cards/..%2F..%2Fsecret.txt",
        "cards/../../secret.txt", "./manifest.json", "cards//square/01-a.png", "/etc/passwd", "%2Fetc%2Fpasswd",
        ".folio-serve.lock", "%2efolio-serve.lock", "cards", "cards/square", "", "manifest.json%00", "..\\secret.txt",
        "missing.png",
    ])
    func refused(_ path: String) throws {
        let (_, out) = try Self.folder()
        #expect(SafePath(root: out).resolve(encoded: path) == nil)
    }

    @Test("symbolic links that lead out of the folder")
    func symlinksOut() throws {
        let (root, out) = try Self.folder()
        let safe = SafePath(root: out)
        #expect(safe.resolve(encoded: "link-out.txt") == nil)
        #expect(safe.resolve(encoded: "dir-out/secret.txt") == nil)
        // An absolute path given as one encoded name is still refused.
        let encoded = (root + "/secret.txt").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(safe.resolve(encoded: encoded) == nil)
    }
}
