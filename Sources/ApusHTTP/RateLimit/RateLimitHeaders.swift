import ApusCore

/// The rate-limit facts of one REST response, parsed from its headers (and, for a 429, its body).
///
/// All fields are optional: Discord omits bucket headers on some routes and on global 429s.
public struct RateLimitHeaders: Sendable, Hashable {
    /// `X-RateLimit-Limit`: requests allowed per window.
    public var limit: Int?
    /// `X-RateLimit-Remaining`: requests left in the current window.
    public var remaining: Int?
    /// `X-RateLimit-Reset-After`: seconds until the window resets, measured from the response.
    public var resetAfter: Double?
    /// `X-RateLimit-Reset`: the reset time in epoch seconds (server clock).
    public var resetEpoch: Double?
    /// The server's `Date` header in epoch seconds, used with ``resetEpoch`` when ``resetAfter`` is missing.
    public var serverDateEpoch: Double?
    /// `X-RateLimit-Bucket`: the opaque bucket hash.
    public var bucket: String?
    /// `X-RateLimit-Global: true`.
    public var isGlobal: Bool
    /// `X-RateLimit-Scope`: `user`, `global` or `shared`.
    public var scope: String?
    /// `Retry-After` in seconds.
    public var retryAfter: Double?

    /// Creates a value with every field given explicitly (all default to absent).
    public init(
        limit: Int? = nil, remaining: Int? = nil, resetAfter: Double? = nil, resetEpoch: Double? = nil,
        serverDateEpoch: Double? = nil, bucket: String? = nil, isGlobal: Bool = false, scope: String? = nil,
        retryAfter: Double? = nil
    ) {
        self.limit = limit
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.resetEpoch = resetEpoch
        self.serverDateEpoch = serverDateEpoch
        self.bucket = bucket
        self.isGlobal = isGlobal
        self.scope = scope
        self.retryAfter = retryAfter
    }

    /// Parses the rate-limit headers out of `(name, value)` pairs (names are case-insensitive). Malformed values
    /// are treated as absent.
    public init(headers: some Sequence<(name: String, value: String)>) {
        self.init()
        for (name, rawValue) in headers {
            let value = rawValue.trimmingASCIIWhitespace()
            switch name.lowercased() {
            case "x-ratelimit-limit": limit = Int(value)
            case "x-ratelimit-remaining": remaining = Int(value)
            case "x-ratelimit-reset-after": resetAfter = Double(value).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            case "x-ratelimit-reset": resetEpoch = Double(value).flatMap { $0.isFinite ? $0 : nil }
            case "x-ratelimit-bucket": bucket = value.isEmpty ? nil : value
            case "x-ratelimit-global": isGlobal = value.lowercased() == "true"
            case "x-ratelimit-scope": scope = value.lowercased()
            case "retry-after": retryAfter = Double(value).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            case "date": serverDateEpoch = HTTPDate.epochSeconds(fromIMFFixdate: value)
            default: break
            }
        }
    }

    /// Seconds until the window resets: `X-RateLimit-Reset-After` when present, otherwise `X-RateLimit-Reset`
    /// minus the server's `Date` (both on the server's clock, so local clock skew does not matter).
    public var secondsUntilReset: Double? {
        if let resetAfter { return resetAfter }
        if let resetEpoch, let serverDateEpoch { return max(0, resetEpoch - serverDateEpoch) }
        return nil
    }

    /// Whether the response carried enough to learn a bucket's window (remaining and a reset time).
    public var describesWindow: Bool {
        remaining != nil && secondsUntilReset != nil
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
