/// A MESSAGE_DELETE_BULK body.
public struct MessageDeleteBulk: Sendable, Hashable, JSONDecodable {
    /// `ids`
    public var ids: [Snowflake]
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var idsValue: [Snowflake]?
        var channelIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "ids":
                do { idsValue = try reader.decode() } catch { throw error.prefixingPath("ids") }
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            default: try reader.skipValue()
            }
        }
        self.ids = try reader.require(idsValue, "ids")
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.guildID = decodedGuildID
    }
}
