/// An application command as returned by REST.
public struct ApplicationCommand: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `type`
    public var `type`: ApplicationCommandType?
    /// `application_id`
    public var applicationID: Snowflake
    /// `guild_id`
    public var guildID: Snowflake?
    /// `name`
    public var name: String
    /// `description`
    public var description: String
    /// `options`
    public var options: [ApplicationCommandOption]?
    /// `default_member_permissions`
    public var defaultMemberPermissions: Permissions?
    /// `nsfw`
    public var nsfw: Bool?
    /// `version`
    public var version: Snowflake

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var applicationIDValue: Snowflake?
        var nameValue: String?
        var descriptionValue: String?
        var versionValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "type":
                do { self.type = try reader.decodeNullable() } catch { throw error.prefixingPath("type") }
            case "application_id":
                do { applicationIDValue = try reader.decode() } catch { throw error.prefixingPath("application_id") }
            case "guild_id":
                do { self.guildID = try reader.decodeNullable() } catch { throw error.prefixingPath("guild_id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "description":
                do { descriptionValue = try reader.decode() } catch { throw error.prefixingPath("description") }
            case "options":
                do { self.options = try reader.decodeNullable() } catch { throw error.prefixingPath("options") }
            case "default_member_permissions":
                do { self.defaultMemberPermissions = try reader.decodeNullable() } catch { throw error.prefixingPath("default_member_permissions") }
            case "nsfw":
                do { self.nsfw = try reader.decodeNullable() } catch { throw error.prefixingPath("nsfw") }
            case "version":
                do { versionValue = try reader.decode() } catch { throw error.prefixingPath("version") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.applicationID = try reader.require(applicationIDValue, "application_id")
        self.name = try reader.require(nameValue, "name")
        self.description = try reader.require(descriptionValue, "description")
        self.version = try reader.require(versionValue, "version")
    }
}
