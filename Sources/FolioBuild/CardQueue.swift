import Foundation

/// The cards of a build on their way from laid out to staged (`RenderStage`): which to
/// draw next, how many are being drawn, the bytes held until the build may write, and
/// what became of each. A card's pixels live only while it is encoded and its bytes only
/// until they are staged, so memory stays flat however many cards there are: one card per
/// core is drawn at a time, and until the build may write, drawing pauses once `limit`
/// bytes are held (a few dozen cards while a thousand-event brochure is laid out).
struct CardQueue {
    /// What a drawn card became: its bytes, held, or its staged file.
    enum Drawn: Sendable {
        case held(Data)
        case staged(StagedFile)
    }

    private(set) var jobs: [CardJob] = []
    /// The most bytes held at once.
    let limit: Int
    private let width = Parallel.width
    private var next = 0
    private var drawing = 0
    private var held: [(index: Int, data: Data)] = []
    private var heldBytes = 0
    private var results: [Int: Result<StagedFile, Error>] = [:]

    init(limit: Int = 64 << 20) {
        self.limit = limit
    }

    /// How many cards are drawn (or failed).
    var done: Int { results.count + held.count }

    /// Sets the cards to draw (once they are all laid out).
    mutating func load(_ jobs: [CardJob]) {
        self.jobs = jobs
    }

    /// The next card to draw, if one may start now: fewer than one per core are being
    /// drawn and, until the build may write, fewer than `limit` bytes are held.
    mutating func start(writable: Bool) -> (index: Int, job: CardJob)? {
        guard next < jobs.count, drawing < width, writable || heldBytes < limit else { return nil }
        defer { next += 1; drawing += 1 }
        return (next, jobs[next])
    }

    /// Card `index` is drawn: staged (now, if `outDir` is given and its bytes were held
    /// back), held, or failed.
    mutating func finish(_ index: Int, _ result: Result<Drawn, Error>, stageIn outDir: String?) {
        drawing -= 1
        switch result {
        case .success(.staged(let file)): results[index] = .success(file)
        case .success(.held(let data)):
            if let outDir {
                results[index] = Result { try StagedFile(data, jobs[index].output, outDir: outDir) }
            } else {
                held.append((index, data))
                heldBytes += data.count
            }
        case .failure(let error): results[index] = .failure(error)
        }
    }

    /// The build may write: the bytes held so far are staged.
    mutating func stageHeld(in outDir: String) {
        for (index, data) in held {
            results[index] = Result { try StagedFile(data, jobs[index].output, outDir: outDir) }
        }
        held = []
        heldBytes = 0
    }

    /// Every file staged, in plan order.
    var staged: [StagedFile] {
        jobs.indices.compactMap { i in if case .success(let file)? = results[i] { file } else { nil } }
    }

    /// The first card's error, in plan order (a card never staged is an error too).
    var firstError: Error? {
        for i in jobs.indices {
            switch results[i] {
            case .success?: continue
            case .failure(let error)?: return error
            case nil: return BuildError.io("card \(i + 1) was not written")
            }
        }
        return nil
    }
}
