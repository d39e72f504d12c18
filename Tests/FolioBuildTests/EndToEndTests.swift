import FolioBuild
import FolioModel
import FolioTestSupport
import Foundation
import Testing

@Suite("End to end", .serialized)
struct EndToEndTests {
    static let out = TestSupport.temporaryDirectory("e2e")

    /// The one build the tests read (started by the first test that asks for it).
    static let summary = Task { () async throws -> BuildSummary in
        try await Builder(resources: Resources(root: TestSupport.root))
            .build(BuildOptions(reportDirectory: TestSupport.path("Reports/ningbo-2022"), outputDirectory: out,
                                cardPresets: ["square"]))
    }

    var pdf: String { (Self.out as NSString).appendingPathComponent("brochure.pdf") }

    @Test("the brochure's text reads back: every title and body, no stray spaces")
    func text() async throws {
        _ = try await Self.summary.value
        let text = try TestSupport.run("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
        // Events follow one another in one flow, so a paragraph may run on to the next page:
        // read it past the page's furniture (folios, and running heads repeated on many pages).
        let lines = text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n").map(String.init)
        let counts = Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
        let joined = lines.filter { !$0.allSatisfy(\.isNumber) && !(counts[$0, default: 0] >= 3 && $0.count <= 30) }.joined()
        for event in TestSupport.defaultReport.events {
            #expect(joined.contains(event.title.replacingOccurrences(of: " ", with: "")) || joined.contains(event.title))
            for paragraph in event.body {
                #expect(joined.contains(paragraph), "body of \(event.id) does not read back")
            }
        }
    }

    @Test("fonts are embedded, subset and mapped to Unicode; qpdf finds no error")
    func fonts() async throws {
        _ = try await Self.summary.value
        let fonts = try TestSupport.run("pdffonts", [pdf]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni objectID gen: emb, sub, uni are the 3 before the last 2.
            #expect(columns.suffix(5).prefix(3).allSatisfy { $0 == "yes" }, "\(line)")
        }
        let check = try TestSupport.run("qpdf", ["--check", pdf])
        #expect(check.status == 0)
    }

    @Test("ten square cards of 1080×1080, named by rank and id")
    func cards() async throws {
        _ = try await Self.summary.value
        for event in TestSupport.defaultReport.events {
            let name = String(format: "%02d-%@.png", event.rank, event.id)
            let path = (Self.out as NSString).appendingPathComponent("cards/square/\(name)")
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            #expect(bytes.count > 24, "\(name) missing")
            guard bytes.count > 24 else { continue }
            let w = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let h = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(w == 1080 && h == 1080)
        }
    }
}
