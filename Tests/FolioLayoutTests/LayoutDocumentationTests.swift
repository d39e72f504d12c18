@testable import FolioLayout
import FolioTestSupport
import Foundation
import Testing

@Suite("Layout documentation")
struct LayoutDocumentationTests {
    static let doc = (try? String(contentsOfFile: TestSupport.path("docs/layouts.md"), encoding: .utf8)) ?? ""

    /// Keys documented in the first column of the doc's tables.
    static var documented: Set<String> {
        var keys = Set<String>()
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for part in cell.split(separator: "`") where !part.contains(" ") && !part.isEmpty {
                keys.insert(String(part))
            }
        }
        return keys
    }

    static let codeKeys: [String] = LayoutReader.topKeys + LayoutReader.pageKeys + LayoutReader.styleKeys
        + LayoutReader.frameKeys + LayoutReader.blockKeys + LayoutReader.templateKeys + LayoutReader.variantKeys
        + LayoutReader.flowKeys + LayoutReader.copyfitKeys + LayoutReader.gapKeys
        + ["family", "weight", "punctuation", "autospace", "linebreak", "min-last-line", "items", "odd", "even",
           "region", "columns", "blocks", "paginate"]

    @Test("every key a layout can use is documented in docs/layouts.md")
    func everyKeyDocumented() {
        let missing = Set(Self.codeKeys).subtracting(Self.documented)
        #expect(missing.isEmpty, "undocumented layout keys: \(missing.sorted())")
    }

    @Test("every documented key exists")
    func everyDocumentedKeyExists() {
        let examples: Set<String> = ["brochure", "brochure-16k"]
        let extra = Self.documented.subtracting(Self.codeKeys).subtracting(examples)
        #expect(extra.isEmpty, "documented but unknown: \(extra.sorted())")
    }

    @Test("every placeholder is documented")
    func placeholders() {
        for variable in TemplateText.variables {
            #expect(Self.doc.contains("{\(variable)"), "placeholder {\(variable)} is not documented")
        }
    }
}
