/// Integer arithmetic and conversions that stop at the limits of the type instead of trapping.
///
/// Numbers from the network, a file or a user reach these helpers unchecked: `Int64(someDouble)` traps for NaN,
/// infinity and anything beyond ±9.2e18, and `a + b` traps on overflow. Apus converts and adds such values only
/// through these helpers.
extension Int64 {
    /// Converts `value` rounded to the nearest integer (halves away from zero), saturating at `Int64.min` and
    /// `Int64.max`; NaN becomes 0.
    public init(saturating value: Double) {
        guard !value.isNaN else {
            self = 0
            return
        }
        let rounded = value.rounded()
        // Double(Int64.max) is 2^63, one past the largest Int64, so the comparison must include it.
        if rounded >= Double(Int64.max) {
            self = .max
        } else if rounded <= Double(Int64.min) {
            self = .min
        } else {
            self = Int64(rounded)
        }
    }

    /// `self + other`, saturating at the limits of `Int64`.
    public func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, saturating at the limits of `Int64`.
    public func saturatingSubtract(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }
}

extension Int {
    /// Converts `value` rounded to the nearest integer (halves away from zero), saturating at `Int.min` and
    /// `Int.max`; NaN becomes 0.
    public init(saturating value: Double) {
        self = Int(clamping: Int64(saturating: value))
    }

    /// `self + other`, saturating at the limits of `Int`.
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
