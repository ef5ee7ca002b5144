/// A MESSAGE_REACTION_REMOVE body.
public struct MessageReactionRemove: Sendable, Hashable, JSONDecodable {
    /// `user_id`
    public var userID: Snowflake
    /// `channel_id`
    public var channelID: Snowflake
    /// `message_id`
    public var messageID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `emoji`
    public var emoji: Emoji
    /// `burst`
    public var burst: Bool?
    /// `type`
    public var `type`: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var decodedBurst: Bool? = nil
        var decodedType: Int? = nil
        var userIDValue: Snowflake?
        var channelIDValue: Snowflake?
        var messageIDValue: Snowflake?
        var emojiValue: Emoji?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "user_id":
                do { userIDValue = try reader.decode() } catch { throw error.prefixingPath("user_id") }
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "message_id":
                do { messageIDValue = try reader.decode() } catch { throw error.prefixingPath("message_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "emoji":
                do { emojiValue = try reader.decode() } catch { throw error.prefixingPath("emoji") }
            case "burst":
                do { decodedBurst = try reader.decodeNullable() } catch { throw error.prefixingPath("burst") }
            case "type":
                do { decodedType = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            default: try reader.skipValue()
            }
        }
        self.userID = try reader.require(userIDValue, "user_id")
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.messageID = try reader.require(messageIDValue, "message_id")
        self.emoji = try reader.require(emojiValue, "emoji")
        self.guildID = decodedGuildID
        self.burst = decodedBurst
        self.`type` = decodedType
    }
}
