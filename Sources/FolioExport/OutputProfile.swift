import FolioGraphics
import Foundation

/// A named printing condition: the registered characterisation the print file is made
/// for, its total ink limit, and the ICC profile (in Folio's `Profiles/` folder, made by
/// `Profiles/make-profiles.sh` from Debian icc-profiles-free's measurement data) that
/// colours are converted through and that is embedded as the file's output intent.
public struct OutputCondition: Hashable, Sendable {
    /// The name layouts and `--condition` use: `fogra39`, `fogra29`, `gracol`, `swop`.
    public var name: String
    /// `OutputConditionIdentifier`: the condition's name in the ICC characterization
    /// registry (`http://www.color.org`).
    public var identifier: String
    /// `OutputCondition`: the printing condition in words.
    public var condition: String
    /// The profile's file name in `Profiles/`.
    public var profileFile: String
    /// Total ink limit in percent.
    public var inkLimit: Double

    /// FOGRA39: ISO 12647-2:2004, sheet-fed offset on coated paper (the default).
    public static let fogra39 = OutputCondition(
        name: "fogra39", identifier: "FOGRA39", condition: "Offset printing, according to ISO 12647-2:2004/Amd 1, "
            + "paper type 1 or 2 (gloss or matt coated), screen ruling 60/cm", profileFile: "FOGRA39.icc", inkLimit: 300)
    /// FOGRA29: ISO 12647-2:2004, offset on uncoated white paper.
    public static let fogra29 = OutputCondition(
        name: "fogra29", identifier: "FOGRA29", condition: "Offset printing, according to ISO 12647-2:2004/Amd 1, "
            + "paper type 4 (uncoated white), screen ruling 60/cm", profileFile: "FOGRA29.icc", inkLimit: 260)
    /// GRACoL: CGATS TR006, commercial offset on grade 1 coated paper (US).
    public static let gracol = OutputCondition(
        name: "gracol", identifier: "CGATS TR 006", condition: "GRACoL: commercial offset lithography on grade 1 coated paper "
            + "(CGATS TR 006)", profileFile: "GRACoL.icc", inkLimit: 320)
    /// SWOP: CGATS TR003, web offset publications on grade 3 coated paper (US).
    public static let swop = OutputCondition(
        name: "swop", identifier: "CGATS TR 003", condition: "SWOP: web offset publication printing on grade 3 coated paper "
            + "(CGATS TR 003)", profileFile: "SWOP.icc", inkLimit: 300)

    public static let all: [OutputCondition] = [.fogra39, .fogra29, .gracol, .swop]

    /// The condition called `name` (case-insensitive), nil for an unknown name.
    public static func named(_ name: String) -> OutputCondition? {
        all.first { $0.name == name.lowercased() }
    }

    /// The names, for messages.
    public static var names: String { all.map(\.name).joined(separator: ", ") }

    /// The ICC characterization registry.
    public static let registry = "http://www.color.org"

    /// The profile file in `directory`.
    public func profilePath(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(profileFile)
    }
}

/// A printing condition with its profile opened: what the print writer converts with.
public struct PrintSetup: Sendable {
    public var condition: OutputCondition
    public var converter: PrintColorConverter

    /// What went wrong opening the profile.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "the print file needs the ICC profile \(path), which is missing or not a CMYK profile LittleCMS can read: "
                + "it belongs in Folio's Profiles/ folder (remake it with `sh Profiles/make-profiles.sh`, "
                + "which needs the Debian packages argyll and icc-profiles-free)"
        }
    }

    /// Opens the condition's profile in `profilesDirectory` (once per file in `resources`).
    public init(condition: OutputCondition, profilesDirectory: String, resources: RenderResources = RenderResources()) throws {
        let path = condition.profilePath(in: profilesDirectory)
        guard let converter = resources.converter(profilePath: path) else { throw Failure(path: path) }
        self.condition = condition
        self.converter = converter
    }
}
