/// A guild member.
public struct GuildMember: Sendable, Hashable, JSONDecodable {
    /// `user`
    public var user: User?
    /// `nick`
    public var nick: String?
    /// `avatar`
    public var avatar: String?
    /// `banner`
    public var banner: String?
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
    /// `permissions`
    public var permissions: Permissions?
    /// `communication_disabled_until`
    public var communicationDisabledUntil: DiscordTimestamp?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var rolesValue: [Snowflake]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "user":
                // Documentation examples show `"user": {}` for "not sent"; an empty object carries no user.
                do {
                    if try reader.consumeEmptyObject() { self.user = nil } else { self.user = try reader.decodeNullable() }
                } catch { throw error.prefixingPath("user") }
            case "nick":
                do { self.nick = try reader.decodeNullable() } catch { throw error.prefixingPath("nick") }
            case "avatar":
                do { self.avatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "banner":
                do { self.banner = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
            case "roles":
                do { rolesValue = try reader.decode() } catch { throw error.prefixingPath("roles") }
            case "joined_at":
                do { self.joinedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("joined_at") }
            case "premium_since":
                do { self.premiumSince = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_since") }
            case "deaf":
                do { self.deaf = try reader.decodeNullable() } catch { throw error.prefixingPath("deaf") }
            case "mute":
                do { self.mute = try reader.decodeNullable() } catch { throw error.prefixingPath("mute") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "pending":
                do { self.pending = try reader.decodeNullable() } catch { throw error.prefixingPath("pending") }
            case "permissions":
                do { self.permissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "communication_disabled_until":
                do { self.communicationDisabledUntil = try reader.decodeNullable() } catch { throw error.prefixingPath("communication_disabled_until") }
            default: try reader.skipValue()
            }
        }
        self.roles = try reader.require(rolesValue, "roles")
    }
}
