/// A GUILD_MEMBER_ADD body: a member plus its guild id.
public struct GuildMemberAdd: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `user`
    public var user: User?
    /// `nick`
    public var nick: String?
    /// `avatar`
    public var avatar: String?
    /// `roles`
    public var roles: [Snowflake]
    /// `joined_at`
    public var joinedAt: DiscordTimestamp?
    /// `premium_since`
    public var premiumSince: DiscordTimestamp?
    /// `deaf`
    public var deaf: Bool?
    /// `mute`
    public var mute: Bool?
    /// `flags`
    public var flags: Int?
    /// `pending`
    public var pending: Bool?
    /// `communication_disabled_until`
    public var communicationDisabledUntil: DiscordTimestamp?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedUser: User? = nil
        var decodedNick: String? = nil
        var decodedAvatar: String? = nil
        var decodedJoinedAt: DiscordTimestamp? = nil
        var decodedPremiumSince: DiscordTimestamp? = nil
        var decodedDeaf: Bool? = nil
        var decodedMute: Bool? = nil
        var decodedFlags: Int? = nil
        var decodedPending: Bool? = nil
        var decodedCommunicationDisabledUntil: DiscordTimestamp? = nil
        var guildIDValue: Snowflake?
        var rolesValue: [Snowflake]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "user":
                do { try reader.decodeNullable(into: &decodedUser) } catch { throw error.prefixingPath("user") }
            case "nick":
                do { decodedNick = try reader.decodeNullable() } catch { throw error.prefixingPath("nick") }
            case "avatar":
                do { decodedAvatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "roles":
                do { rolesValue = try reader.decode() } catch { throw error.prefixingPath("roles") }
            case "joined_at":
                do { decodedJoinedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("joined_at") }
            case "premium_since":
                do { decodedPremiumSince = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_since") }
            case "deaf":
                do { decodedDeaf = try reader.decodeNullable() } catch { throw error.prefixingPath("deaf") }
            case "mute":
                do { decodedMute = try reader.decodeNullable() } catch { throw error.prefixingPath("mute") }
            case "flags":
                do { decodedFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "pending":
                do { decodedPending = try reader.decodeNullable() } catch { throw error.prefixingPath("pending") }
            case "communication_disabled_until":
                do { decodedCommunicationDisabledUntil = try reader.decodeNullable() } catch { throw error.prefixingPath("communication_disabled_until") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.roles = try reader.require(rolesValue, "roles")
        self.user = decodedUser
        self.nick = decodedNick
        self.avatar = decodedAvatar
        self.joinedAt = decodedJoinedAt
        self.premiumSince = decodedPremiumSince
        self.deaf = decodedDeaf
        self.mute = decodedMute
        self.flags = decodedFlags
        self.pending = decodedPending
        self.communicationDisabledUntil = decodedCommunicationDisabledUntil
    }
}
