import ApusCore

/// When a job that failed transiently runs again.
///
/// The delay before attempt `n + 1` (after `n` attempts) is `baseDelay · 2^(n-1)`, capped at `maxDelay`, plus a
/// jitter drawn uniformly from `[0, jitterFraction)` of that value, so jobs that failed together do not retry
/// together. There is no attempt limit: a transient failure (see ``JobFailureKind/transient``) never buries a job,
/// so an outage of any length delays jobs without losing them, and once it ends every job runs within `maxDelay`
/// (plus jitter). Only failures about the job itself bury it. Attempts count claims, so a run lost to a crash
/// counts too.
public struct JobRetryPolicy: Sendable, Equatable {
    /// The delay after the first failure.
    public let baseDelay: Duration
    /// The largest delay before jitter: after an outage ends, a job waits at most this long (plus jitter).
    public let maxDelay: Duration
    /// The jitter, as a fraction of the delay, in `0...1`.
    public let jitterFraction: Double
    /// How long a job whose kind has no registered handler waits before it is tried again.
    public let unknownKindDelay: Duration

    /// Creates a policy. Out-of-range values are clamped: `baseDelay` to at least 1 ms (a zero delay would retry a
    /// failing job in a tight loop), `maxDelay` to at least `baseDelay`, `jitterFraction` to `0...1`, and
    /// `unknownKindDelay` to at least one second.
    public init(
        baseDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(300), jitterFraction: Double = 0.1,
        unknownKindDelay: Duration = .seconds(300)
    ) {
        self.baseDelay = max(.milliseconds(1), baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.jitterFraction = jitterFraction.isNaN ? 0 : min(1, max(0, jitterFraction))
        self.unknownKindDelay = max(.seconds(1), unknownKindDelay)
    }

    /// The default policy: 5 s doubling up to 5 min, 10 % jitter, 5 min for jobs without a handler.
    public static let standard = JobRetryPolicy()

    /// The delay before the next attempt of a job that failed on attempt number `attempts` (1 for the first run).
    public func delay(afterAttempt attempts: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let baseMilliseconds = Self.milliseconds(baseDelay)
        let capMilliseconds = Self.milliseconds(maxDelay)
        let doublings = min(max(attempts - 1, 0), 62)
        let scaled = baseMilliseconds.multipliedReportingOverflow(by: Int64(1) << doublings)
        let capped = scaled.overflow ? capMilliseconds : min(scaled.partialValue, capMilliseconds)
        let unit = Double(random.next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let jitter = Int64(Double(capped) * jitterFraction * unit)
        return .milliseconds(capped + jitter)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? .max / 4 : min(whole + attoseconds / 1_000_000_000_000_000, .max / 4)
    }
}
