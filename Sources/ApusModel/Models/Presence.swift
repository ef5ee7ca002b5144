/// A user's presence (PRESENCE_UPDATE and GUILD_CREATE `presences`).
public struct Presence: Sendable, Hashable, JSONDecodable {
    /// `user`
    public var user: PartialUser
    /// `guild_id`
    public var guildID: Snowflake?
    /// `status`
    public var status: PresenceStatus?
    /// `activities`
    public var activities: [Activity]?
    /// `client_status`
    public var clientStatus: ClientStatus?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedGuildID: Snowflake? = nil
        var decodedStatus: PresenceStatus? = nil
        var decodedActivities: [Activity]? = nil
        var decodedClientStatus: ClientStatus? = nil
        var userValue: PartialUser?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "user":
                do { userValue = try reader.decode() } catch { throw error.prefixingPath("user") }
            case "guild_id":
                do { decodedGuildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "status":
                do { decodedStatus = try reader.decodeNullable() } catch { throw error.prefixingPath("status") }
            case "activities":
                do { decodedActivities = try reader.decodeNullable() } catch { throw error.prefixingPath("activities") }
            case "client_status":
                do { decodedClientStatus = try reader.decodeNullable() } catch { throw error.prefixingPath("client_status") }
            default: try reader.skipValue()
            }
        }
        self.user = try reader.require(userValue, "user")
        self.guildID = decodedGuildID
        self.status = decodedStatus
        self.activities = decodedActivities
        self.clientStatus = decodedClientStatus
    }
}
