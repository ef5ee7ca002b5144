/// A guild role.
public struct Role: Sendable, Hashable, JSONDecodable {
    /// `id`
    public var id: Snowflake
    /// `name`
    public var name: String
    /// `color`
    public var color: Int
    /// `colors`
    public var colors: RoleColors?
    /// `hoist`
    public var hoist: Bool
    /// `icon`
    public var icon: String?
    /// `unicode_emoji`
    public var unicodeEmoji: String?
    /// `position`
    public var position: Int
    /// `permissions`
    public var permissions: Permissions
    /// `managed`
    public var managed: Bool
    /// `mentionable`
    public var mentionable: Bool
    /// `tags`
    public var tags: RoleTags?
    /// `flags`
    public var flags: Int?

    /// Decodes from JSON; unknown keys are skipped.
    public init(from reader: inout JSONReader) throws(JSONDecodingError) {
        var idValue: Snowflake?
        var nameValue: String?
        var colorValue: Int?
        var hoistValue: Bool?
        var positionValue: Int?
        var permissionsValue: Permissions?
        var managedValue: Bool?
        var mentionableValue: Bool?
        try reader.beginObject()
        while let key = try reader.nextKey() {
            switch key {
            case "id":
                do { idValue = try reader.decode() } catch { throw error.prefixingPath("id") }
            case "name":
                do { nameValue = try reader.decode() } catch { throw error.prefixingPath("name") }
            case "color":
                do { colorValue = try reader.decode() } catch { throw error.prefixingPath("color") }
            case "colors":
                do { self.colors = try reader.decodeNullable() } catch { throw error.prefixingPath("colors") }
            case "hoist":
                do { hoistValue = try reader.decode() } catch { throw error.prefixingPath("hoist") }
            case "icon":
                do { self.icon = try reader.decodeNullable() } catch { throw error.prefixingPath("icon") }
            case "unicode_emoji":
                do { self.unicodeEmoji = try reader.decodeNullable() } catch { throw error.prefixingPath("unicode_emoji") }
            case "position":
                do { positionValue = try reader.decode() } catch { throw error.prefixingPath("position") }
            case "permissions":
                do { permissionsValue = try reader.decode() } catch { throw error.prefixingPath("permissions") }
            case "managed":
                do { managedValue = try reader.decode() } catch { throw error.prefixingPath("managed") }
            case "mentionable":
                do { mentionableValue = try reader.decode() } catch { throw error.prefixingPath("mentionable") }
            case "tags":
                do { self.tags = try reader.decodeNullable() } catch { throw error.prefixingPath("tags") }
            case "flags":
                do { self.flags = try reader.decodeNullable() } catch { throw error.prefixingPath("flags") }
            default: try reader.skipValue()
            }
        }
        self.id = try reader.require(idValue, "id")
        self.name = try reader.require(nameValue, "name")
        self.color = try reader.require(colorValue, "color")
        self.hoist = try reader.require(hoistValue, "hoist")
        self.position = try reader.require(positionValue, "position")
        self.permissions = try reader.require(permissionsValue, "permissions")
        self.managed = try reader.require(managedValue, "managed")
        self.mentionable = try reader.require(mentionableValue, "mentionable")
    }
}
