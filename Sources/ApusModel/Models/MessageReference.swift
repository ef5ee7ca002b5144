/// A reply, forward or crosspost reference.
public struct MessageReference: Sendable, Hashable, JSONDecodable {
    /// `type`
    public var `type`: Int?
    /// `message_id`
    public var messageID: Snowflake?
    /// `channel_id`
    public var channelID: Snowflake?
    /// `guild_id`
    public var guildID: Snowflake?
    /// `fail_if_not_exists`
    public var failIfNotExists: Bool?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "type":
                do { self.type = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "message_id":
                do { self.messageID = try reader.decodeNullable() } catch { throw error.prefixingPath("message_id") }
            case "channel_id":
                do { self.channelID = try reader.decodeNullable() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "fail_if_not_exists":
                do { self.failIfNotExists = try reader.decodeNullable() } catch { throw error.prefixingPath("fail_if_not_exists") }
            default: try reader.skipValue()
            }
        }
    }
}
