/// Where a unit of a flow (an event, when events follow one another in one flow) may
/// begin: the layout's `start:` on a continuous event template.
public enum FlowStart: String, Hashable, Sendable, CaseIterable {
    /// On a new page (a page that holds nothing yet).
    case page
    /// At the top of a column (a new page in a one-column flow).
    case column
    /// At the top or at the middle of a column: an event that begins in the top half of
    /// a column starts at its middle; one that would begin lower starts the next column.
    case halfPage = "half-page"
    /// Right after the previous unit when that ended in the top half of its column, else
    /// at the top of the next column (a contents under a short foreword, never under a
    /// long one).
    case topHalf = "top-half"
    /// Right after the previous unit when all of it fits in the rest of the column, else
    /// at the top of the next column: a short event is never split.
    case whole
    /// Right after the previous unit, kept whole with its first lines by keep rules.
    case anywhere
}

/// How a template's events are placed (`placement:` on the event template).
public enum EventPlacement: String, Hashable, Sendable, CaseIterable {
    /// Every event starts a page of its own, its head in the page's frames.
    case page
    /// Events follow one another in one flow, their heads set in the flow.
    case continuous
}
