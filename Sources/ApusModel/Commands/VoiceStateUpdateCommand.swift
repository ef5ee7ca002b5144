/// Op 4 VOICE_STATE_UPDATE: join, move or leave a voice channel.
public struct VoiceStateUpdateCommand: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// The channel to join, nil to disconnect.
    public var channelID: Snowflake?
    /// Self-mute.
    public var selfMute: Bool
    /// Self-deafen.
    public var selfDeaf: Bool

    /// Creates a voice state update.
    public init(guildID: Snowflake, channelID: Snowflake?, selfMute: Bool = false, selfDeaf: Bool = false) {
        self.guildID = guildID
        self.channelID = channelID
        self.selfMute = selfMute
        self.selfDeaf = selfDeaf
    }

    /// The frame `{"op":4,"d":{…}}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .voiceStateUpdate) { writer in
            writer.beginObject()
            writer.key("guild_id"); writer.snowflake(guildID)
            writer.key("channel_id")
            if let channelID { writer.snowflake(channelID) } else { writer.null() }
            writer.key("self_mute"); writer.bool(selfMute)
            writer.key("self_deaf"); writer.bool(selfDeaf)
            writer.endObject()
        }
    }
}
