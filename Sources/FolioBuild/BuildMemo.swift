import FolioCore
import FolioExport
import FolioGraphics
import FolioLayout
import FolioText
import Synchronization

/// What a builder remembers from build to build, so a watching process re-makes only what
/// changed: one memo, with one invalidation rule. Everything made with a font set (the
/// set itself, shaped and composed paragraphs, encoded PDF pages, texts found drawable)
/// belongs to that set's *generation*, keyed by the font set's content hash
/// (`FontFingerprint`); when a build sees another hash, the whole generation is dropped at
/// once and the next one starts empty. Layout files are remembered by their bytes
/// (`LayoutMemo`), which no font change affects. What is kept on disk is keyed by hashed
/// inputs too: outputs by the hash of their inputs (`Manifest`), file hashes by file
/// identity (`UserCache`), outputs' stats by path (`BuildCache`).
final class BuildMemo: Sendable {
    /// Everything made with one font set.
    struct Generation: Sendable {
        /// The font set's content hash; nil until a build has computed it.
        var fontHash: String?
        /// The font set, made when first needed.
        var fonts: FontSet?
        /// Shaped and composed paragraphs.
        let shaping = ShapingCache()
        /// Encoded PDF pages.
        let pages = PDFPageCache()
        /// Texts the font set draws completely.
        var coverage = CoverageMemo()
    }

    private let generation = Mutex(Generation())
    private let brochure = Mutex<Document?>(nil)
    /// Parsed layout files, by the bytes of each file.
    let layouts = LayoutMemo()
    /// What the exporters open from files (faces, images, profiles, font programs), kept
    /// across generations: its keys carry the files' identities.
    let resources = RenderResources()

    /// Starts a new generation when `fontHash` is not the current one's (a font file or
    /// fonts.conf changed under a watching process).
    func adopt(fontHash: String) {
        generation.withLock { g in
            if let known = g.fontHash, known != fontHash { g = Generation() }
            g.fontHash = fontHash
        }
    }

    /// What a build or check uses of the current generation: its font set and caches.
    struct InUse: Sendable {
        let fonts: FontSet
        let shaping: ShapingCache
        let pages: PDFPageCache
        let coverage: CoverageMemo
        let resources: RenderResources
    }

    /// The current generation, with its font set made from `configFile` if it had none.
    func current(configFile: String) throws -> InUse {
        try generation.withLock { g in
            let fonts = try g.fonts ?? FontSet(configFile: configFile)
            g.fonts = fonts
            return InUse(fonts: fonts, shaping: g.shaping, pages: g.pages, coverage: g.coverage, resources: resources)
        }
    }

    /// Keeps the texts `coverage` found drawable, if the generation that checked them is
    /// still the current one.
    func remember(coverage: CoverageMemo, of checked: InUse) {
        generation.withLock { g in
            if g.fonts === checked.fonts { g.coverage = coverage }
        }
    }

    /// The brochure as laid out by the last build that re-made it and succeeded (its glyph
    /// runs name their faces by handle: any exporter can draw it); nil until then.
    var lastBrochure: Document? {
        get { brochure.withLock { $0 } }
        set { brochure.withLock { $0 = newValue } }
    }
}
