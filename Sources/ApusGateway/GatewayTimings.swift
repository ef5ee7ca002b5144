/// Every time constant (and reconnect threshold) of the gateway client. Discord's values are the defaults; tests
/// shorten them.
public struct GatewayTimings: Sendable {
    /// How long to wait for HELLO after the socket opens before reconnecting.
    public var helloTimeout: Duration = .seconds(20)
    /// How long to wait for READY after IDENTIFY before reconnecting.
    public var readyTimeout: Duration = .seconds(30)
    /// How long to wait for RESUMED after RESUME before reconnecting.
    public var resumeTimeout: Duration = .seconds(30)
    /// The first reconnect delay after a failure; doubled per further attempt (with jitter) up to ``maximumBackoff``.
    public var initialBackoff: Duration = .seconds(1)
    /// The longest reconnect delay.
    public var maximumBackoff: Duration = .seconds(60)
    /// The delay before resuming after a 4008 (rate limited) close.
    public var rateLimitBackoff: Duration = .seconds(5)
    /// The shortest and longest random delay before identifying again after op 9 `false` (Discord says 1-5 s).
    public var invalidSessionDelay: ClosedRange<Double> = 1.0...5.0
    /// The gateway's send limit: payloads per window (120 per 60 s on Discord).
    public var sendLimit: Int = 120
    /// The send limit's window.
    public var sendWindow: Duration = .seconds(60)
    /// How long the WebSocket waits for the server's close frame after the shard closed.
    public var closeTimeout: Duration = .seconds(2)
    /// The shortest `heartbeat_interval` a HELLO may carry; a shorter one (0, negative) makes the HELLO broken.
    public var minimumHeartbeatInterval: Duration = .seconds(1)
    /// The longest `heartbeat_interval` a HELLO may carry; a longer one makes the HELLO broken (Discord sends 41.25 s).
    public var maximumHeartbeatInterval: Duration = .seconds(600)
    /// How many connections in a row may fail (end before READY or RESUMED) on one gateway URL before the shard
    /// falls back: from the session's resume URL to the configured gateway URL, and from that to a fresh URL from
    /// ``ShardConfiguration/gatewayURLProvider``.
    public var connectionFailuresBeforeURLFallback: Int = 3

    /// Creates Discord's defaults.
    public init() {}

    /// Short intervals for tests against the simulator: everything in tens of milliseconds.
    public static var fastForTesting: GatewayTimings {
        var timings = GatewayTimings()
        timings.helloTimeout = .seconds(5)
        timings.readyTimeout = .seconds(5)
        timings.resumeTimeout = .seconds(5)
        timings.initialBackoff = .milliseconds(20)
        timings.maximumBackoff = .milliseconds(200)
        timings.rateLimitBackoff = .milliseconds(50)
        timings.invalidSessionDelay = 0.01...0.05
        timings.closeTimeout = .milliseconds(300)
        timings.minimumHeartbeatInterval = .milliseconds(10)
        return timings
    }
}
