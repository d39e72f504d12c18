import CPangoCairo
import Foundation

/// An sRGB ICC profile (v2.1, LittleCMS's built-in sRGB), for the output intent of an
/// archival screen PDF (PDF/A-2), whose colours are DeviceRGB and DeviceGray. Made in
/// memory, so no profile file has to be installed; the header's creation date is fixed,
/// so the same build gives the same bytes.
public enum SRGBProfile {
    /// The profile's bytes, or nil when LittleCMS cannot make it.
    public static let data: Data? = {
        guard let profile = cmsCreate_sRGBProfile() else { return nil }
        defer { cmsCloseProfile(profile) }
        cmsSetProfileVersion(profile, 2.1)
        var length: cmsUInt32Number = 0
        guard cmsSaveProfileToMem(profile, nil, &length) != 0, length > 128 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        guard cmsSaveProfileToMem(profile, &bytes, &length) != 0 else { return nil }
        // dateTimeNumber at 24..<36: 2000-01-01 00:00:00 instead of the clock.
        let date: [UInt16] = [2000, 1, 1, 0, 0, 0]
        for (i, v) in date.enumerated() {
            bytes[24 + 2 * i] = UInt8(v >> 8)
            bytes[25 + 2 * i] = UInt8(v & 0xff)
        }
        // No profile ID (bytes 84..<100 zero: "not computed"), since the date changed.
        for i in 84..<100 { bytes[i] = 0 }
        return Data(bytes)
    }()

    /// The profile's description, as the output intent's `/OutputConditionIdentifier`.
    public static let identifier = "sRGB IEC61966-2.1"
}
