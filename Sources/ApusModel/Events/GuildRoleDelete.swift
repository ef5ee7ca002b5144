/// A GUILD_ROLE_DELETE body.
public struct GuildRoleDelete: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `role_id`
    public var roleID: Snowflake

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var guildIDValue: Snowflake?
        var roleIDValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "role_id":
                do { roleIDValue = try reader.decode() } catch { throw error.prefixingPath("role_id") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.roleID = try reader.require(roleIDValue, "role_id")
    }
}
