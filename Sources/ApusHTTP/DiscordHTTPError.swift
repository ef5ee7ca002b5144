import ApusModel

/// Everything a ``DiscordREST`` call can fail with.
public enum DiscordHTTPError: Error, Sendable, CustomStringConvertible {
    /// Discord answered with a non-success status. `body` is Discord's JSON error body when it had one (code,
    /// message, flattened field errors); `rawBody` is the body as received.
    case http(status: Int, route: String, body: DiscordErrorBody?, rawBody: [UInt8])
    /// A 429 with a non-JSON body (a Cloudflare ban) was seen; the client rejects every request until
    /// ``DiscordREST/resetAfterBan()``.
    case cloudflareBanned(excerpt: String)
    /// Discord kept answering 429 after the configured number of retries.
    case rateLimitRetriesExhausted(route: String, scope: RateLimitScope, retryAfter: Duration)
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
