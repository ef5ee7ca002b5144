/// A point in calendar time: milliseconds since the Unix epoch (UTC).
///
/// Persistent things (scheduled jobs, cooldowns stored in a database, `last_message` columns) use wall time,
/// because a monotonic clock restarts with the process. Nothing in Apus reads the system clock directly: it asks
/// an injected ``WallClock``.
public struct WallTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64

    /// Creates a wall time `millisecondsSinceEpoch` after the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Creates a wall time from whole seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = secondsSinceEpoch.multipliedReportingOverflow(by: 1000).overflow
            ? (secondsSinceEpoch < 0 ? .min : .max) : secondsSinceEpoch * 1000
    }

    /// The Unix epoch.
    public static let epoch = WallTime(millisecondsSinceEpoch: 0)

    /// Returns the wall time `duration` after `time` (rounded down to whole milliseconds), saturating at the
    /// limits of `Int64` milliseconds.
    public static func + (time: WallTime, duration: Duration) -> WallTime {
        WallTime(millisecondsSinceEpoch: time.millisecondsSinceEpoch.saturatingAdd(duration.nanosecondsClamped / 1_000_000))
    }

    /// Returns the wall time `duration` before `time` (rounded down to whole milliseconds), saturating at the
    /// limits of `Int64` milliseconds.
    public static func - (time: WallTime, duration: Duration) -> WallTime {
        WallTime(
            millisecondsSinceEpoch: time.millisecondsSinceEpoch.saturatingSubtract(duration.nanosecondsClamped / 1_000_000))
    }

    /// Returns the duration between two wall times (positive when `lhs` is later), saturating at the limits of
    /// `Int64` milliseconds.
    public static func - (lhs: WallTime, rhs: WallTime) -> Duration {
        .milliseconds(lhs.millisecondsSinceEpoch.saturatingSubtract(rhs.millisecondsSinceEpoch))
    }

    public static func < (lhs: WallTime, rhs: WallTime) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    public var description: String {
        "unix+\(millisecondsSinceEpoch)ms"
    }
}
