/// A point on a monotonic time line, in nanoseconds since an arbitrary origin.
///
/// State machines in Apus never read a clock themselves: every event that depends on time carries a
/// `MonotonicTime`, so tests can drive them with any time line they like.
public struct MonotonicTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Nanoseconds since the origin of the time line.
    public var nanoseconds: Int64

    /// Creates a time `nanoseconds` after the origin.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The origin of the time line.
    public static let zero = MonotonicTime(nanoseconds: 0)

    /// Returns the time `duration` after `time`.
    public static func + (time: MonotonicTime, duration: Duration) -> MonotonicTime {
        MonotonicTime(nanoseconds: time.nanoseconds &+ duration.nanosecondsClamped)
    }

    /// Returns the time `duration` before `time`.
    public static func - (time: MonotonicTime, duration: Duration) -> MonotonicTime {
        MonotonicTime(nanoseconds: time.nanoseconds &- duration.nanosecondsClamped)
    }

    /// Returns the duration between two times (positive when `lhs` is later).
    public static func - (lhs: MonotonicTime, rhs: MonotonicTime) -> Duration {
        .nanoseconds(lhs.nanoseconds &- rhs.nanoseconds)
    }

    public static func < (lhs: MonotonicTime, rhs: MonotonicTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public var description: String {
        "t+\(Double(nanoseconds) / 1e9)s"
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to the range of `Int64`.
    public var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }

    /// The duration in seconds as a `Double`.
    public var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// Creates a duration from fractional seconds, rounding to whole nanoseconds.
    public static func secondsDouble(_ value: Double) -> Duration {
        guard value.isFinite else { return value > 0 ? .seconds(Int64.max / 1_000_000_000) : .zero }
        return .nanoseconds(Int64((value * 1e9).rounded()))
    }
}
