/// A MESSAGE_REACTION_REMOVE_ALL body.
public struct MessageReactionRemoveAll: Sendable, Hashable, JSONDecodable {
    /// `channel_id`
    public var channelID: Snowflake
    /// `message_id`
    public var messageID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var channelIDValue: Snowflake?
        var messageIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "message_id":
                do { messageIDValue = try reader.decode() } catch { throw error.prefixingPath("message_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            default: try reader.skipValue()
            }
        }
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.messageID = try reader.require(messageIDValue, "message_id")
        self.guildID = decodedGuildID
    }
}
