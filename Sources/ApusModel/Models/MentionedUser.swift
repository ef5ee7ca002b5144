/// A user mentioned in a message, with their partial member when in a guild.
public struct MentionedUser: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `username`
    public var username: String
    /// `discriminator`
    public var discriminator: String?
    /// `global_name`
    public var globalName: String?
    /// `avatar`, held without allocating.
    public var avatarHash: ImageHash?
    /// `bot`
    public var bot: Bool?
    /// `public_flags`
    public var publicFlags: Int?
    /// `member`
    public var member: GuildMember?

    /// `avatar` as text; see ``avatarHash``.
    public var avatar: String? {
        get { avatarHash.text }
        set { avatarHash = newValue.map(ImageHash.init) }
    }

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedDiscriminator: String? = nil
        var decodedGlobalName: String? = nil
        var decodedAvatar: ImageHash? = nil
        var decodedBot: Bool? = nil
        var decodedPublicFlags: Int? = nil
        var decodedMember: GuildMember? = nil
        var idValue: Snowflake?
        var usernameValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "username":
                do { usernameValue = try reader.decode() } catch { throw error.prefixingPath("username") }
            case "discriminator":
                do { decodedDiscriminator = try reader.decodeNullable() } catch { throw error.prefixingPath("discriminator") }
            case "global_name":
                do { decodedGlobalName = try reader.decodeNullable() } catch { throw error.prefixingPath("global_name") }
            case "avatar":
                do { decodedAvatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "bot":
                do { decodedBot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            case "public_flags":
                do { decodedPublicFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("public_flags") }
            case "member":
                do { try reader.decodeNullable(into: &decodedMember) } catch { throw error.prefixingPath("member") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.username = try reader.require(usernameValue, "username")
        self.discriminator = decodedDiscriminator
        self.globalName = decodedGlobalName
        self.avatarHash = decodedAvatar
        self.bot = decodedBot
        self.publicFlags = decodedPublicFlags
        self.member = decodedMember
    }
}
