import FolioModel
import FolioTestSupport
import Foundation
import Testing

/// Images must be JPEG or PNG files inside the report folder.
@Suite("Image paths")
struct PathTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 24)

    /// A report folder with `images/photo.png`, a GIF, a folder and links in and out.
    func folder() throws -> String {
        let dir = Checking.folder(Data(), files: ["images/photo.png": Data(Self.png), "images/anim.gif": Data("GIF89a..".utf8)])
        let fm = FileManager.default
        try fm.createDirectory(atPath: (dir as NSString).appendingPathComponent("images/sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: (dir as NSString).appendingPathComponent("images/out.png"), withDestinationPath: "/etc/hostname")
        try fm.createSymbolicLink(atPath: (dir as NSString).appendingPathComponent("images/same.png"), withDestinationPath: "photo.png")
        return dir
    }

    func output(_ image: String, in dir: String) -> String {
        Checking.output(Checking.report(events: "events:\n  - id: a\n    title: 一\n    body: [正文]\n    image: \(image)\n"), directory: dir)
    }

    @Test("a PNG inside the folder, directly or through a link that stays inside, is accepted")
    func inside() throws {
        let dir = try folder()
        for path in ["images/photo.png", "images/same.png", "./images/photo.png", "{path: images/photo.png, fit: contain}"] {
            let result = Checking.load(Checking.report(events: "events:\n  - id: a\n    title: 一\n    body: [正文]\n    image: \(path)\n"), directory: dir)
            #expect(result.diagnostics.isEmpty, "\(path)")
            #expect(result.report?.events.first?.image?.absolutePath.hasSuffix("/images/photo.png") == true, "\(path)")
        }
    }

    @Test("absolute paths, '..' and links out of the folder are refused")
    func outside() throws {
        let dir = try folder()
        #expect(output("/etc/hostname", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `/etc/hostname` is an absolute path
                image: /etc/hostname
                       ^
            hint: copy the image into the report folder (e.g. images/) and give the path relative to it
        1 error

        """)
        #expect(output("images/../../secret.png", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images/../../secret.png` leaves the report folder with `..`
                image: images/../../secret.png
                       ^
            hint: copy the image into the report folder (e.g. images/) and give the path relative to it
        1 error

        """)
        #expect(output("images/out.png", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images/out.png` is a link that points outside the report folder
                image: images/out.png
                       ^
            hint: copy the image itself into the report folder
        1 error

        """)
    }

    @Test("a missing file suggests the closest name; folders and other formats are named")
    func wrongFiles() throws {
        let dir = try folder()
        #expect(output("images/phot.png", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images/phot.png` does not exist
                image: images/phot.png
                       ^
            hint: did you mean `images/photo.png`?
        1 error

        """)
        #expect(output("images/sub", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images/sub` is a folder, not an image
                image: images/sub
                       ^
            hint: name the image file itself, e.g. images/photo.jpg
        1 error

        """)
        #expect(output("images/anim.gif", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images/anim.gif` is not a JPEG or PNG file (it is a GIF)
                image: images/anim.gif
                       ^
            hint: export the image as JPEG (photos) or PNG (graphics)
        1 error

        """)
        #expect(output("images\\photo.png", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) `images\\photo.png` uses '\\' between folders
                image: images\\photo.png
                       ^
            hint: write paths with '/', e.g. images/photo.jpg
        1 error

        """)
        #expect(output("\"\"", in: dir) == """
        report.yaml:9:12: error: the image of event 1 (a) has an empty path
                image: ""
                       ^
            hint: give the image file, e.g. images/photo.jpg
        1 error

        """)
    }
}
