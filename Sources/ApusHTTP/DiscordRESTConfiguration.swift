/// Settings of a ``DiscordREST`` client.
public struct DiscordRESTConfiguration: Sendable {
    /// The bot token (without the `Bot ` prefix).
    public var token: String
    /// The API base, without a trailing slash. Tests pass the simulator's `http://127.0.0.1:PORT/api/v10`.
    public var apiBaseURL: String
    /// The `User-Agent` header Discord requires.
    public var userAgent: String
    /// The deadline of one HTTP attempt (connect, send and read the whole body).
    public var requestTimeout: Duration
    /// When and how failed attempts are retried.
    public var retryPolicy: RetryPolicy
    /// The rate limiter's settings, including the global limit (50 requests per second by default).
    public var rateLimits: RateLimiterConfiguration
    /// Upper bound on pooled HTTP/1.1 connections to the API host (connections are reused).
    public var maximumConnections: Int
    /// Responses larger than this many bytes fail with ``DiscordHTTPError/invalidResponse(route:reason:)``.
    public var maximumResponseBytes: Int

    /// The maximum rate-limit wait, one setting for the whole client (default 5 minutes, like discord.py's
    /// `max_ratelimit_timeout`): a request that would have to wait longer for a rate limit fails at once with
    /// ``DiscordHTTPError/rateLimitWaitTooLong(route:scope:wait:maximum:)``, and no rate-limit pause lasts
    /// longer. Stored in ``rateLimits`` (``RateLimiterConfiguration/maximumWait``), which the limiter reads.
    public var maximumRateLimitWait: Duration {
        get { rateLimits.maximumWait }
        set { rateLimits.maximumWait = max(.zero, newValue) }
    }

    /// The default base URL of Discord's API, version 10.
    public static let discordAPIBaseURL = "https://discord.com/api/v10"
    /// The default user agent.
    public static let defaultUserAgent = "DiscordBot (https://github.com/apus, 0.1)"

    /// Creates a configuration; everything but the token has a default. `maximumRateLimitWait`, when given,
    /// replaces the one in `rateLimits` (default 5 minutes).
    public init(
        token: String,
        apiBaseURL: String = DiscordRESTConfiguration.discordAPIBaseURL,
        userAgent: String = DiscordRESTConfiguration.defaultUserAgent,
        requestTimeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = RetryPolicy(),
        rateLimits: RateLimiterConfiguration = RateLimiterConfiguration(),
        maximumConnections: Int = 32,
        maximumResponseBytes: Int = 32 * 1024 * 1024,
        maximumRateLimitWait: Duration? = nil
    ) {
        self.token = token
        var base = apiBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.apiBaseURL = base
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.rateLimits = rateLimits
        self.maximumConnections = max(1, maximumConnections)
        self.maximumResponseBytes = max(0, maximumResponseBytes)
        if let maximumRateLimitWait { self.maximumRateLimitWait = maximumRateLimitWait }
    }
}

/// How a ``DiscordREST`` client retries.
///
/// Server errors (500, 502, 504 by default) and connection errors are retried with exponential backoff and
/// seeded jitter, up to ``maximumAttempts`` attempts in all. 429s are retried after the wait Discord asks for, up to
/// ``maximumRateLimitRetries`` times. Other 4xx responses are never retried.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all (first try included) for server and connection errors; 1 disables those retries.
    public var maximumAttempts: Int
    /// The delay before the first retry; doubled for each further retry.
    public var baseDelay: Duration
    /// The cap on one backoff delay.
    public var maximumDelay: Duration
    /// Statuses that are retried.
    public var retriedStatuses: Set<Int>
    /// How many times one request may be retried after 429s before failing.
    public var maximumRateLimitRetries: Int
    /// Seed of the jitter (a delay is scaled by a factor in 0.5..<1.0 drawn from it).
    public var jitterSeed: UInt64

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(10),
        retriedStatuses: Set<Int> = [500, 502, 504],
        maximumRateLimitRetries: Int = 5,
        jitterSeed: UInt64 = 0x41_50_55_53
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.retriedStatuses = retriedStatuses
        self.maximumRateLimitRetries = max(0, maximumRateLimitRetries)
        self.jitterSeed = jitterSeed
    }

    /// The backoff before retry number `retry` (1-based), given a unit-interval random draw.
    public func delay(beforeRetry retry: Int, unitRandom: Double) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let raw = baseDelay.secondsDouble * Double(1 << exponent)
        let capped = min(raw, maximumDelay.secondsDouble)
        return .secondsDouble(capped * (0.5 + 0.5 * min(max(unitRandom, 0), 1)))
    }
}
