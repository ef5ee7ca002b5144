/// A GUILD_EMOJIS_UPDATE body.
public struct GuildEmojisUpdate: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `emojis`
    public var emojis: [Emoji]

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var guildIDValue: Snowflake?
        var emojisValue: [Emoji]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "emojis":
                do { emojisValue = try reader.decode() } catch { throw error.prefixingPath("emojis") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.emojis = try reader.require(emojisValue, "emojis")
    }
}
