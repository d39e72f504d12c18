/// A process colour for print: cyan, magenta, yellow and black ink, each 0…1 (1 = solid).
public struct CMYK: Hashable, Sendable, Codable {
    public var cyan: Double
    public var magenta: Double
    public var yellow: Double
    public var black: Double

    public init(cyan: Double, magenta: Double, yellow: Double, black: Double) {
        self.cyan = cyan
        self.magenta = magenta
        self.yellow = yellow
        self.black = black
    }

    /// From percentages, as layouts and print shops write them (`[0, 0, 0, 100]`).
    public init(percent values: [Double]) {
        let v = values.map { max(0, min(100, $0)) / 100 } + [0, 0, 0, 0]
        self.init(cyan: v[0], magenta: v[1], yellow: v[2], black: v[3])
    }

    /// The four values in the order PDF's `k`/`K` operators take them.
    public var components: [Double] { [cyan, magenta, yellow, black] }

    /// Total ink (area coverage) in percent: 400 for four solids.
    public var totalInk: Double { (cyan + magenta + yellow + black) * 100 }

    /// Ink on the black plate only.
    public var isBlackOnly: Bool { cyan == 0 && magenta == 0 && yellow == 0 }

    /// Solid black and nothing else: the colour of text that overprints.
    public static let solidBlack = CMYK(cyan: 0, magenta: 0, yellow: 0, black: 1)
}
