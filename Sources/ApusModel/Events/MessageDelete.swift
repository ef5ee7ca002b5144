/// A MESSAGE_DELETE body.
public struct MessageDelete: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `channel_id`
    public var channelID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var idValue: Snowflake?
        var channelIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "channel_id":
                do { channelIDValue = try reader.decode() } catch { throw error.prefixingPath("channel_id") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.channelID = try reader.require(channelIDValue, "channel_id")
        self.guildID = decodedGuildID
    }
}
