import ApusCore

/// When a failed job runs again, and when it stops trying.
///
/// The delay before attempt `n + 1` (after `n` failed attempts) is `baseDelay · 2^(n-1)`, capped at `maxDelay`, plus
/// a jitter drawn uniformly from `[0, jitterFraction)` of that value, so jobs that failed together do not retry
/// together. A job whose attempt number has reached `maxAttempts` is buried instead. Attempts count claims, so a
/// run lost to a crash counts too.
public struct JobRetryPolicy: Sendable, Equatable {
    /// The number of attempts after which a failing job is buried (at least 1).
    public let maxAttempts: Int
    /// The delay after the first failure.
    public let baseDelay: Duration
    /// The largest delay before jitter.
    public let maxDelay: Duration
    /// The jitter, as a fraction of the delay, in `0...1`.
    public let jitterFraction: Double
    /// How long a job whose kind has no registered handler waits before it is tried again.
    public let unknownKindDelay: Duration

    /// Creates a policy. Out-of-range values are clamped: `maxAttempts` to at least 1, `baseDelay` to at least
    /// zero, `maxDelay` to at least `baseDelay`, `jitterFraction` to `0...1`, and `unknownKindDelay` to at least
    /// one second (jobs without a handler are never buried, so a zero delay would spin).
    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(3600),
        jitterFraction: Double = 0.1, unknownKindDelay: Duration = .seconds(300)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(.zero, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.jitterFraction = jitterFraction.isNaN ? 0 : min(1, max(0, jitterFraction))
        self.unknownKindDelay = max(.seconds(1), unknownKindDelay)
    }

    /// The default policy: 5 attempts, 5 s doubling up to 1 h, 10 % jitter, 5 min for jobs without a handler.
    public static let standard = JobRetryPolicy()

    /// Whether a job that failed on attempt number `attempts` should be buried rather than retried.
    public func isExhausted(afterAttempt attempts: Int) -> Bool {
        attempts >= maxAttempts
    }

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
