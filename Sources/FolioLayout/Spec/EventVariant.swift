/// One choice of template for an event (`variants:` on the event template): the
/// template named is used for the events its condition holds for.
///
/// Conditions are the usual ones (`has-image`, `no-chart` …) and measured ones:
/// `short` (the event's flow, set in the event template, fills at most half of its first
/// page's region), `long` (it runs past one page), `figures-3` (three or more figures).
/// With `placement: continuous`, a variant template brings its own blocks and `start:`
/// (a short event that may begin halfway down a page, below the one before).
public struct EventVariant: Hashable, Sendable {
    /// The template to use.
    public var template: String
    /// A condition, or conditions joined by "," (all must hold).
    public var when: String?
    public init(template: String, when: String?) {
        self.template = template
        self.when = when
    }

    /// Conditions that only variants can name: measured on the event's laid-out flow.
    public static let measured = ["short", "long", "figures-3"]
}
