import ApusCore

/// The rate-limit facts of one REST response, parsed from its headers (and, for a 429, its body).
///
/// All fields are optional: Discord omits bucket headers on some routes and on global 429s.
///
/// Every value is validated where it enters: counts are whole numbers (any value, clamped to `Int`), times are
/// finite, non-negative decimal seconds. A header whose value fails that check is left absent and its name is
/// listed in ``malformed``, so the client can count and report it; it never becomes a wait.
public struct RateLimitHeaders: Sendable, Hashable {
    /// `X-RateLimit-Limit`: requests allowed per window (any integer; values beyond `Int` are clamped).
    public var limit: Int?
    /// `X-RateLimit-Remaining`: requests left in the current window (any integer; values beyond `Int` are clamped).
    public var remaining: Int?
    /// `X-RateLimit-Reset-After`: seconds until the window resets, measured from the response (finite, >= 0).
    public var resetAfter: Double?
    /// `X-RateLimit-Reset`: the reset time in epoch seconds (server clock; finite, >= 0).
    public var resetEpoch: Double?
    /// The server's `Date` header in epoch seconds, used with ``resetEpoch`` when ``resetAfter`` is missing.
    public var serverDateEpoch: Double?
    /// `X-RateLimit-Bucket`: the opaque bucket hash.
    public var bucket: String?
    /// `X-RateLimit-Global: true`.
    public var isGlobal: Bool
    /// `X-RateLimit-Scope`: `user`, `global` or `shared`.
    public var scope: String?
    /// `Retry-After` in seconds (finite, >= 0). An HTTP-date is converted with the server's `Date` header.
    public var retryAfter: Double?
    /// The lower-cased names of rate-limit headers whose values were malformed (text, a fraction where a count
    /// belongs, a negative, NaN or infinite time) and were therefore ignored.
    public var malformed: Set<String> = []

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
    /// are treated as absent and listed in ``malformed``.
    public init(headers: some Sequence<(name: String, value: String)>) {
        self.init()
        var retryAfterDate: Double?
        for (name, rawValue) in headers {
            let value = rawValue.trimmingASCIIWhitespace()
            let key = name.lowercased()
            switch key {
            case "x-ratelimit-limit": limit = note(RateLimitNumber.integer(value[...]), key)
            case "x-ratelimit-remaining": remaining = note(RateLimitNumber.integer(value[...]), key)
            case "x-ratelimit-reset-after": resetAfter = note(RateLimitNumber.seconds(value[...]), key)
            case "x-ratelimit-reset": resetEpoch = note(RateLimitNumber.seconds(value[...]), key)
            case "x-ratelimit-bucket": bucket = value.isEmpty ? nil : String(value.prefix(Self.maximumBucketLength))
            case "x-ratelimit-global": isGlobal = value.lowercased() == "true"
            case "x-ratelimit-scope": scope = value.lowercased()
            case "retry-after":
                if let seconds = RateLimitNumber.seconds(value[...]) {
                    retryAfter = seconds
                } else if let date = HTTPDate.epochSeconds(fromIMFFixdate: value) {
                    retryAfterDate = date
                } else {
                    malformed.insert(key)
                }
            case "date": serverDateEpoch = HTTPDate.epochSeconds(fromIMFFixdate: value)
            default: break
            }
        }
        if retryAfter == nil, let retryAfterDate {
            if let serverDateEpoch {
                retryAfter = max(0, retryAfterDate - serverDateEpoch)
            } else {
                malformed.insert("retry-after")
            }
        }
    }

    /// Bucket hashes longer than this are cut (Discord's are 32 characters); a hostile header cannot grow the
    /// limiter's tables without bound.
    static let maximumBucketLength = 64

    private mutating func note<Value>(_ value: Value?, _ key: String) -> Value? {
        if value == nil { malformed.insert(key) }
        return value
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
