import ApusCompression
import ApusModel

/// Everything one shard needs to connect, identify and deliver events.
public struct ShardConfiguration: Sendable {
    /// The bot token (without the `Bot ` prefix).
    public var token: String
    /// The gateway intents to identify with.
    public var intents: Intents
    /// This shard's id.
    public var shardID: Int
    /// The total number of shards.
    public var shardCount: Int
    /// The gateway URL (from `GET /gateway/bot`), e.g. `wss://gateway.discord.gg`.
    public var gatewayURL: String
    /// The gateway API version.
    public var apiVersion: Int = 10
    /// Transport compression.
    public var compression: TransportCompression = .zstdStream
    /// Members above which a guild is "large" (50-250).
    public var largeThreshold: Int = 250
    /// The presence sent with IDENTIFY, if any.
    public var initialPresence: PresenceUpdateCommand?
    /// The `properties` sent with IDENTIFY.
    public var os: String = "linux"
    /// The library name sent as `browser` and `device`.
    public var libraryName: String = "apus"
    /// The largest decompressed message accepted; larger ones are skipped (uncompressed) or end the stream.
    public var maximumMessageSize: Int = 32 << 20
    /// Protocol time constants.
    public var timings: GatewayTimings = .init()
    /// Where a fresh gateway URL comes from when connections keep failing on ``gatewayURL`` (after
    /// ``GatewayTimings/connectionFailuresBeforeURLFallback`` failures in a row), typically
    /// `{ try await rest.getGatewayBot().url }`. Nil: the shard keeps retrying ``gatewayURL`` with backoff.
    public var gatewayURLProvider: (@Sendable () async throws -> String)?

    /// Creates a shard configuration.
    public init(token: String, intents: Intents, shardID: Int = 0, shardCount: Int = 1, gatewayURL: String) {
        self.token = token
        self.intents = intents
        self.shardID = shardID
        self.shardCount = shardCount
        self.gatewayURL = gatewayURL
    }

    /// The query string of every connection URL.
    var query: String {
        var query = "v=\(apiVersion)&encoding=json"
        if let value = compression.queryValue { query += "&compress=\(value)" }
        return query
    }
}
