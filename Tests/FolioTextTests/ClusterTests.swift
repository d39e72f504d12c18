import FolioCore
import FolioText
import Testing

/// The glyph runs' text clusters: wherever a reader would see a gap (justification,
/// Han–Latin space) or a deep overlap (compressed marks), the two characters share one
/// cluster, and a real space shares its cluster with the character after it.
@Suite("Text clusters")
struct ClusterTests {
    struct Boundary {
        var left: String
        var right: String
        /// What a reader sees between the glyphs: next origin minus (origin + own advance), in em.
        var gap: Double
        var sameCluster: Bool
    }

    /// Every boundary between consecutive characters of each run (single-glyph characters).
    func boundaries(_ p: ComposedParagraph) -> [Boundary] {
        var result: [Boundary] = []
        for line in p.lines {
            var placements = line.placements[...]
            for run in line.runs {
                let units = placements.prefix(run.glyphs.count)
                placements = placements.dropFirst(run.glyphs.count)
                #expect(units.map(\.text).joined() == run.text)
                var clusterOf: [Int] = []
                for (k, c) in run.clusters.enumerated() { clusterOf += Array(repeating: k, count: c.glyphCount) }
                let u = Array(units)
                for i in 1..<max(1, run.glyphs.count) {
                    let gap = run.glyphs[i].x - (run.glyphs[i - 1].x + u[i - 1].naturalAdvance)
                    result.append(Boundary(left: u[i - 1].text, right: u[i].text, gap: gap / run.size,
                                           sameCluster: clusterOf[i] == clusterOf[i - 1]))
                }
            }
        }
        return result
    }

    @Test("gaps a reader would read as a space, and deep overlaps, are inside one cluster",
          arguments: PunctuationStyle.allCases)
    func everyGap(style: PunctuationStyle) {
        var f = Fixture()
        f.settings.punctuation = style
        let texts = ["他说：“我们要打好‘组合拳’。”（见《宁波日报》）。随后，会议通过了《关于推进科技创新的若干意见》。",
                     "测试GPU和5G的36.4%增长，营收3,000万元，AI平台已经上线。马克思·韦伯，“知识”（力量）。",
                     "这是一个 real space test，也是一个“长期主义”的选择；一、二、三。"]
        var checked = 0, merged = 0
        for text in texts {
            for width in stride(from: 97.0, through: 307, by: 21) {
                for b in boundaries(f.compose(text, width: width, indent: 20)) {
                    checked += 1
                    if b.sameCluster { merged += 1 }
                    if b.gap > 0.08 || b.gap < -0.4 || b.left == " " {
                        #expect(b.sameCluster, "\(b.left)|\(b.right) gap \(b.gap) em at \(width)")
                    } else {
                        #expect(!b.sameCluster, "\(b.left)|\(b.right) gap \(b.gap) em at \(width)")
                    }
                }
            }
        }
        #expect(checked > 1000 && merged > 50)
    }

    @Test("the clusters of each run cover its text and glyphs exactly")
    func coverage() {
        let p = Fixture().compose(Samples.body.joined(), width: 180, indent: 20)
        for run in p.lines.flatMap(\.runs) {
            #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.count)
            #expect(run.clusters.allSatisfy { $0.byteCount > 0 && $0.glyphCount > 0 })
        }
    }
}
