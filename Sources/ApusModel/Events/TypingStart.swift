/// A TYPING_START body.
public struct TypingStart: Sendable, Hashable, JSONDecodable {
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `user_id`
    public var userID: Snowflake
    /// `timestamp`
    public var timestamp: Int64
    /// `member`
    public var member: GuildMember?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var decodedMember: GuildMember? = nil
        var channelIDValue: Snowflake?
        var userIDValue: Snowflake?
        var timestampValue: Int64?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "user_id":
                do { userIDValue = try reader.decode() } catch { throw error.prefixingPath("user_id") }
            case "timestamp":
                do { timestampValue = try reader.decode() } catch { throw error.prefixingPath("timestamp") }
            case "member":
                do { try reader.decodeNullable(into: &decodedMember) } catch { throw error.prefixingPath("member") }
            default: try reader.skipValue()
            }
        }
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.userID = try reader.require(userIDValue, "user_id")
        self.timestamp = try reader.require(timestampValue, "timestamp")
        self.guildID = decodedGuildID
        self.member = decodedMember
    }
}
