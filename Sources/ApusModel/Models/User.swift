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
    /// The avatar hash (`avatar`).
    public var avatar: String?
    /// Whether the user is a bot.
    public var bot: Bool?
    /// Whether the user is Discord's official system user.
    public var system: Bool?
    /// Whether two-factor authentication is on (`mfa_enabled`; OAuth2 and `/users/@me` only).
    public var mfaEnabled: Bool?
    /// The banner hash.
    public var banner: String?
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

    /// Decodes a user object.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var id: Snowflake?
        var username: String?
        var discriminator: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { id = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "username":
                do { username = try reader.decode() } catch { throw error.prefixingPath("username") }
            case "discriminator":
                do { discriminator = try reader.decode() } catch { throw error.prefixingPath("discriminator") }
            case "global_name":
                do { globalName = try reader.decodeNullable() } catch { throw error.prefixingPath("global_name") }
            case "avatar":
                do { avatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "bot":
                do { bot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            case "system":
                do { system = try reader.decodeNullable() } catch { throw error.prefixingPath("system") }
            case "mfa_enabled":
                do { mfaEnabled = try reader.decodeNullable() } catch { throw error.prefixingPath("mfa_enabled") }
            case "banner":
                do { banner = try reader.decodeNullable() } catch { throw error.prefixingPath("banner") }
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
        self.id = try reader.require(id, "id")
        self.username = try reader.require(username, "username")
        self.discriminator = discriminator ?? "0"
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
    /// The avatar hash (`avatar`).
    public var avatar: String?
    /// Whether the user is a bot.
    public var bot: Bool?

    /// Decodes a partial user object.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var id: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { id = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "username":
                do { username = try reader.decodeNullable() } catch { throw error.prefixingPath("username") }
            case "discriminator":
                do { discriminator = try reader.decodeNullable() } catch { throw error.prefixingPath("discriminator") }
            case "global_name":
                do { globalName = try reader.decodeNullable() } catch { throw error.prefixingPath("global_name") }
            case "avatar":
                do { avatar = try reader.decodeNullable() } catch { throw error.prefixingPath("avatar") }
            case "bot":
                do { bot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(id, "id")
    }
}
