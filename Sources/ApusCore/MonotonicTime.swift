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

    /// The earliest representable time; arithmetic that would go below it stops there.
    public static let distantPast = MonotonicTime(nanoseconds: .min)
    /// The latest representable time (about 292 years after the origin); arithmetic that would go beyond it stops
    /// there, so "now + an absurd wait" is a time that never comes rather than one in the past.
    public static let distantFuture = MonotonicTime(nanoseconds: .max)

    /// Returns the time `duration` after `time`, saturating at ``distantPast`` and ``distantFuture``.
    public static func + (time: MonotonicTime, duration: Duration) -> MonotonicTime {
        MonotonicTime(nanoseconds: time.nanoseconds.saturatingAdd(duration.nanosecondsClamped))
    }

    /// Returns the time `duration` before `time`, saturating at ``distantPast`` and ``distantFuture``.
    public static func - (time: MonotonicTime, duration: Duration) -> MonotonicTime {
        MonotonicTime(nanoseconds: time.nanoseconds.saturatingSubtract(duration.nanosecondsClamped))
    }

    /// Returns the duration between two times (positive when `lhs` is later), saturating at `Int64` nanoseconds.
    public static func - (lhs: MonotonicTime, rhs: MonotonicTime) -> Duration {
        .nanoseconds(lhs.nanoseconds.saturatingSubtract(rhs.nanoseconds))
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
        return scaled.saturatingAdd(attoseconds / 1_000_000_000)
    }

    /// The duration in seconds as a `Double`.
    public var secondsDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The longest duration the time types of Apus represent: `Int64.max` nanoseconds (about 292 years).
    public static let maximumRepresentable = Duration.nanoseconds(Int64.max)
    /// The most negative duration the time types of Apus represent: `Int64.min` nanoseconds.
    public static let minimumRepresentable = Duration.nanoseconds(Int64.min)

    /// Creates a duration from fractional seconds, rounding to whole nanoseconds. Never traps: a value beyond
    /// ±`Int64.max` nanoseconds (about ±9.2e9 s), including ±infinity, saturates at ``maximumRepresentable`` or
    /// ``minimumRepresentable``, and NaN gives `.zero`. Callers that need a non-negative or bounded wait clamp the
    /// result themselves.
    public static func secondsDouble(_ value: Double) -> Duration {
        .nanoseconds(Int64(saturating: value * 1e9))
    }

    /// Returns the duration clamped to `range`.
    public func clamped(to range: ClosedRange<Duration>) -> Duration {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
