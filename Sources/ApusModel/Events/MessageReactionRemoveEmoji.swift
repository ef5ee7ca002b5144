/// A MESSAGE_REACTION_REMOVE_EMOJI body.
public struct MessageReactionRemoveEmoji: Sendable, Hashable, JSONDecodable {
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `message_id`
    public var messageID: Snowflake
    /// `emoji`
    public var emoji: Emoji

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var channelIDValue: Snowflake?
        var messageIDValue: Snowflake?
        var emojiValue: Emoji?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "message_id":
                do { messageIDValue = try reader.decode() } catch { throw error.prefixingPath("message_id") }
            case "emoji":
                do { emojiValue = try reader.decode() } catch { throw error.prefixingPath("emoji") }
            default: try reader.skipValue()
            }
        }
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.messageID = try reader.require(messageIDValue, "message_id")
        self.emoji = try reader.require(emojiValue, "emoji")
        self.guildID = decodedGuildID
    }
}
