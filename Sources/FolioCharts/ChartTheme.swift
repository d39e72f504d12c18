import FolioCore
import FolioText

/// How charts look: type styles and colours from the layout.
public struct ChartTheme: Sendable {
    public var title: CharacterStyle
    public var label: CharacterStyle
    public var value: CharacterStyle
    public var note: CharacterStyle
    /// The big number of a KPI.
    public var big: CharacterStyle
    /// Series colours, in order.
    public var palette: [Color]
    /// The highlighted category / good news.
    public var accent: Color
    public var axis: Color
    public var grid: Color
    /// Bad news (a KPI that fell).
    public var negative: Color
    public var settings: ComposerSettings
    /// Group digits by thousands (5,300) when a number is shown in full.
    public var thousands: Bool

    public init(title: CharacterStyle, label: CharacterStyle, value: CharacterStyle, note: CharacterStyle,
                big: CharacterStyle, palette: [Color], accent: Color, axis: Color, grid: Color, negative: Color,
                settings: ComposerSettings, thousands: Bool = false) {
        self.title = title
        self.label = label
        self.value = value
        self.note = note
        self.big = big
        self.palette = palette
        self.accent = accent
        self.axis = axis
        self.grid = grid
        self.negative = negative
        self.settings = settings
        self.thousands = thousands
    }
}
