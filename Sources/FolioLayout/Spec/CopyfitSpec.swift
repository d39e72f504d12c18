import FolioCore

/// How far a flow may be fitted so that it does not spill a few lines onto a page of
/// their own (`copyfit:` on a template's flow). Every limit is the most that may be
/// taken away; Folio tries a quarter of each, then a half, three quarters and all of them,
/// and keeps the first that saves the spill page.
public struct CopyfitSpec: Hashable, Sendable {
    /// What fitting does when even the full limits do not save the page.
    public enum Otherwise: String, Hashable, Sendable, CaseIterable {
        /// Spread the text over the last two pages, so the last is used as well as the one
        /// before it (never a page of a few lines and a signature).
        case spread
        /// Leave the spill page as it is.
        case keep
    }

    /// A last page whose content reaches less than this share of its region's height is a
    /// spill (0…1).
    public var spill: Double
    /// Points the leading of baseline-grid text (and the grid with it) may tighten.
    public var leading: Double
    /// Points the type size of baseline-grid text may shrink.
    public var size: Double
    /// Em the tracking of baseline-grid text may tighten.
    public var tracking: Double
    /// The share (0…1) of the blocks' space before and after that may go.
    public var space: Double
    public var otherwise: Otherwise

    public init(spill: Double = 0.35, leading: Double = 0, size: Double = 0, tracking: Double = 0, space: Double = 0,
                otherwise: Otherwise = .spread) {
        self.spill = spill
        self.leading = leading
        self.size = size
        self.tracking = tracking
        self.space = space
        self.otherwise = otherwise
    }
}
