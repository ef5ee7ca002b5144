/// The partial guild sent with interactions and by GET /users/@me/guilds.
public struct PartialGuild: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String?
    /// `icon`
    public var icon: String?
    /// `owner`
    public var owner: Bool?
    /// `permissions`
    public var permissions: Permissions?
    /// `features`
    public var features: [String]?
    /// `locale`
    public var locale: String?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { self.name = try reader.decodeNullable() } catch { throw error.prefixingPath("name") }
            case "icon":
                do { self.icon = try reader.decodeNullable() } catch { throw error.prefixingPath("icon") }
            case "owner":
                do { self.owner = try reader.decodeNullable() } catch { throw error.prefixingPath("owner") }
            case "permissions":
                do { self.permissions = try reader.decodeNullable() } catch { throw error.prefixingPath("permissions") }
            case "features":
                do { self.features = try reader.decodeNullable() } catch { throw error.prefixingPath("features") }
            case "locale":
                do { self.locale = try reader.decodeNullable() } catch { throw error.prefixingPath("locale") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
    }
}
