/// A MESSAGE_REACTION_ADD body.
public struct MessageReactionAdd: Sendable, Hashable, JSONDecodable {
    /// `user_id`
    public var userID: Snowflake
    /// `channel_id`
    public var channelID: Snowflake
    /// `message_id`
    public var messageID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `member`
    public var member: GuildMember?
    /// `emoji`
    public var emoji: Emoji
    /// `message_author_id`
    public var messageAuthorID: Snowflake?
    /// `burst`
    public var burst: Bool?
    /// `burst_colors`
    public var burstColors: [String]?
    /// `type`
    public var `type`: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var decodedMember: GuildMember? = nil
        var decodedMessageAuthorID: Snowflake? = nil
        var decodedBurst: Bool? = nil
        var decodedBurstColors: [String]? = nil
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
            case "member":
                do { try reader.decodeNullable(into: &decodedMember) } catch { throw error.prefixingPath("member") }
            case "emoji":
                do { emojiValue = try reader.decode() } catch { throw error.prefixingPath("emoji") }
            case "message_author_id":
                do { decodedMessageAuthorID = try reader.decodeNullable() } catch { throw error.prefixingPath("message_author_id") }
            case "burst":
                do { decodedBurst = try reader.decodeNullable() } catch { throw error.prefixingPath("burst") }
            case "burst_colors":
                do { decodedBurstColors = try reader.decodeNullable() } catch { throw error.prefixingPath("burst_colors") }
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
        self.member = decodedMember
        self.messageAuthorID = decodedMessageAuthorID
        self.burst = decodedBurst
        self.burstColors = decodedBurstColors
        self.`type` = decodedType
    }
}
