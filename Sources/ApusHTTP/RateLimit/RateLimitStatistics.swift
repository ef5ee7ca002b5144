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

    /// Creates empty counters.
    public init() {}

    /// The total number of 429 responses of every scope.
    public var totalTooManyRequests: Int { tooManyRequests.values.reduce(0, +) }
}
