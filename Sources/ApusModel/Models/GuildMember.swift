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

    /// A member with no roles and nothing else set, to be overwritten by ``decodeFields(from:)``.
    init(emptyForDecoding: Void) {
        roles = []
    }

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self.init(emptyForDecoding: ())
        try decodeFields(from: &reader)
    }

    /// Decodes a member object into this value, writing each field in place (a ``Message`` decodes its `member`
    /// this way instead of copying a finished member in). Fields absent from the JSON keep their current values, so
    /// call it on ``init(emptyForDecoding:)``. Unknown keys are skipped; `roles` is required.
    mutating func decodeFields(from reader: inout JSONReader) throws(JSONDecodingError) {
        var sawRoles = false
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "user":
                // Documentation examples show `"user": {}` for "not sent"; an empty object carries no user.
                do {
                    if try reader.consumeEmptyObject() { user = nil } else { try reader.decodeNullable(into: &user) }
                } catch { throw error.prefixingPath("user") }
            case "nick":
                do { nick = try reader.decodeNullable() } catch { throw error.prefixingPath("nick") }
            case "avatar":
                do { avatarHash = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "banner":
                do { bannerHash = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
            case "roles":
                do { roles = try reader.decode() } catch { throw error.prefixingPath("roles") }
                sawRoles = true
            case "joined_at":
                do { joinedAt = try reader.decodeNullable() } catch { throw error.prefixingPath("joined_at") }
            case "premium_since":
                do { premiumSince = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_since") }
            case "deaf":
                do { deaf = try reader.decodeNullable() } catch { throw error.prefixingPath("deaf") }
            case "mute":
                do { mute = try reader.decodeNullable() } catch { throw error.prefixingPath("mute") }
            case "flags":
                do { flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "pending":
                do { pending = try reader.decodeNullable() } catch { throw error.prefixingPath("pending") }
            case "permissions":
                do { permissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "communication_disabled_until":
                do { communicationDisabledUntil = try reader.decodeNullable() } catch {
                    throw error.prefixingPath("communication_disabled_until")
                }
            default: try reader.skipValue()
            }
        }
        guard sawRoles else { throw reader.error(.missingField("roles")) }
    }
}

extension GuildMember: InPlaceDecodable {}
