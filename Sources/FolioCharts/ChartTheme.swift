import FolioCore
import FolioText

/// How charts look: type styles and colours from the layout.
public struct ChartTheme: Sendable {
    public var title: CharacterStyle
    /// Category names, tick labels, legend entries.
    public var label: CharacterStyle
    /// Value labels on marks.
    public var value: CharacterStyle
    public var note: CharacterStyle
    /// The big number of a KPI.
    public var big: CharacterStyle
    /// The unit and magnitude beside a KPI's big number ("万吨").
    public var unit: CharacterStyle
    /// Series colours, in order.
    public var palette: [Color]
    /// The highlighted category.
    public var accent: Color
    public var axis: Color
    public var grid: Color
    /// Bad news (a KPI that fell).
    public var negative: Color
    /// Good news (a KPI that rose, or a rank that improved).
    public var positive: Color
    /// The target line and its label.
    public var target: Color
    /// Background of KPI tiles; nil draws none.
    public var tile: Color?
    /// What the chart is drawn on (gaps between donut slices, marker centres).
    public var background: Color
    public var settings: ComposerSettings
    /// Put between thousands of a number written out ("5,300"); nil writes "5300".
    public var grouping: String?
    /// Line pitch as a multiple of the type size, for wrapped titles and notes.
    public var leading: Double

    /// Group digits by thousands (5,300) when a number is shown in full.
    public var thousands: Bool {
        get { grouping != nil }
        set { grouping = newValue ? "," : nil }
    }

    /// Navy, orange, teal, pale sky, then reddish purple and plum. The first four step
    /// apart in lightness (L* 28, 71, 52, 85), so they stay apart in greyscale print; every
    /// pair stays at least 12 ΔE apart under protanopia, deuteranopia and tritanopia
    /// (`ColorVision.check`, tested).
    public static let defaultPalette: [Color] = ["#0B3D91", "#E69F00", "#1E8C7E", "#B9D7F2", "#CC79A7", "#5A1E5C"]
        .compactMap(Color.init(hex:))

    public init(title: CharacterStyle, label: CharacterStyle, value: CharacterStyle, note: CharacterStyle,
                big: CharacterStyle, unit: CharacterStyle? = nil, palette: [Color] = ChartTheme.defaultPalette,
                accent: Color, axis: Color, grid: Color, negative: Color, positive: Color? = nil, target: Color? = nil,
                tile: Color? = nil, background: Color = .white, settings: ComposerSettings, grouping: String? = nil,
                leading: Double = 1.35) {
        self.title = title
        self.label = label
        self.value = value
        self.note = note
        self.big = big
        self.unit = unit ?? title
        self.palette = palette.isEmpty ? ChartTheme.defaultPalette : palette
        self.accent = accent
        self.axis = axis
        self.grid = grid
        self.negative = negative
        self.positive = positive ?? self.palette[0]
        self.target = target ?? axis
        self.tile = tile
        self.background = background
        self.settings = settings
        self.grouping = grouping
        self.leading = leading
    }

    /// Colour of series `i` (the palette repeats).
    public func color(series i: Int) -> Color {
        palette[i % palette.count]
    }

    /// Every type size multiplied by `factor` (a card is drawn in pixels, a page in points).
    public func scaled(_ factor: Double) -> ChartTheme {
        var t = self
        for path in [\ChartTheme.title, \.label, \.value, \.note, \.big, \.unit] as [WritableKeyPath<ChartTheme, CharacterStyle>] {
            t[keyPath: path].font.size *= factor
        }
        return t
    }

    /// The scale of strokes and gaps: 1 at an 8pt label.
    var unitSize: Double { label.font.size / 8 }

    /// `value` written for a label, with the layout's grouping.
    func format(_ value: Double) -> String {
        ChineseNumber.format(value, grouping: grouping)
    }
}
