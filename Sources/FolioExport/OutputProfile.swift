/// The CMYK ICC profile a print file is converted with and carries as its output intent.
public struct OutputProfile: Hashable, Sendable {
    /// The `.icc` file.
    public var path: String
    /// The Debian package that installs it (named in the error when it is missing).
    public var debianPackage: String
    /// `OutputConditionIdentifier`: a name from the ICC characterization registry, or
    /// `Custom` when the embedded profile itself is the definition.
    public var conditionIdentifier: String
    /// `OutputCondition`: the printing condition in words.
    public var condition: String
    /// `Info`: which profile this is.
    public var info: String

    public init(path: String, debianPackage: String, conditionIdentifier: String, condition: String, info: String) {
        self.path = path
        self.debianPackage = debianPackage
        self.conditionIdentifier = conditionIdentifier
        self.condition = condition
        self.info = info
    }

    /// Ghostscript's own CMYK profile ("Artifex CMYK SWOP Profile", ICC v2, full A2B/B2A
    /// tables), from `libgs-common`, which the `ghostscript` package depends on. It is
    /// the profile Ghostscript converts with by default, so the intent describes exactly
    /// the conversion that made the numbers. Debian main has no registered press profile
    /// (FOGRA39, GRACoL, Japan Color): icc-profiles-free ships only their measurement
    /// data (`FOGRA39L.ti3`), and the package with Adobe's profiles is not in main.
    public static let ghostscriptCMYK = OutputProfile(
        path: "/usr/share/color/icc/ghostscript/default_cmyk.icc",
        debianPackage: "libgs-common",
        conditionIdentifier: "Custom",
        condition: "Offset printing on coated paper, SWOP-like (Artifex CMYK SWOP Profile)",
        info: "Artifex CMYK SWOP Profile (Ghostscript default_cmyk.icc)")
}
