/// A GUILD_MEMBER_UPDATE body.
public struct GuildMemberUpdate: Sendable, Hashable, JSONDecodable {
    /// `guild_id`
    public var guildID: Snowflake
    /// `roles`
    public var roles: [Snowflake]
    /// `user`
    public var user: User
    /// `nick`
    public var nick: String?
    /// `avatar`
    public var avatar: String?
    /// `banner`
    public var banner: String?
    /// `joined_at`
    public var joinedAt: DiscordTimestamp?
    /// `premium_since`
    public var premiumSince: DiscordTimestamp?
    /// `deaf`
    public var deaf: Bool?
    /// `mute`
    public var mute: Bool?
    /// `pending`
    public var pending: Bool?
    /// `flags`
    public var flags: Int?
    /// `communication_disabled_until`
    public var communicationDisabledUntil: DiscordTimestamp?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var guildIDValue: Snowflake?
        var rolesValue: [Snowflake]?
        var userValue: User?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "guild_id":
                do { guildIDValue = try reader.decode() } catch { throw error.prefixingPath("guild_id") }
            case "roles":
                do { rolesValue = try reader.decode() } catch { throw error.prefixingPath("roles") }
            case "user":
                do { userValue = try reader.decode() } catch { throw error.prefixingPath("user") }
            case "nick":
                do { self.nick = try reader.decodeNullable() } catch { throw error.prefixingPath("nick") }
            case "avatar":
                do { self.avatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "banner":
                do { self.banner = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
            case "joined_at":
                do { self.joinedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("joined_at") }
            case "premium_since":
                do { self.premiumSince = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_since") }
            case "deaf":
                do { self.deaf = try reader.decodeNullable() } catch { throw error.prefixingPath("deaf") }
            case "mute":
                do { self.mute = try reader.decodeNullable() } catch { throw error.prefixingPath("mute") }
            case "pending":
                do { self.pending = try reader.decodeNullable() } catch { throw error.prefixingPath("pending") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "communication_disabled_until":
                do { self.communicationDisabledUntil = try reader.decodeNullable() } catch { throw error.prefixingPath("communication_disabled_until") }
            default: try reader.skipValue()
            }
        }
        self.guildID = try reader.require(guildIDValue, "guild_id")
        self.roles = try reader.require(rolesValue, "roles")
        self.user = try reader.require(userValue, "user")
    }
}
