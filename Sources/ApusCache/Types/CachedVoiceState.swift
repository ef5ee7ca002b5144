import ApusModel

/// A member's voice connection as the cache keeps it.
public struct CachedVoiceState: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// The voice channel the user is in.
    public var channelID: Snowflake
    /// The user.
    public var userID: Snowflake
    /// Server-deafened.
    public var isDeafened: Bool
    /// Server-muted.
    public var isMuted: Bool
    /// Self-deafened.
    public var isSelfDeafened: Bool
    /// Self-muted.
    public var isSelfMuted: Bool
    /// Suppressed (stage channels).
    public var isSuppressed: Bool
    /// Streaming ("Go Live").
    public var isStreaming: Bool
    /// Camera on.
    public var hasVideo: Bool

    /// Creates a cached voice state.
    public init(
        guildID: Snowflake, channelID: Snowflake, userID: Snowflake, isDeafened: Bool = false, isMuted: Bool = false,
        isSelfDeafened: Bool = false, isSelfMuted: Bool = false, isSuppressed: Bool = false, isStreaming: Bool = false,
        hasVideo: Bool = false
    ) {
        self.guildID = guildID
        self.channelID = channelID
        self.userID = userID
        self.isDeafened = isDeafened
        self.isMuted = isMuted
        self.isSelfDeafened = isSelfDeafened
        self.isSelfMuted = isSelfMuted
        self.isSuppressed = isSuppressed
        self.isStreaming = isStreaming
        self.hasVideo = hasVideo
    }
}

/// Stored form of a voice state: 17 bytes (stride 24).
struct VoiceStateRecord: IDKeyedRecord {
    var userID: UInt64
    var channelID: UInt64
    /// Bits 0-6: deaf, mute, self deaf, self mute, suppress, self stream, self video.
    var bits: UInt8

    var key: UInt64 { userID }

    init?(_ state: VoiceState) {
        guard let channel = state.channelID else { return nil }
        userID = state.userID.rawValue
        channelID = channel.rawValue
        let flags = [state.deaf, state.mute, state.selfDeaf, state.selfMute, state.suppress, state.selfStream ?? false,
                     state.selfVideo ?? false]
        bits = flags.enumerated().reduce(0) { $0 | ($1.element ? UInt8(1) << UInt8($1.offset) : 0) }
    }

    func cachedVoiceState(guildID: UInt64) -> CachedVoiceState {
        func bit(_ index: UInt8) -> Bool { bits & (1 << index) != 0 }
        return CachedVoiceState(
            guildID: Snowflake(guildID), channelID: Snowflake(channelID), userID: Snowflake(userID), isDeafened: bit(0),
            isMuted: bit(1), isSelfDeafened: bit(2), isSelfMuted: bit(3), isSuppressed: bit(4), isStreaming: bit(5),
            hasVideo: bit(6)
        )
    }
}
