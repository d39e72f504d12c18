import FolioTestSupport
import Foundation
import Testing

/// cards/index.html, as the real binary writes it: the report's title, each card with
/// its rank and event title, grouped by preset, linking to the brochure, every link
/// relative so it opens from the folder.
@Suite("The contact sheet", .serialized)
struct CardIndexTests {
    static func attribute(_ name: String, in html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: name + #"="([^"]*)""#)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    @Test("titled with the report, captioned with rank and event title, grouped by preset, linked to the brochure, all links relative")
    func sheet() throws {
        let work = TestSupport.temporaryDirectory("sheet")
        let report = TestSupport.path("Reports/ningbo-2022")
        let r = try TestSupport.run(RunningProcess.folio, ["build", report, "--out", work + "/o", "--cards", "og,square", "--scale", "0.25"],
                                    cwd: work, environment: ["FOLIO_HOME": TestSupport.root])
        #expect(r.status == 0, "\(r.stderr)")
        let cards = work + "/o/cards"
        let html = try String(contentsOfFile: cards + "/index.html", encoding: .utf8)
        let title = TestSupport.defaultReport.title
        #expect(html.contains("<title>\(title) — cards</title>"))
        #expect(html.contains("<h1>\(title)</h1>"))
        #expect(!html.contains(report), "the command-line path is not the heading")
        for event in TestSupport.defaultReport.events {
            let caption = "No. \(event.rank) · \(event.title)"
            #expect(html.components(separatedBy: "<strong>\(caption)</strong>").count == 3, "\(caption) once per preset")
        }
        // Grouped by preset, in the sheet's order (square before og).
        let square = try #require(html.range(of: "<section id=\"square\">"))
        let og = try #require(html.range(of: "<section id=\"og\">"))
        #expect(square.lowerBound < og.lowerBound)
        let firstSquare = try #require(html.range(of: "src=\"square/01-"))
        #expect(firstSquare.lowerBound > square.lowerBound && firstSquare.lowerBound < og.lowerBound)
        // The brochure is linked, and every link resolves from the folder itself.
        let links = Self.attribute("href", in: html) + Self.attribute("src", in: html)
        #expect(links.contains("../brochure.pdf"))
        for link in links where !link.hasPrefix("#") {
            #expect(!link.contains(":") && !link.hasPrefix("/"), "\(link) is not relative")
            #expect(FileManager.default.fileExists(atPath: (cards as NSString).appendingPathComponent(link)), "\(link) does not open")
        }
    }
}
