/// An interaction (INTERACTION_CREATE or an HTTP interaction POST).
public struct Interaction: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `application_id`
    public var applicationID: Snowflake?
    /// `type`
    public var `type`: InteractionType
    /// `data`
    public var data: InteractionData?
    /// `guild`
    public var guild: Indirect<PartialGuild>?
    /// `guild_id`
    public var guildID: Snowflake?
    /// `channel`
    public var channel: Indirect<Channel>?
    /// `channel_id`
    public var channelID: Snowflake?
    /// `member`
    public var member: GuildMember?
    /// `user`
    public var user: User?
    /// `token`
    public var token: String
    /// `version`
    public var version: Int?
    /// `message`
    public var message: Indirect<Message>?
    /// `app_permissions`
    public var appPermissions: Permissions?
    /// `locale`
    public var locale: String?
    /// `guild_locale`
    public var guildLocale: String?
    /// `entitlements`
    public var entitlements: RawJSON?
    /// `authorizing_integration_owners`
    public var authorizingIntegrationOwners: RawJSON?
    /// `context`
    public var context: Int?
    /// `attachment_size_limit`
    public var attachmentSizeLimit: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var typeValue: InteractionType?
        var tokenValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "application_id":
                do { self.applicationID = try reader.decodeNullable() } catch { throw error.prefixingPath("application_id") }
            case "type":
                do { typeValue = try reader.decode() } catch { throw error.prefixingPath("type") }
            case "data":
                do { self.data = try reader.decodeNullable() } catch { throw error.prefixingPath("data") }
            case "guild":
                do { self.guild = try reader.decodeNullable() } catch { throw error.prefixingPath("guild") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "channel":
                do { self.channel = try reader.decodeNullable() } catch { throw error.prefixingPath("channel") }
            case "channel_id":
                do { self.channelID = try reader.decodeNullable() } catch { throw error.prefixingPath("channel_id") }
            case "member":
                do { self.member = try reader.decodeNullable() } catch { throw error.prefixingPath("member") }
            case "user":
                do { self.user = try reader.decodeNullable() } catch { throw error.prefixingPath("user") }
            case "token":
                do { tokenValue = try reader.decode() } catch { throw error.prefixingPath("token") }
            case "version":
                do { self.version = try reader.decodeNullable() } catch { throw error.prefixingPath("version") }
            case "message":
                do { self.message = try reader.decodeNullable() } catch { throw error.prefixingPath("message") }
            case "app_permissions":
                do { self.appPermissions = try reader.decodeNullable() } catch { throw error.prefixingPath("app_permissions") }
            case "locale":
                do { self.locale = try reader.decodeNullable() } catch { throw error.prefixingPath("locale") }
            case "guild_locale":
                do { self.guildLocale = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_locale") }
            case "entitlements":
                do { self.entitlements = try reader.decodeNullable() } catch { throw error.prefixingPath("entitlements") }
            case "authorizing_integration_owners":
                do { self.authorizingIntegrationOwners = try reader.decodeNullable() } catch { throw error.prefixingPath("authorizing_integration_owners") }
            case "context":
                do { self.context = try reader.decodeNullable() } catch { throw error.prefixingPath("context") }
            case "attachment_size_limit":
                do { self.attachmentSizeLimit = try reader.decodeNullable() } catch { throw error.prefixingPath("attachment_size_limit") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.type = try reader.require(typeValue, "type")
        self.token = try reader.require(tokenValue, "token")
    }
}
