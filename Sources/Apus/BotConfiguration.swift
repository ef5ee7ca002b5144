import ApusCompression
import ApusGateway
import ApusModel

/// How a ``Bot`` connects: token, intents, where Discord (or a simulator) is, which shards to run.
public struct BotConfiguration: Sendable {
    /// Which shards this process runs.
    public enum Shards: Sendable, Equatable {
        /// As many as `GET /gateway/bot` recommends, all in this process.
        case automatic
        /// Shards `ids` of a total of `count` (for splitting a bot over processes).
        case range(Range<Int>, of: Int)
    }

    /// The bot token (without `Bot `).
    public var token: String
    /// The gateway intents.
    public var intents: Intents
    /// The REST API base, e.g. `https://discord.com/api/v10` or a simulator's `http://127.0.0.1:PORT/api/v10`.
    public var apiBaseURL: String = "https://discord.com/api/v10"
    /// A gateway URL to use instead of the one `GET /gateway/bot` returns.
    public var gatewayURLOverride: String?
    /// Which shards to run.
    public var shards: Shards = .automatic
    /// Transport compression.
    public var compression: TransportCompression = .zstdStream
    /// Gateway time constants.
    public var timings: GatewayTimings = .init()
    /// The identify window (5 s on Discord).
    public var identifyWindow: Duration = .seconds(5)
    /// Sessions exported by an earlier process, to resume.
    public var sessions: [GatewaySession] = []
    /// A seed for every random choice (heartbeat jitter, backoff); nil draws one from the system.
    public var seed: UInt64?
    /// How long one REST request may take before it fails with a timeout (and is retried by the REST client's
    /// policy); 30 s by default.
    public var restRequestTimeout: Duration = .seconds(30)

    /// Creates a configuration for real Discord.
    public init(token: String, intents: Intents) {
        self.token = token
        self.intents = intents
    }
}
