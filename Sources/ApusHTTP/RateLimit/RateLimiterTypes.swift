/// Settings of the rate limiter.
public struct RateLimiterConfiguration: Sendable, Hashable {
    /// Requests allowed per ``globalWindow`` across all non-exempt routes (Discord: 50 per second).
    public var globalLimit: Int
    /// The window of the global limit.
    public var globalWindow: Duration
    /// Used when a 429 carries neither a `retry_after` nor a `Retry-After` (should not happen with Discord).
    public var defaultRetryAfter: Duration

    /// Creates a configuration; the defaults are Discord's documented values.
    public init(globalLimit: Int = 50, globalWindow: Duration = .seconds(1), defaultRetryAfter: Duration = .seconds(1)) {
        self.globalLimit = globalLimit
        self.globalWindow = globalWindow
        self.defaultRetryAfter = defaultRetryAfter
    }
}

/// Identifies one request inside the rate limiter (issued by ``RateLimiterState/enqueue(_:at:retrying:)``).
public struct RateLimitRequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The raw number; issue order.
    public var rawValue: UInt64

    /// Wraps a raw number.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Issue order.
    public static func < (lhs: RateLimitRequestID, rhs: RateLimitRequestID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `#n`, for logs.
    public var description: String { "#\(rawValue)" }
}

/// What the rate limiter asks its driver to do.
public enum RateLimitAction: Sendable, Hashable {
    /// The request holds a permit: send it now.
    case send(RateLimitRequestID)
    /// The request must fail without being sent.
    case fail(RateLimitRequestID, RateLimitFailure)
}

/// Why the rate limiter refuses a request.
public enum RateLimitFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// A non-JSON 429 was seen: the IP is probably banned by Cloudflare. Every request fails until the client is
    /// reset. `excerpt` is the start of the 429 body.
    case cloudflareBanned(excerpt: String)

    /// A sentence a human can act on.
    public var description: String {
        switch self {
        case .cloudflareBanned(let excerpt):
            return "Discord answered 429 with a non-JSON body (a Cloudflare ban); the client is stopped until it is "
                + "reset. Body starts with: \(excerpt)"
        }
    }
}

/// What to do with a request after its response was reported to the limiter.
public enum RateLimitVerdict: Sendable, Hashable {
    /// The response is final (success or an error that is not a rate limit).
    case done
    /// The request hit a 429 that the limiter has now accounted for: enqueue it again (with `retrying: true`).
    case retry(scope: RateLimitScope, retryAfter: Duration)
    /// A Cloudflare-style ban: fail the request; the limiter now rejects everything.
    case banned(RateLimitFailure)
}
