/// The simulated gateway's protocol constants and switches (owned by the gateway side of the simulator).
///
/// Defaults follow Discord; every time constant can be shortened so tests run on short intervals.
public struct GatewaySimulationSettings: Sendable {
    /// The `heartbeat_interval` sent in HELLO (Discord sends 41.25 s).
    public var heartbeatInterval: Duration = .milliseconds(41_250)
    /// How many payloads a client may send per ``sendLimitWindow`` before the server closes with 4008.
    public var sendLimit: Int = 120
    /// The window of the client send limit (a fixed window starting at the first payload).
    public var sendLimitWindow: Duration = .seconds(60)
    /// The window in which each identify rate-limit key accepts ``identifiesPerRateLimitKey`` IDENTIFYs.
    public var identifyWindow: Duration = .seconds(5)
    /// `max_concurrency`: the number of identify buckets (`rate_limit_key = shard_id % max_concurrency`).
    public var maxConcurrency: Int = 1
    /// How many IDENTIFYs one rate-limit key accepts per ``identifyWindow`` (Discord: 1). Excess gets op 9 `false`.
    public var identifiesPerRateLimitKey: Int = 1
    /// The daily `session_start_limit.total`.
    public var sessionStartLimit: Int = 1000
    /// How long the session start limit lasts before it resets (`reset_after`).
    public var sessionStartResetInterval: Duration = .seconds(86_400)
    /// How long a session stays resumable after its connection dropped (closed with a code other than 1000/1001).
    public var resumeWindow: Duration = .seconds(180)
    /// How many dispatches each session keeps for RESUME replay; a RESUME from further back gets op 9 `false`.
    public var replayBufferLimit: Int = 10_000
    /// The most members in one GUILD_MEMBERS_CHUNK.
    public var memberChunkSize: Int = 1000
    /// The most members a `query` or `user_ids` REQUEST_GUILD_MEMBERS returns.
    public var memberQueryLimit: Int = 100
    /// The cooldown between two all-members requests (`query: ""`, `limit: 0`) for one guild.
    public var allMembersCooldown: Duration = .seconds(30)
    /// The largest client payload accepted; a larger one closes with 4002.
    public var maxPayloadBytes: Int = 4096
    /// The shard count `/gateway/bot` recommends.
    public var recommendedShards: Int = 1
    /// Whether privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) are enabled; false gives 4014.
    public var privilegedIntentsAllowed: Bool = true
    /// Shuffle the key order of every JSON object the server sends (seeded by the configuration's seed).
    public var shuffleKeys: Bool = false
    /// Add random whitespace between JSON tokens of every payload the server sends.
    public var addWhitespace: Bool = false
    /// With `zlib-stream`, split each compressed message across this many WebSocket messages (1 = no split).
    public var zlibSplitFrames: Int = 1
    /// Compressions the server accepts in the `compress` query (others are refused with HTTP 400).
    public var allowedCompressions: Set<String> = ["zlib-stream", "zstd-stream"]
    /// The gateway versions accepted in the `v` query; others close with 4012.
    public var supportedVersions: Set<Int> = [9, 10]
    /// The most records the wire log keeps (oldest dropped first).
    public var wireLogLimit: Int = 200_000
    /// How long the server waits for the client's close frame after sending its own before dropping TCP.
    public var closeHandshakeTimeout: Duration = .seconds(2)

    /// Creates the default (Discord-like) settings.
    public init() {}
}
