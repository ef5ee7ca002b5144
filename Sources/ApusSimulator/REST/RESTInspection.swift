import ApusCore

/// One answered REST request, as the simulator logged it.
public struct RESTLogEntry: Sendable {
    /// The HTTP method.
    public var method: String
    /// The full request path (with the `/api/v10` prefix).
    public var path: String
    /// The matched route, `METHOD /template`, or nil when no route matched.
    public var route: String?
    /// The opaque bucket hash (`X-RateLimit-Bucket`), or nil for routes answered before bucketing.
    public var bucket: String?
    /// The status answered.
    public var status: Int
    /// The request body as text.
    public var body: String
    /// When the request was answered, on the simulator's time source.
    public var time: MonotonicTime
}

/// Counts of what the REST API answered.
public struct RESTCounters: Sendable, Equatable {
    /// Every request handled.
    public var requests = 0
    /// 429s by scope (`user`, `shared`, `global`), Cloudflare HTML 429s under `cloudflare`.
    public var rateLimited: [String: Int] = [:]
    /// Answers by status code.
    public var statuses: [Int: Int] = [:]
    /// Dispatches sent through the sink.
    public var dispatches = 0

    /// Creates zero counters.
    public init() {}
}

/// A response the simulator is told to give instead of the real one.
public enum RESTForcedFault: Sendable, Equatable {
    /// A 429 of `scope` asking the client to wait `retryAfter`.
    case rateLimited(scope: RateLimitScope, retryAfter: Duration)
    /// Cloudflare's HTML 429.
    case cloudflare
    /// A 500, 502 or 504 (any status works).
    case serverError(status: Int)
    /// The real answer with these headers replacing (or added to) its own, values as written: a hostile proxy's
    /// `X-RateLimit-Reset-After: 1e10` on a success, `X-RateLimit-Remaining: 9223372036854775807` without a limit.
    /// An empty value removes the header.
    case headers([String: String])
    /// This response instead of the real one, byte for byte (a 429 whose body says `"retry_after": 1e10`).
    case raw(status: Int, headers: [String: String], body: String)
}

/// A queued forced fault.
struct PendingFault: Sendable {
    var fault: RESTForcedFault
    var remaining: Int
    /// `METHOD /template` or a template alone; nil matches every route.
    var route: String?

    func matches(_ match: RESTRouteMatch) -> Bool {
        guard let route else { return true }
        return route == match.key || route == match.template
    }
}
