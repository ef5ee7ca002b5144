#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The XP ↔ level curve of the levels plugin: `level = ⌊(xp / 500)^(1/e) × 5⌋` and `xp(L) = 500 × (L / 5)^e`.
///
/// The arithmetic is IEEE double with C's `pow`, truncated toward zero, exactly as the bot Apus replaces computes
/// it, so that stored levels agree after a migration. This keeps its boundary quirk: for some levels
/// `level(forXP: xpRequired(forLevel: L))` is `L − 1` (with e = 2 at L = 39 and 78; with e = 3 at 70 of the levels
/// 0…100), because `pow` rounds just below the integer.
public struct LevelCurve: Sendable, Hashable {
    /// The curve's exponent `e`. Zero is replaced by 2 (the original logs an error and does the same).
    public let exponent: Double

    /// Creates a curve; an exponent of zero (or a negative or non-finite one) falls back to 2.
    public init(exponent: Double = 2) {
        self.exponent = exponent.isFinite && exponent > 0 ? exponent : 2
    }

    /// The level reached with `xp` points (negative XP counts as zero).
    public func level(forXP xp: Double) -> Int {
        let ratio = max(0, xp) / 500
        let value = pow(ratio, 1 / exponent) * 5
        guard value.isFinite, value < Double(Int.max) else { return Int.max }
        return Int(value)
    }

    /// The XP at which `level` begins.
    public func xpRequired(forLevel level: Int) -> Double {
        500 * pow(Double(level) / 5, exponent)
    }

    /// Progress within the stored `level`: XP earned since the level began and XP the next level needs, both
    /// truncated toward zero (the `get_level_progress` rule, which uses the stored level, not one recomputed).
    public func progress(xp: Double, level: Int) -> (current: Int, target: Int) {
        let floor = xpRequired(forLevel: level)
        let next = xpRequired(forLevel: level + 1)
        return (Self.truncated(xp - floor), Self.truncated(next - floor))
    }

    /// A ten-segment progress bar followed by `current/target`, for example `` `▰▰▰▱▱▱▱▱▱▱` 60/180 ``.
    public static func progressBar(current: Int, target: Int) -> String {
        let fraction = target == 0 ? 1.0 : Double(current) / Double(target)
        let filled = min(10, max(0, Int(10 * fraction)))
        return "`" + String(repeating: "▰", count: filled) + String(repeating: "▱", count: 10 - filled) + "` \(current)/\(target)"
    }

    private static func truncated(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        if value >= Double(Int.max) { return Int.max }
        if value <= Double(Int.min) { return Int.min }
        return Int(value)
    }
}
