import ApusModel

/// Everything a ``DiscordREST`` call can fail with.
public enum DiscordHTTPError: Error, Sendable, CustomStringConvertible {
    /// Discord answered with a non-success status. `body` is Discord's JSON error body when it had one (code,
    /// message, flattened field errors); `rawBody` is the body as received.
    case http(status: Int, route: String, body: DiscordErrorBody?, rawBody: [UInt8])
    /// A 429 with a non-JSON body (a Cloudflare ban) was seen; the client fails every request at once until the
    /// ban's `Retry-After` (or one hour) has passed, then sends one probe request whose answer lifts or renews
    /// the ban. ``DiscordREST/resetAfterBan()`` lifts it at once.
    case cloudflareBanned(excerpt: String)
    /// Discord kept answering 429 after the configured number of retries.
    case rateLimitRetriesExhausted(route: String, scope: RateLimitScope, retryAfter: Duration)
    /// The request would have had to wait `wait` for a rate limit (a 429's `retry_after`, a bucket's reset or a
    /// global pause), longer than ``DiscordRESTConfiguration/maximumRateLimitWait`` (`maximum`); it failed at
    /// once instead of sleeping.
    case rateLimitWaitTooLong(route: String, scope: RateLimitScope, wait: Duration, maximum: Duration)
    /// Discord (or a proxy) answered 429 with a wait that is not a usable number of seconds (negative, NaN,
    /// infinite, a string); the request failed instead of waiting.
    case malformedRateLimit(route: String, reason: String)
    /// The client refused to send: `count` invalid requests (401, 403, 429 except `shared`) in the last
    /// `window` reached the refusal threshold (default 9,000; Cloudflare bans at 10,000). Only interaction
    /// responses are sent until the count falls below the threshold.
    case tooManyInvalidRequests(route: String, count: Int, threshold: Int, window: Duration)
    /// No complete response arrived within the request timeout.
    case timeout(route: String)
    /// The connection failed (refused, reset, closed early) and retries were exhausted.
    case connection(route: String, description: String)
    /// The response could not be understood (undecodable body, too large).
    case invalidResponse(route: String, reason: String)
    /// The request could not be built (bad URL, body that does not encode).
    case invalidRequest(reason: String)

    /// The HTTP status when the failure was an HTTP error response.
    public var status: Int? {
        if case .http(let status, _, _, _) = self { return status }
        return nil
    }

    /// Whether the same request may succeed later without any change to it, so a caller (the scheduler) should
    /// retry it after a backoff rather than give it up.
    ///
    /// - `true`: ``connection(route:description:)`` and ``timeout(route:)`` (Discord unreachable); an HTTP 5xx
    ///   or 429 response; ``rateLimitRetriesExhausted(route:scope:retryAfter:)``,
    ///   ``rateLimitWaitTooLong(route:scope:wait:maximum:)`` and ``malformedRateLimit(route:reason:)`` (rate
    ///   limits end); ``cloudflareBanned(excerpt:)`` (the ban is probed and lifted after its `Retry-After`);
    ///   ``tooManyInvalidRequests(route:count:threshold:window:)`` (the count falls as the window slides).
    /// - `false`: any other HTTP status (4xx: 400 bad request, 401 invalid token, 403 missing permission, 404
    ///   unknown resource — check ``status`` to tell them apart); ``invalidResponse(route:reason:)`` (a body that
    ///   does not decode will not decode next time either); ``invalidRequest(reason:)`` (the request cannot be built).
    public var isTransient: Bool {
        switch self {
        case .http(let status, _, _, _):
            return status == 429 || (500...599).contains(status)
        case .connection, .timeout, .rateLimitRetriesExhausted, .rateLimitWaitTooLong, .malformedRateLimit,
            .cloudflareBanned, .tooManyInvalidRequests:
            return true
        case .invalidResponse, .invalidRequest:
            return false
        }
    }

    /// Whether the request was refused by rate limiting that outlasts what the client waits: a 429 pause longer than
    /// the maximum rate-limit wait, retries after 429s used up, a malformed 429, a Cloudflare ban, or the
    /// invalid-request ceiling. Another request to the same route now would meet the same refusal (after waiting,
    /// for a paused bucket), so callers should not answer the failure through that route.
    public var isRateLimitRefusal: Bool {
        switch self {
        case .rateLimitRetriesExhausted, .rateLimitWaitTooLong, .malformedRateLimit, .cloudflareBanned, .tooManyInvalidRequests:
            return true
        case .http(let status, _, _, _):
            return status == 429
        case .connection, .timeout, .invalidResponse, .invalidRequest:
            return false
        }
    }

    /// Discord's JSON error code when the failure was an HTTP error with a Discord error body.
    public var discordCode: Int? {
        if case .http(_, _, let body, _) = self { return body?.code }
        return nil
    }

    /// A readable explanation, including Discord's field errors when there are any.
    public var description: String {
        switch self {
        case .http(let status, let route, let body, let rawBody):
            guard let body else {
                let text = String(decoding: rawBody.prefix(200), as: UTF8.self)
                return "Discord returned HTTP \(status) for \(route)" + (text.isEmpty ? "" : ": \(text)")
            }
            var text = "Discord returned HTTP \(status) for \(route): \(body.message) (code \(body.code))"
            for error in body.errors {
                text += "\n  \(error.path.isEmpty ? "(body)" : error.path): \(error.message) [\(error.code)]"
            }
            return text
        case .cloudflareBanned(let excerpt):
            return RateLimitFailure.cloudflareBanned(excerpt: excerpt).description
        case .rateLimitRetriesExhausted(let route, let scope, let retryAfter):
            return "Still rate limited (\(scope.rawValue) scope) on \(route) after the allowed retries; "
                + "Discord asked to wait \(retryAfter.secondsDouble) s"
        case .rateLimitWaitTooLong(let route, let scope, let wait, let maximum):
            return "Rate limited (\(scope.rawValue) scope) on \(route) for \(wait.secondsDouble) s, longer than the "
                + "maximum rate-limit wait of \(maximum.secondsDouble) s; failed instead of waiting"
        case .malformedRateLimit(let route, let reason):
            return "Discord's 429 for \(route) had a malformed rate-limit value (\(reason)); failed instead of waiting"
        case .tooManyInvalidRequests(let route, let count, let threshold, let window):
            return "Refused \(route): \(count) invalid requests (401, 403, 429) in the last \(window.secondsDouble) s "
                + "reached the refusal threshold of \(threshold); only interaction responses are sent until it falls"
        case .timeout(let route):
            return "Timed out waiting for Discord's response to \(route)"
        case .connection(let route, let description):
            return "Could not reach Discord for \(route): \(description)"
        case .invalidResponse(let route, let reason):
            return "Could not understand Discord's response to \(route): \(reason)"
        case .invalidRequest(let reason):
            return "Could not build the request: \(reason)"
        }
    }
}
