import CPangoCairo
import FolioCore
import Foundation

/// A CMYK output profile (ICC) opened with LittleCMS, with the transforms the print file
/// needs: sRGB → CMYK for colours and images, and CMYK → Lab to find the black-plate tint
/// that matches a grey's lightness.
///
/// Transforms are made without LittleCMS's one-pixel cache (`cmsFLAGS_NOCACHE`), so one
/// profile can be used from several threads at once.
///
/// `@unchecked Sendable`: the owner of C resources (LittleCMS profiles and transforms,
/// made in `init`, released in `deinit`, never changed between); transforms without the
/// cache keep no state between calls, so concurrent calls are safe.
public final class CMYKProfile: @unchecked Sendable {
    /// The profile's bytes (embedded in the print file as its output intent).
    public let data: Data
    private let profile: cmsHPROFILE
    private let srgb: cmsHPROFILE
    private let toCMYK: cmsHTRANSFORM
    private let toCMYK8: cmsHTRANSFORM
    private let toLab: cmsHTRANSFORM
    /// L* of K-only tints 0, 1, … 100 %.
    private let blackRamp: [Double]

    /// Opens the profile in `data`; nil when LittleCMS cannot read it as a CMYK output profile.
    public init?(data: Data) {
        guard !data.isEmpty else { return nil }
        let opened = data.withUnsafeBytes { cmsOpenProfileFromMem($0.baseAddress, cmsUInt32Number($0.count)) }
        guard let opened else { return nil }
        guard cmsGetColorSpace(opened) == cmsSigCmykData, let srgb = cmsCreate_sRGBProfile(),
              let lab = cmsCreateLab4Profile(nil) else {
            cmsCloseProfile(opened)
            return nil
        }
        let flags = cmsUInt32Number(cmsFLAGS_NOCACHE)
        // Relative colorimetric with black-point compensation: in-gamut colours keep their
        // values, and sRGB's black maps to the press's darkest black.
        let bpc = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION)
        guard let toCMYK = cmsCreateTransform(srgb, folio_lcms_rgb_dbl(), opened, folio_lcms_cmyk_dbl(),
                                              cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags | bpc),
              let toCMYK8 = cmsCreateTransform(srgb, folio_lcms_rgb_8(), opened, folio_lcms_cmyk_8(),
                                               cmsUInt32Number(INTENT_PERCEPTUAL), flags | bpc),
              let toLab = cmsCreateTransform(opened, folio_lcms_cmyk_dbl(), lab, folio_lcms_lab_dbl(),
                                             cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags) else {
            cmsCloseProfile(opened); cmsCloseProfile(srgb); cmsCloseProfile(lab)
            return nil
        }
        cmsCloseProfile(lab)
        self.data = data
        self.profile = opened
        self.srgb = srgb
        self.toCMYK = toCMYK
        self.toCMYK8 = toCMYK8
        self.toLab = toLab
        var ramp: [Double] = []
        for k in 0...100 {
            var input = [0, 0, 0, Double(k)], out = [0.0, 0, 0]
            cmsDoTransform(toLab, &input, &out, 1)
            ramp.append(out[0])
        }
        blackRamp = ramp
    }

    /// Opens the profile file at `path`.
    public convenience init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init(data: data)
    }

    deinit {
        cmsDeleteTransform(toCMYK)
        cmsDeleteTransform(toCMYK8)
        cmsDeleteTransform(toLab)
        cmsCloseProfile(srgb)
        cmsCloseProfile(profile)
    }

    /// The profile's description (its `desc` tag).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = cmsGetProfileInfoASCII(profile, cmsInfoDescription, "en", "US", &buffer, cmsUInt32Number(buffer.count))
        return n > 0 ? String(cString: buffer) : ""
    }

    /// An sRGB colour (alpha ignored) converted through the profile (relative colorimetric).
    public func cmyk(red: Double, green: Double, blue: Double) -> CMYK {
        var input = [red, green, blue].map { max(0, min(1, $0)) }, out = [0.0, 0, 0, 0]
        cmsDoTransform(toCMYK, &input, &out, 1)
        return CMYK(percent: out)
    }

    /// A CMYK colour's CIELAB value (D50) as the profile predicts it printed.
    public func lab(_ c: CMYK) -> (l: Double, a: Double, b: Double) {
        var input = c.components.map { $0 * 100 }, out = [0.0, 0, 0]
        cmsDoTransform(toLab, &input, &out, 1)
        return (out[0], out[1], out[2])
    }

    /// L* of paper white and of solid black alone.
    public var paperLightness: Double { blackRamp[0] }
    public var solidBlackLightness: Double { blackRamp[100] }

    /// The black-plate tint (0…1) whose printed lightness is `lightness` (L*), clamped to
    /// what K alone can reach.
    public func blackTint(forLightness lightness: Double) -> Double {
        if lightness >= blackRamp[0] { return 0 }
        if lightness <= blackRamp[100] { return 1 }
        for k in 1...100 where blackRamp[k] <= lightness {
            let hi = blackRamp[k - 1], lo = blackRamp[k]
            let t = hi == lo ? 0 : (hi - lightness) / (hi - lo)
            return (Double(k - 1) + t) / 100
        }
        return 1
    }

    /// 8-bit RGB samples (3 bytes a pixel) converted to 8-bit CMYK (4 bytes a pixel,
    /// perceptual intent: photographs keep their gradations out of gamut).
    public func cmykSamples(rgb: [UInt8]) -> [UInt8] {
        let pixels = rgb.count / 3
        var out = [UInt8](repeating: 0, count: pixels * 4)
        rgb.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                cmsDoTransform(toCMYK8, input.baseAddress, output.baseAddress, cmsUInt32Number(pixels))
            }
        }
        return out
    }
}
