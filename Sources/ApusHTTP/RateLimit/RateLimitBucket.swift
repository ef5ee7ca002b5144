import ApusCore

/// The key of a bucket: the learned bucket hash (or, until it is learned, the route key) plus the major parameter.
struct RateLimitBucketKey: Hashable, Sendable {
    /// Bucket hash from `X-RateLimit-Bucket`, or `route:<METHOD template>` while the hash is unknown.
    var hash: String
    /// The major parameter (`channel_id:123`), or empty.
    var major: String
}

/// The local view of one bucket's window.
struct RateLimitBucket: Sendable {
    /// What the limiter knows about the bucket.
    enum Knowledge: Sendable {
        /// Nothing yet: exactly one request may be in flight, to learn the limit.
        case unknown
        /// The route answered without rate-limit headers: only the global limit applies.
        case unlimited
        /// A learned limit.
        case limited(limit: Int)
    }

    var knowledge: Knowledge = .unknown
    /// Permits left in the current window (meaningful when limited).
    var remaining = 0
    /// When the current window resets; nil after a local reset until a response tells the new window's end.
    var resetAt: MonotonicTime?
    /// Requests granted under this key that have not completed yet.
    var inFlight = 0
    /// Set by a bucket 429: nothing goes out before this time.
    var pausedUntil: MonotonicTime?

    /// Applies a passed reset time: a new window starts with the full limit, less the requests still in flight
    /// (a request that was granted in the old window but reaches the server late counts in the new one).
    mutating func refresh(at now: MonotonicTime) {
        if let pausedUntil, pausedUntil <= now { self.pausedUntil = nil }
        if case .limited(let limit) = knowledge, let resetAt, resetAt <= now {
            remaining = max(0, limit - inFlight)
            self.resetAt = nil
        }
    }

    /// Whether a request may go out now; if not, the time at which to look again (nil: wait for a response).
    func availability(at now: MonotonicTime) -> (allowed: Bool, retryAt: MonotonicTime?) {
        if let pausedUntil, pausedUntil > now { return (false, pausedUntil) }
        switch knowledge {
        case .unknown:
            return (inFlight == 0, nil)
        case .unlimited:
            return (true, nil)
        case .limited:
            if remaining > 0 { return (true, nil) }
            if let resetAt { return (false, resetAt) }
            // No permit and no known reset: probe with one request once nothing is in flight.
            return (inFlight == 0, nil)
        }
    }

    /// Takes a permit for one request.
    mutating func grant() {
        inFlight += 1
        if case .limited = knowledge, remaining > 0 { remaining -= 1 }
    }

    /// Learns from a response's headers that arrived at `now`. A successful response without any rate-limit
    /// header (`isSuccess`) marks an unknown bucket as limited only by the global limit.
    ///
    /// Counts are taken at any integer value: a negative remaining count is read as 0, a limit below 1 as 1, a
    /// remaining count above the limit as the limit, and `Int.max` is never incremented. A window that resets
    /// later than `maximumWait` from now is shortened to `maximumWait`, so one absurd value cannot stall the
    /// bucket for longer; when it ends, the next response tells the truth again.
    mutating func learn(from headers: RateLimitHeaders, at now: MonotonicTime, isSuccess: Bool, maximumWait: Duration) {
        guard let remainingHeader = headers.remaining, let seconds = headers.secondsUntilReset else {
            if isSuccess, case .unknown = knowledge, headers.limit == nil, headers.bucket == nil {
                knowledge = .unlimited
            }
            return
        }
        let reset = now + Duration.secondsDouble(seconds).clamped(to: .zero...max(.zero, maximumWait))
        let reportedRemaining = max(0, remainingHeader)
        let limit = max(1, headers.limit ?? reportedRemaining.saturatingAdd(1))
        let remainingNow = min(reportedRemaining, limit)
        switch knowledge {
        case .unknown, .unlimited:
            knowledge = .limited(limit: limit)
            guard reset > now else {
                remaining = limit
                resetAt = nil
                return
            }
            remaining = remainingNow
            resetAt = reset
        case .limited:
            knowledge = .limited(limit: limit)
            remaining = min(remaining, limit)
            // A response whose window has already ended (sent before the last reset) teaches nothing.
            guard reset > now else { return }
            // Trust the lower count; follow a later window end than the one assumed (conservative either way).
            remaining = min(remaining, remainingNow)
            if resetAt.map({ reset > $0 }) ?? true { resetAt = reset }
        }
    }
}
