import ApusCore

/// Lets at most `limit` log lines of one kind through per `window`; the first line after a quiet spell reports how
/// many were held back, so a storm costs a few lines a minute and still shows its size.
///
/// A pure value: callers pass the time in.
struct LogRateLimiter: Sendable {
    /// The most lines per window.
    let limit: Int
    /// The window's length.
    let window: Duration
    private var windowStart: MonotonicTime?
    private var admitted = 0
    private var suppressed = 0

    init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Whether a line may be logged at `now`; when it may, `suppressed` is how many lines were held back since the
    /// last one logged.
    mutating func admit(now: MonotonicTime) -> (allowed: Bool, suppressed: Int) {
        if let start = windowStart, now - start < window {
            guard admitted < limit else {
                suppressed += 1
                return (false, 0)
            }
        } else {
            windowStart = now
            admitted = 0
        }
        admitted += 1
        defer { suppressed = 0 }
        return (true, suppressed)
    }
}
