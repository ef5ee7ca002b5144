/// What the rate limiter needs to know about a finished request.
public struct RateLimitResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The parsed rate-limit headers.
    public var headers: RateLimitHeaders
    /// For a 429: what its body said. Nil for other statuses.
    public var tooManyRequests: TooManyRequestsBody?

    /// Creates a response summary.
    public init(status: Int, headers: RateLimitHeaders, tooManyRequests: TooManyRequestsBody? = nil) {
        self.status = status
        self.headers = headers
        self.tooManyRequests = tooManyRequests
    }
}

/// How a 429 body was understood.
public enum TooManyRequestsBody: Sendable, Hashable {
    /// Discord's JSON rate-limit body: `{"message": ..., "retry_after": 1.5, "global": false, "code"?: ...}`.
    /// Only `retry_after` matters; `message` and `global` may be missing (`global` then reads as false). A nil
    /// `retryAfter` (the key is absent) falls back to the `Retry-After` header, then to
    /// ``RateLimiterConfiguration/defaultRetryAfter``. A negative, NaN or infinite value is malformed.
    case json(retryAfter: Double?, global: Bool, code: Int?)
    /// A JSON object whose `retry_after` is not a usable number (a string, `null`, negative, out of range): the
    /// request fails with a malformed-response error instead of waiting. `reason` says what was wrong.
    case malformed(reason: String)
    /// A body that is not JSON at all (HTML or text from Cloudflare, or empty): the sign of an IP ban. `excerpt`
    /// keeps the start of the body for the error message.
    case notJSON(excerpt: String)
}

/// The scope of a 429, for statistics and logs.
public enum RateLimitScope: String, Sendable, Hashable, CaseIterable {
    /// A per-bucket limit of this bot (`X-RateLimit-Scope: user`, or no scope header on a bucket 429).
    case user
    /// A per-resource limit shared with other bots (`X-RateLimit-Scope: shared`).
    case shared
    /// The global per-bot limit.
    case global
    /// A non-JSON 429 (Cloudflare ban).
    case cloudflare
}
