/// Decides whether a repeated log line may be written now: at most one per `interval`, with a count of the lines
/// held back in between, so a failure that repeats on every request is visible without flooding the log.
///
/// ```swift
/// var throttle = LogThrottle(interval: .seconds(60))
/// if let suppressed = throttle.admit(at: clock.now()) {
///     logger.warning("malformed header", metadata: ["suppressed": "\(suppressed)"])
/// }
/// ```
public struct LogThrottle: Sendable {
    /// The shortest time between two admitted lines.
    public let interval: Duration
    private var lastAdmitted: MonotonicTime?
    private var held = 0

    /// Creates a throttle that admits the first line and then at most one per `interval`.
    public init(interval: Duration) {
        self.interval = max(.zero, interval)
    }

    /// Returns nil when the line must be dropped, otherwise the number of lines dropped since the last admitted one.
    public mutating func admit(at now: MonotonicTime) -> Int? {
        if let lastAdmitted, now - lastAdmitted < interval, now >= lastAdmitted {
            held = held.saturatingAdd(1)
            return nil
        }
        lastAdmitted = now
        defer { held = 0 }
        return held
    }
}
