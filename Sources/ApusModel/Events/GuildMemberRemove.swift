/// A GUILD_MEMBER_REMOVE body.
public struct GuildMemberRemove: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `user`
    public var user: User

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var guildIDValue: Snowflake?
        var userValue: User?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "user":
                do { userValue = try reader.decode() } catch { throw error.prefixingPath("user") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.user = try reader.require(userValue, "user")
    }
}
