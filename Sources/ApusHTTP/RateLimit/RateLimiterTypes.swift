/// Settings of the rate limiter.
public struct RateLimiterConfiguration: Sendable, Hashable {
    /// Requests allowed per ``globalWindow`` across all non-exempt routes (Discord: 50 per second).
    public var globalLimit: Int
    /// The window of the global limit.
    public var globalWindow: Duration
    /// Used when a 429 carries neither a `retry_after` nor a `Retry-After` (should not happen with Discord), and
    /// as the pause of the bucket (or of every route, for a global 429) after a 429 whose wait is malformed.
    public var defaultRetryAfter: Duration
    /// The maximum rate-limit wait (default 5 minutes, like discord.py's `max_ratelimit_timeout`): a 429 that asks
    /// for a longer wait fails its request at once with ``RateLimitFailure/waitTooLong(scope:wait:maximum:)``, and
    /// no pause or window end the limiter keeps lies further ahead than this, so a waiting request never sleeps
    /// longer. ``DiscordRESTConfiguration/maximumRateLimitWait`` is the same setting.
    public var maximumWait: Duration
    /// The invalid-request (401, 403, 429 except `shared`) thresholds behind Cloudflare's ban.
    public var invalidRequests: InvalidRequestLimits
    /// How long a Cloudflare-style ban (non-JSON 429) stops the client when the 429 has no usable `Retry-After`,
    /// and the longest ban any `Retry-After` can impose (default one hour). When it ends, one probe request
    /// finds out whether the ban is over.
    public var cloudflareBanDuration: Duration

    /// Creates a configuration; the defaults are Discord's documented values.
    public init(
        globalLimit: Int = 50, globalWindow: Duration = .seconds(1), defaultRetryAfter: Duration = .seconds(1),
        maximumWait: Duration = .seconds(300), invalidRequests: InvalidRequestLimits = InvalidRequestLimits(),
        cloudflareBanDuration: Duration = .seconds(3_600)
    ) {
        self.globalLimit = globalLimit
        self.globalWindow = globalWindow
        self.defaultRetryAfter = max(.zero, defaultRetryAfter)
        self.maximumWait = max(.zero, maximumWait)
        self.invalidRequests = invalidRequests
        self.cloudflareBanDuration = max(.zero, cloudflareBanDuration)
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
    /// A non-JSON 429 was seen: the IP is probably banned by Cloudflare. Every request fails until the ban's
    /// `Retry-After` (or ``RateLimiterConfiguration/cloudflareBanDuration``) has passed; then one probe request
    /// goes out, and its answer lifts or renews the ban. `excerpt` is the start of the 429 body.
    case cloudflareBanned(excerpt: String)
    /// The request would have to wait `wait` (a 429's `retry_after`, a bucket's reset or a global pause), longer
    /// than the maximum rate-limit wait `maximum`.
    case waitTooLong(scope: RateLimitScope, wait: Duration, maximum: Duration)
    /// A 429 whose wait could not be read (`retry_after` negative, NaN, infinite, or not a number).
    case malformed(reason: String)
    /// `count` invalid requests (401, 403, 429 except `shared`) in the sliding window reached the refusal
    /// threshold: only interaction responses are sent until the count falls below it.
    case tooManyInvalidRequests(count: Int, threshold: Int, window: Duration)

    /// A sentence a human can act on.
    public var description: String {
        switch self {
        case .cloudflareBanned(let excerpt):
            return "Discord answered 429 with a non-JSON body (a Cloudflare ban); requests fail until the ban's "
                + "Retry-After has passed, then one probe request checks it. Body starts with: \(excerpt)"
        case .waitTooLong(let scope, let wait, let maximum):
            return "Discord asked to wait \(wait.secondsDouble) s (\(scope.rawValue) scope), longer than the "
                + "maximum rate-limit wait of \(maximum.secondsDouble) s; the request fails instead of waiting"
        case .malformed(let reason):
            return "Discord answered 429 with a malformed rate-limit value (\(reason)); the request fails instead "
                + "of waiting for it"
        case .tooManyInvalidRequests(let count, let threshold, let window):
            return "\(count) invalid requests (401, 403, 429) in the last \(window.secondsDouble) s reached the "
                + "refusal threshold of \(threshold) (Cloudflare bans at 10,000); only interaction responses are "
                + "sent until the count falls"
        }
    }
}

/// Something the rate limiter wants an operator to know; the driver logs it. Each is emitted once per change of
/// state (crossing a threshold, a ban starting or ending), never per request.
public enum RateLimitNotice: Sendable, Hashable {
    /// The invalid-request count reached the warning threshold.
    case invalidRequestsWarning(count: Int, threshold: Int)
    /// The invalid-request count reached the refusal threshold: only interaction responses are sent.
    case invalidRequestsRefusing(count: Int, threshold: Int)
    /// The invalid-request count fell below the refusal threshold: requests are sent again.
    case invalidRequestsRefusalEnded(count: Int)
    /// A Cloudflare-style ban started (or was renewed by a probe); it is probed after `duration`.
    case banned(excerpt: String, duration: Duration)
    /// The ban's time has passed: request `probe` goes out alone to check it.
    case banProbe(RateLimitRequestID)
    /// The probe was answered without a ban: the client sends again.
    case banLifted
}

/// What to do with a request after its response was reported to the limiter.
public enum RateLimitVerdict: Sendable, Hashable {
    /// The response is final (success or an error that is not a rate limit).
    case done
    /// The request hit a 429 that the limiter has now accounted for: enqueue it again (with `retrying: true`).
    case retry(scope: RateLimitScope, retryAfter: Duration)
    /// A Cloudflare-style ban: fail the request; the limiter now rejects everything until the ban's time passes.
    case banned(RateLimitFailure)
    /// A 429 that the limiter will not wait out (its wait is malformed or longer than the maximum): fail the
    /// request with this failure.
    case failed(RateLimitFailure)
}
