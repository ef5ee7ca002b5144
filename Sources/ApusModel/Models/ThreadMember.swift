/// A user's membership in a thread.
public struct ThreadMember: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake?
    /// `user_id`
    public var userID: Snowflake?
    /// `join_timestamp`
    public var joinTimestamp: DiscordTimestamp
    /// `flags`
    public var flags: Int
    /// `member`
    public var member: GuildMember?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var joinTimestampValue: DiscordTimestamp?
        var flagsValue: Int?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { self.id = try reader.decodeNullable() } catch { throw error.prefixingPath("id") }
            case "user_id":
                do { self.userID = try reader.decodeNullable() } catch { throw error.prefixingPath("user_id") }
            case "join_timestamp":
                do { joinTimestampValue = try reader.decode() } catch { throw error.prefixingPath("join_timestamp") }
            case "flags":
                do { flagsValue = try reader.decode() } catch { throw error.prefixingPath("flags") }
            case "member":
                do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
            default: try reader.skipValue()
            }
        }
        self.joinTimestamp = try reader.require(joinTimestampValue, "join_timestamp")
        self.flags = try reader.require(flagsValue, "flags")
    }
}
