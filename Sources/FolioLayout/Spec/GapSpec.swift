import FolioCore

/// What fills the white an event leaves at the foot of a column when the next event's
/// head (band, title, lead and first lines, kept together) does not fit there and moves
/// on (`gaps:` on the event template's flow, events in one flow). In order: the ending
/// event's plotted chart rows with `grow: yes` are set taller, then its `filler:` blocks
/// are set where they fit, then what is left is spread between its blocks.
public struct GapSpec: Hashable, Sendable {
    /// A gap at least this tall (a share of the column's height, or a length) gets growing
    /// charts and filler blocks; a smaller one is only spread.
    public var fill: Length
    /// How much taller a growing chart row may be set, as a share of its height (0…1).
    public var grow: Double
    /// The most space added between two blocks when the gap is spread (0: never spread).
    public var spread: Double

    public init(fill: Length = .fraction(0.2), grow: Double = 0.5, spread: Double = 0) {
        self.fill = fill
        self.grow = grow
        self.spread = spread
    }
}
