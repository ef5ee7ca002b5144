/// A channel mentioned in a cross-posted message.
public struct ChannelMention: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `guild_id`
    public var guildID: Snowflake
    /// `type`
    public var `type`: ChannelType
    /// `name`
    public var name: String

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var guildIDValue: Snowflake?
        var typeValue: ChannelType?
        var nameValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.type = try reader.require(typeValue, "type")
        self.name = try reader.require(nameValue, "name")
    }
}
