/// Counters kept by the rate limiter.
public struct RateLimitStatistics: Sendable, Hashable {
    /// Requests granted a permit (retries after a 429 count again).
    public var requestsSent = 0
    /// Responses reported back.
    public var responsesReceived = 0
    /// 429 responses seen, by scope.
    public var tooManyRequests: [RateLimitScope: Int] = [:]
    /// Total time requests spent waiting for a permit.
    public var timeSpentWaiting: Duration = .zero
    /// Requests that had to wait at all.
    public var requestsThatWaited = 0
    /// Requests failed at once because the client is stopped after a Cloudflare ban.
    public var requestsRejectedWhileBanned = 0
    /// Cloudflare-style bans (non-JSON 429s) imposed, renewals by a probe included.
    public var bans = 0
    /// Probe requests sent after a ban's time had passed.
    public var banProbes = 0
    /// Bans lifted (by a probe's answer or by ``RateLimiterState/clearBan()``).
    public var bansLifted = 0
    /// Invalid responses (401, 403, 429 except `shared` scope) received.
    public var invalidRequests = 0
    /// Requests refused because the invalid-request count reached the refusal threshold.
    public var requestsRefusedForInvalidRequests = 0
    /// Requests failed because they would have waited longer than the maximum rate-limit wait.
    public var requestsFailedForLongWaits = 0
    /// Malformed rate-limit values seen: headers ignored (text, negative or non-finite times) and 429s whose
    /// wait could not be read.
    public var malformedRateLimitValues = 0

    /// Creates empty counters.
    public init() {}

    /// The total number of 429 responses of every scope.
    public var totalTooManyRequests: Int { tooManyRequests.values.reduce(0, +) }
}
