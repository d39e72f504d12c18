/// What an output of a build is. Its raw value is the `kind` the manifest records.
public enum OutputKind: String, Codable, Hashable, Sendable {
    /// `brochure.pdf`, the screen PDF.
    case brochure
    /// `brochure-print.pdf`, the PDF/X print file.
    case print
    /// `cards/<preset>/NN-<id>.png`, one social card.
    case card

    /// Whether the output is made from the laid-out brochure (the screen or the print PDF).
    public var isBrochure: Bool { self != .card }
}
