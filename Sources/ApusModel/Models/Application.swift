/// A (partial) application, e.g. GET /oauth2/applications/@me.
public struct Application: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String
    /// `icon`
    public var icon: String?
    /// `description`
    public var description: String
    /// `bot_public`
    public var botPublic: Bool?
    /// `bot_require_code_grant`
    public var botRequireCodeGrant: Bool?
    /// `bot`
    public var bot: User?
    /// `owner`
    public var owner: User?
    /// `verify_key`
    public var verifyKey: String
    /// `flags`
    public var flags: Int?
    /// `approximate_guild_count`
    public var approximateGuildCount: Int?
    /// `guild_id`
    public var guildID: Snowflake?
    /// `interactions_endpoint_url`
    public var interactionsEndpointURL: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var descriptionValue: String?
        var verifyKeyValue: String?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "icon":
                do { self.icon = try reader.decodeNullable() } catch { throw error.prefixingPath("icon") }
            case "description":
                do { descriptionValue = try reader.decode() } catch { throw error.prefixingPath("description") }
            case "bot_public":
                do { self.botPublic = try reader.decodeNullable() } catch { throw error.prefixingPath("bot_public") }
            case "bot_require_code_grant":
                do { self.botRequireCodeGrant = try reader.decodeNullable() } catch { throw error.prefixingPath("bot_require_code_grant") }
            case "bot":
                do { self.bot = try reader.decodeNullable() } catch { throw error.prefixingPath("bot") }
            case "owner":
                do { self.owner = try reader.decodeNullable() } catch { throw error.prefixingPath("owner") }
            case "verify_key":
                do { verifyKeyValue = try reader.decode() } catch { throw error.prefixingPath("verify_key") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            case "approximate_guild_count":
                do { self.approximateGuildCount = try reader.decodeNullable() } catch { throw error.prefixingPath("approximate_guild_count") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "interactions_endpoint_url":
                do { self.interactionsEndpointURL = try reader.decodeNullable() } catch { throw error.prefixingPath("interactions_endpoint_url") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.description = try reader.require(descriptionValue, "description")
        self.verifyKey = try reader.require(verifyKeyValue, "verify_key")
    }
}
