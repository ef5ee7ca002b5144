/// Op 8 REQUEST_GUILD_MEMBERS.
public struct RequestGuildMembersCommand: Sendable, Hashable {
    /// The guild.
    public var guildID: Snowflake
    /// Username prefix to match ("" for all); mutually exclusive with `userIDs`.
    public var query: String?
    /// Specific users to fetch.
    public var userIDs: [Snowflake]?
    /// Maximum members to return (0 = no limit with `query: ""`).
    public var limit: Int
    /// Whether to include presences.
    public var presences: Bool?
    /// Echoed back in GUILD_MEMBERS_CHUNK (at most 32 bytes).
    public var nonce: String?

    /// Creates a member request.
    public init(guildID: Snowflake, query: String? = "", userIDs: [Snowflake]? = nil, limit: Int = 0,
                presences: Bool? = nil, nonce: String? = nil) {
        self.guildID = guildID
        self.query = query
        self.userIDs = userIDs
        self.limit = limit
        self.presences = presences
        self.nonce = nonce
    }

    /// The frame `{"op":8,"d":{…}}`.
    public func jsonBytes() -> [UInt8] {
        JSONWriter.frame(opcode: .requestGuildMembers) { writer in
            writer.beginObject()
            writer.key("guild_id"); writer.snowflake(guildID)
            if let userIDs {
                writer.key("user_ids")
                writer.beginArray()
                for id in userIDs { writer.snowflake(id) }
                writer.endArray()
            } else if let query {
                writer.key("query"); writer.string(query)
            }
            writer.key("limit"); writer.integer(limit)
            if let presences { writer.key("presences"); writer.bool(presences) }
            if let nonce { writer.key("nonce"); writer.string(nonce) }
            writer.endObject()
        }
    }
}
