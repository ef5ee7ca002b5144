/// A GUILD_ROLE_CREATE or GUILD_ROLE_UPDATE body.
public struct GuildRoleEvent: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `role`
    public var role: Role

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var guildIDValue: Snowflake?
        var roleValue: Role?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "role":
                do { roleValue = try reader.decode() } catch { throw error.prefixingPath("role") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.role = try reader.require(roleValue, "role")
    }
}
