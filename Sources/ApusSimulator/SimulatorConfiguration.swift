import ApusCore

/// Everything that shapes a ``DiscordSimulator`` run: identity, the generated world, the gateway's protocol
/// constants and the REST rate-limit table.
///
/// Every protocol time constant is configurable so tests can run on short intervals.
public struct SimulatorConfiguration: Sendable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on for REST (and the control API); 0 picks a free one.
    public var port: Int = 0
    /// The gateway's own port; 0 picks a free one.
    public var gatewayPort: Int = 0
    /// The only bot token the simulator accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY/RESUME).
    public var token: String = "apus-simulator-token"
    /// The id of the bot user the simulator logs in as.
    public var botUserID: UInt64 = 1_100_000_000_000_000_001
    /// The id of the bot's application.
    public var applicationID: UInt64 = 1_100_000_000_000_000_002
    /// The seed for everything random in the simulator (generated names, scripted chatter, ids).
    public var seed: UInt64 = 42
    /// How many guilds the bot is in.
    public var guildCount: Int = 1
    /// How many members (besides the bot) each guild has.
    public var membersPerGuild: Int = 20
    /// How many text channels each guild has.
    public var textChannelsPerGuild: Int = 3
    /// How often a scripted member posts a message in some guild; `nil` turns scripted chatter off.
    public var scriptedMessageInterval: Duration? = nil
    /// Gateway protocol constants and switches.
    public var gateway = GatewaySimulationSettings()
    /// REST routes, buckets and limits.
    public var rest = RESTSimulationSettings()

    /// Creates the default configuration.
    public init() {}
}
