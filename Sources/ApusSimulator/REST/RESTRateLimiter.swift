import ApusCore

/// The simulated REST API's rate-limit state: per-route buckets (per major parameter), the global limit and the
/// invalid-request counter behind Cloudflare bans. A value type: events (with their time) in, decisions out.
struct RESTRateLimiter: Sendable {
    /// One bucket's window.
    struct Window: Sendable {
        var start: MonotonicTime
        var used: Int
    }

    /// What the bucket said about a request.
    enum BucketDecision: Sendable, Equatable {
        /// Allowed: `remaining` after this request, window resets at `reset`.
        case allowed(limit: Int, remaining: Int, reset: MonotonicTime)
        /// Over the limit until `reset`.
        case limited(limit: Int, reset: MonotonicTime)
    }

    private(set) var buckets: [String: Window] = [:]
    private(set) var global: Window?
    private var invalidTimes: [MonotonicTime] = []
    private var invalidHead = 0
    private(set) var cloudflareBanUntil: MonotonicTime?

    /// The state of the bucket `key` at `now` without using it.
    func peek(key: String, limit: Int, window: Duration, now: MonotonicTime) -> BucketDecision {
        guard let current = buckets[key], now < current.start + window else {
            return .allowed(limit: limit, remaining: limit, reset: now + window)
        }
        let reset = current.start + window
        return current.used >= limit ? .limited(limit: limit, reset: reset) : .allowed(
            limit: limit, remaining: limit - current.used, reset: reset)
    }

    /// Uses one request of bucket `key` (whose window starts with its first request).
    mutating func take(key: String, limit: Int, window: Duration, now: MonotonicTime) -> BucketDecision {
        var current = buckets[key] ?? Window(start: now, used: 0)
        if now >= current.start + window { current = Window(start: now, used: 0) }
        let reset = current.start + window
        guard current.used < limit else { return .limited(limit: limit, reset: reset) }
        current.used += 1
        buckets[key] = current
        return .allowed(limit: limit, remaining: limit - current.used, reset: reset)
    }

    /// Uses one request of the global limit; returns the time it frees up when it is exhausted.
    mutating func takeGlobal(limit: Int, window: Duration, now: MonotonicTime) -> MonotonicTime? {
        var current = global ?? Window(start: now, used: 0)
        if now >= current.start + window { current = Window(start: now, used: 0) }
        guard current.used < limit else { return current.start + window }
        current.used += 1
        global = current
        return nil
    }

    /// Counts an invalid request (401, 403, non-shared 429); past `threshold` within `window`, bans until
    /// `now + banDuration`.
    mutating func recordInvalid(now: MonotonicTime, threshold: Int, window: Duration, banDuration: Duration) {
        invalidTimes.append(now)
        pruneInvalid(now: now, window: window)
        if invalidTimes.count - invalidHead > threshold { cloudflareBanUntil = now + banDuration }
    }

    /// Invalid requests counted within `window` before `now`.
    mutating func invalidCount(now: MonotonicTime, window: Duration) -> Int {
        pruneInvalid(now: now, window: window)
        return invalidTimes.count - invalidHead
    }

    /// Whether a Cloudflare ban is in force at `now`.
    func isBanned(now: MonotonicTime) -> Bool {
        cloudflareBanUntil.map { now < $0 } ?? false
    }

    /// Forgets every bucket, the global window, the invalid-request counter and any ban.
    mutating func reset() {
        self = RESTRateLimiter()
    }

    private mutating func pruneInvalid(now: MonotonicTime, window: Duration) {
        while invalidHead < invalidTimes.count, invalidTimes[invalidHead] + window <= now { invalidHead += 1 }
        if invalidHead > 4096, invalidHead * 2 > invalidTimes.count {
            invalidTimes.removeFirst(invalidHead)
            invalidHead = 0
        }
    }
}
