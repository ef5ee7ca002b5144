/// A Discord user.
public struct User: Sendable, Hashable, JSONDecodable {
    /// The user's id.
    public var id: Snowflake
    /// The username (unique on the new username system).
    public var username: String
    /// `"0"` for users on the new username system.
    public var discriminator: String
    /// The display name, if set (`global_name`).
    public var globalName: String?
    /// The avatar hash (`avatar`), held without allocating.
    public var avatarHash: ImageHash?
    /// Whether the user is a bot.
    public var bot: Bool?
    /// Whether the user is Discord's official system user.
    public var system: Bool?
    /// Whether two-factor authentication is on (`mfa_enabled`; OAuth2 and `/users/@me` only).
    public var mfaEnabled: Bool?
    /// The banner hash (`banner`), held without allocating.
    public var bannerHash: ImageHash?
    /// The banner colour as an integer (`accent_color`).
    public var accentColor: Int?
    /// The chosen language (`locale`).
    public var locale: String?
    /// Whether the e-mail is verified.
    public var verified: Bool?
    /// The e-mail address (with the `email` scope only).
    public var email: String?
    /// The user's flags.
    public var flags: Int?
    /// The Nitro level (`premium_type`).
    public var premiumType: Int?
    /// The public flags (`public_flags`).
    public var publicFlags: Int?

    /// The avatar hash as text (`avatar`); see ``avatarHash`` for the form that does not allocate.
    public var avatar: String? {
        get { avatarHash.text }
        set { avatarHash = newValue.map(ImageHash.init) }
    }

    /// The banner hash as text (`banner`); see ``bannerHash``.
    public var banner: String? {
        get { bannerHash.text }
        set { bannerHash = newValue.map(ImageHash.init) }
    }

    /// A user with no id and an empty name, to be overwritten by a decoder that writes in place (``Message``).
    init(emptyForDecoding: Void) {
        id = Snowflake(0)
        username = ""
        discriminator = "0"
    }

    /// Decodes a user object.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        self.init(emptyForDecoding: ())
        try decodeFields(from: &reader)
    }

    /// Decodes a user object into this value, writing each field in place (a ``Message`` decodes its author this
    /// way, so the user is never assembled elsewhere and copied in). Fields absent from the JSON keep their current
    /// values, so call it on ``init(emptyForDecoding:)``. Unknown keys are skipped; `id` and `username` are required.
    mutating func decodeFields(from reader: inout JSONReader) throws(JSONDecodingError) {
        var seen: UInt8 = 0
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { id = try reader.decode() } catch { throw error.prefixingPath("id") }
                seen |= 1
            case "username":
                do { username = try reader.decode() } catch { throw error.prefixingPath("username") }
                seen |= 2
            case "discriminator":
                do { discriminator = try reader.decode() } catch { throw error.prefixingPath("discriminator") }
            case "global_name":
                do { globalName = try reader.decodeNullable() } catch { throw error.prefixingPath("global_name") }
            case "avatar":
                do { avatarHash = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "bot":
                do { bot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            case "system":
                do { system = try reader.decodeNullable() } catch { throw error.prefixingPath("system") }
            case "mfa_enabled":
                do { mfaEnabled = try reader.decodeNullable() } catch { throw error.prefixingPath("mfa_enabled") }
            case "banner":
                do { bannerHash = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
            case "accent_color":
                do { accentColor = try reader.decodeNullable() } catch { throw error.prefixingPath("accent_color") }
            case "locale":
                do { locale = try reader.decodeNullable() } catch { throw error.prefixingPath("locale") }
            case "verified":
                do { verified = try reader.decodeNullable() } catch { throw error.prefixingPath("verified") }
            case "email":
                do { email = try reader.decodeNullable() } catch { throw error.prefixingPath("email") }
            case "flags":
                do { flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "premium_type":
                do { premiumType = try reader.decodeNullable() } catch { throw error.prefixingPath("premium_type") }
            case "public_flags":
                do { publicFlags = try reader.decodeNullable() } catch { throw error.prefixingPath("public_flags") }
            default: try reader.skipValue()
            }
        }
        guard seen & 1 != 0 else { throw reader.error(.missingField("id")) }
        guard seen & 2 != 0 else { throw reader.error(.missingField("username")) }
    }
}

/// A user object of which only the id is guaranteed (presence updates, some partial payloads).
public struct PartialUser: Sendable, Hashable, JSONDecodable {
    /// The user's id.
    public var id: Snowflake
    /// The username (unique on the new username system).
    public var username: String?
    /// The legacy discriminator, if sent.
    public var discriminator: String?
    /// The display name, if set (`global_name`).
    public var globalName: String?
    /// The avatar hash (`avatar`), held without allocating.
    public var avatarHash: ImageHash?
    /// Whether the user is a bot.
    public var bot: Bool?

    /// The avatar hash as text (`avatar`); see ``avatarHash``.
    public var avatar: String? {
        get { avatarHash.text }
        set { avatarHash = newValue.map(ImageHash.init) }
    }

    /// Decodes a partial user object.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var decodedUsername: String? = nil
        var decodedDiscriminator: String? = nil
        var decodedGlobalName: String? = nil
        var decodedAvatar: ImageHash? = nil
        var decodedBot: Bool? = nil
        var id: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { id = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "username":
                do { decodedUsername = try reader.decodeNullable() } catch { throw error.prefixingPath("username") }
            case "discriminator":
                do { decodedDiscriminator = try reader.decodeNullable() } catch { throw error.prefixingPath("discriminator") }
            case "global_name":
                do { decodedGlobalName = try reader.decodeNullable() } catch { throw error.prefixingPath("global_name") }
            case "avatar":
                do { decodedAvatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "bot":
                do { decodedBot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(id, "id")
        self.username = decodedUsername
        self.discriminator = decodedDiscriminator
        self.globalName = decodedGlobalName
        self.avatarHash = decodedAvatar
        self.bot = decodedBot
    }
}

extension User: InPlaceDecodable {}
