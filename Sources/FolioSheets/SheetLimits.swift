/// Bounds on a data file, so that a hostile or broken spreadsheet cannot eat memory or
/// time. The defaults are far above a statistics table: the example report's workbook is
/// about 6 KB, a few dozen cells.
public struct SheetLimits: Hashable, Sendable {
    /// Largest data file on disk (`.xlsx` or `.csv`), in bytes.
    public var maxFileBytes: Int
    /// Largest part of an XLSX once inflated (a sheet, the shared strings), in bytes.
    public var maxPartBytes: Int
    /// Largest sum of the inflated sizes of every part the XLSX lists, in bytes.
    public var maxUnpackedBytes: Int
    /// Most cells (XLSX) or fields (CSV) read from one sheet or file.
    public var maxCells: Int

    public init(maxFileBytes: Int = 16 << 20, maxPartBytes: Int = 16 << 20, maxUnpackedBytes: Int = 64 << 20,
                maxCells: Int = 200_000) {
        self.maxFileBytes = maxFileBytes
        self.maxPartBytes = maxPartBytes
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxCells = maxCells
    }

    public static let `default` = SheetLimits()
}
