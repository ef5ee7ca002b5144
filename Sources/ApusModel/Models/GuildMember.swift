/// A guild member.
public struct GuildMember: Sendable, Hashable, JSONDecodable {
    /// `user`
    public var user: User?
    /// `nick`
    public var nick: String?
    /// `avatar` (the guild avatar), held without allocating.
    public var avatarHash: ImageHash?
    /// `banner` (the guild banner), held without allocating.
    public var bannerHash: ImageHash?
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

    /// `avatar` as text; see ``avatarHash``.
    public var avatar: String? {
        get { avatarHash.text }
        set { avatarHash = newValue.map(ImageHash.init) }
    }

    /// `banner` as text; see ``bannerHash``.
    public var banner: String? {
        get { bannerHash.text }
        set { bannerHash = newValue.map(ImageHash.init) }
    }

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedUser: User? = nil
        var decodedNick: String? = nil
        var decodedAvatar: ImageHash? = nil
        var decodedBanner: ImageHash? = nil
        var decodedJoinedAt: DiscordTimestamp? = nil
        var decodedPremiumSince: DiscordTimestamp? = nil
        var decodedDeaf: Bool? = nil
        var decodedMute: Bool? = nil
        var decodedFlags: Int? = nil
        var decodedPending: Bool? = nil
        var decodedPermissions: Permissions? = nil
        var decodedCommunicationDisabledUntil: DiscordTimestamp? = nil
        var rolesValue: [Snowflake]?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "user":
                // Documentation examples show `"user": {}` for "not sent"; an empty object carries no user.
                do {
                    if try reader.consumeEmptyObject() { decodedUser = nil } else { decodedUser = try reader.decodeNullable() }
                } catch { throw error.prefixingPath("user") }
            case "nick":
                do { decodedNick = try reader.decodeNullable() } catch { throw error.prefixingPath("nick") }
            case "avatar":
                do { decodedAvatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "banner":
                do { decodedBanner = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
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
            case "permissions":
                do { decodedPermissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "communication_disabled_until":
                do { decodedCommunicationDisabledUntil = try reader.decodeNullable() } catch { throw error.prefixingPath("communication_disabled_until") }
            default: try reader.skipValue()
            }
        }
        self.roles = try reader.require(rolesValue, "roles")
        self.user = decodedUser
        self.nick = decodedNick
        self.avatarHash = decodedAvatar
        self.bannerHash = decodedBanner
        self.joinedAt = decodedJoinedAt
        self.premiumSince = decodedPremiumSince
        self.deaf = decodedDeaf
        self.mute = decodedMute
        self.flags = decodedFlags
        self.pending = decodedPending
        self.permissions = decodedPermissions
        self.communicationDisabledUntil = decodedCommunicationDisabledUntil
    }
}
