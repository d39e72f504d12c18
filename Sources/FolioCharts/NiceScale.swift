import Foundation

/// Axis ticks by the extended Wilkinson algorithm (Talbot, Lin & Hanrahan 2010), limited
/// to steps of 1, 2 or 5 × 10ⁿ and to "loose" labelings that cover the data: the first
/// tick is at or below the smallest value, the last at or above the largest. At most
/// `maximumCount(count)` ticks.
public struct NiceScale: Hashable, Sendable {
    /// The tick values, evenly spaced, first ≤ data minimum, last ≥ data maximum.
    public var ticks: [Double]
    public var step: Double

    public var lower: Double { ticks.first ?? 0 }
    public var upper: Double { ticks.last ?? 1 }

    /// Preferred step bases, simplest first.
    static let bases: [Double] = [1, 5, 2]
    /// Weights of simplicity, coverage, density and legibility (the paper's defaults).
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Ticks for data from `minimum` to `maximum`, about `count` of them. With `integers`
    /// the step is never below 1 (ranks, counts).
    public init(minimum: Double, maximum: Double, count: Int = 5, integers: Bool = false) {
        var lo = min(minimum, maximum), hi = max(minimum, maximum)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            // One value: make a range around it that keeps zero where it was.
            if lo == 0 { hi = 1 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        let m = max(2, count)
        var best: (lmin: Double, step: Double, k: Int, score: Double)?
        let w = Self.weights
        let n = Double(Self.bases.count)
        for (qi, q) in Self.bases.enumerated() {
            let simplicityMax = 2 - Double(qi) / (n - 1) - 1
            if let b = best, w.simplicity * simplicityMax + w.coverage + w.density + w.legibility < b.score { break }
            var k = 2
            // Covering awkward ranges pulls towards many ticks; never more than twice the wish.
            while k <= Self.maximumCount(m) {
                let densityMax = k >= m ? 2 - Double(k - 1) / Double(m - 1) : 1
                if let b = best, w.simplicity * simplicityMax + w.coverage + w.density * densityMax + w.legibility < b.score {
                    break
                }
                let delta = (hi - lo) / Double(k + 1) / q
                var z = Int(log10(delta).rounded(.up))
                while z < 400 {
                    let step = q * pow(10, Double(z))
                    if integers && step < 1 { z += 1; continue }
                    let span = step * Double(k - 1)
                    let coverageMax = Self.coverageMax(lo, hi, span)
                    if let b = best, w.simplicity * simplicityMax + w.coverage * coverageMax + w.density * densityMax
                        + w.legibility < b.score {
                        break
                    }
                    let minStart = Int((hi / step).rounded(.down)) - (k - 1)
                    let maxStart = Int((lo / step).rounded(.up))
                    if minStart <= maxStart {
                        for start in minStart...maxStart {
                            let lmin = Double(start) * step
                            let lmax = lmin + span
                            // Loose only: the ticks must cover the data.
                            guard lmin <= lo + step * 1e-9, lmax >= hi - step * 1e-9 else { continue }
                            let zero = lmin <= 0 && lmax >= 0 ? 1.0 : 0.0
                            let simplicity = 1 - Double(qi) / (n - 1) - 1 + zero
                            let coverage = Self.coverage(lo, hi, lmin, lmax)
                            let density = Self.density(k, m, lo, hi, lmin, lmax)
                            let score = w.simplicity * simplicity + w.coverage * coverage + w.density * density + w.legibility
                            if best == nil || score > best!.score {
                                best = (lmin, step, k, score)
                            }
                        }
                    }
                    z += 1
                }
                k += 1
            }
        }
        let chosen = best ?? (lo, hi - lo, 2, 0)
        step = chosen.step
        let decimals = max(0, Int((-log10(chosen.step)).rounded(.up)) + 1)
        let factor = pow(10, Double(min(decimals, 12)))
        ticks = (0..<chosen.k).map { i in
            ((chosen.lmin + Double(i) * chosen.step) * factor).rounded() / factor
        }
    }

    /// The most ticks a wish for `m` may get.
    public static func maximumCount(_ m: Int) -> Int {
        max(m + 2, 2 * m)
    }

    static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    static func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    static func density(_ k: Int, _ m: Int, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = Double(k - 1) / (lmax - lmin)
        let rt = Double(m - 1) / (max(lmax, dmax) - min(dmin, lmin))
        return 2 - max(r / rt, rt / r)
    }
}
