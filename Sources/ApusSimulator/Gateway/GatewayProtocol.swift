/// Gateway opcodes the simulator sends or understands.
public enum GatewayOpcode: Int, Sendable, CaseIterable {
    case dispatch = 0
    case heartbeat = 1
    case identify = 2
    case presenceUpdate = 3
    case voiceStateUpdate = 4
    case resume = 6
    case reconnect = 7
    case requestGuildMembers = 8
    case invalidSession = 9
    case hello = 10
    case heartbeatACK = 11
    case requestSoundboardSounds = 31
    case requestChannelInfo = 43

    /// Opcodes a client may send.
    static let clientOpcodes: Set<Int> = [1, 2, 3, 4, 6, 8, 31, 43]
}

/// Close codes the simulated gateway sends (Discord's 4000–4014 plus the WebSocket ones it uses).
public enum GatewayCloseCode {
    /// Unknown error.
    public static let unknownError = 4000
    /// Unknown opcode or invalid payload for an opcode.
    public static let unknownOpcode = 4001
    /// Undecodable payload, or one over the size limit.
    public static let decodeError = 4002
    /// A payload other than IDENTIFY/RESUME/heartbeat before identifying.
    public static let notAuthenticated = 4003
    /// Wrong token.
    public static let authenticationFailed = 4004
    /// A second IDENTIFY.
    public static let alreadyAuthenticated = 4005
    /// RESUME with a sequence newer than the server's.
    public static let invalidSequence = 4007
    /// Over the send limit.
    public static let rateLimited = 4008
    /// Session timed out.
    public static let sessionTimedOut = 4009
    /// Invalid shard.
    public static let invalidShard = 4010
    /// Sharding required.
    public static let shardingRequired = 4011
    /// Invalid API version.
    public static let invalidAPIVersion = 4012
    /// Invalid intents.
    public static let invalidIntents = 4013
    /// Disallowed (privileged) intents.
    public static let disallowedIntents = 4014
}

/// Gateway intent bits the simulator knows about.
enum GatewayIntents {
    /// Every defined intent bit (0–16, 20, 21, 24, 25).
    static let known: UInt64 = {
        var mask: UInt64 = 0
        for bit in Array(0...16) + [20, 21, 24, 25] { mask |= 1 << UInt64(bit) }
        return mask
    }()
    /// GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT.
    static let privileged: UInt64 = (1 << 1) | (1 << 8) | (1 << 15)
}
