/// A GUILD_MEMBERS_CHUNK body (answer to REQUEST_GUILD_MEMBERS).
public struct GuildMembersChunk: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `members`
    public var members: [GuildMember]
    /// `chunk_index`
    public var chunkIndex: Int
    /// `chunk_count`
    public var chunkCount: Int
    /// `not_found`
    public var notFound: [Snowflake]?
    /// `presences`
    public var presences: [Presence]?
    /// `nonce`
    public var nonce: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedNotFound: [Snowflake]? = nil
        var decodedPresences: [Presence]? = nil
        var decodedNonce: String? = nil
        var guildIDValue: Snowflake?
        var membersValue: [GuildMember]?
        var chunkIndexValue: Int?
        var chunkCountValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "members":
                do { membersValue = try reader.decode() } catch { throw error.prefixingPath("members") }
            case "chunk_index":
                do { chunkIndexValue = try reader.decode() } catch { throw error.prefixingPath("chunk_index") }
            case "chunk_count":
                do { chunkCountValue = try reader.decode() } catch { throw error.prefixingPath("chunk_count") }
            case "not_found":
                do { decodedNotFound = try reader.decodeNullable() } catch { throw error.prefixingPath("not_found") }
            case "presences":
                do { decodedPresences = try reader.decodeNullable() } catch { throw error.prefixingPath("presences") }
            case "nonce":
                do { decodedNonce = try reader.decodeNullable() } catch { throw error.prefixingPath("nonce") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.members = try reader.require(membersValue, "members")
        self.chunkIndex = try reader.require(chunkIndexValue, "chunk_index")
        self.chunkCount = try reader.require(chunkCountValue, "chunk_count")
        self.notFound = decodedNotFound
        self.presences = decodedPresences
        self.nonce = decodedNonce
    }
}
